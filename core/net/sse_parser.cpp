#include "net/sse_parser.h"

namespace ts::net {

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";
}

bool SseParser::feed(std::string_view bytes)
{
    if (stopped_)
        return false;
    buffer_.append(bytes);
    if (!skipBom() || buffer_.empty())
        return true;
    size_t pos = 0;
    if (lastWasCR_ && buffer_.front() == '\n')
        pos = 1;
    lastWasCR_ = false;
    while (!stopped_) {
        const size_t end = buffer_.find_first_of("\r\n", pos);
        if (end == std::string::npos)
            break;
        size_t next = end + 1;
        if (buffer_[end] == '\r' && next == buffer_.size())
            lastWasCR_ = true;
        else if (buffer_[end] == '\r' && buffer_[next] == '\n')
            ++next;
        stopped_ = !line(std::string_view(buffer_).substr(pos, end - pos));
        pos = next;
    }
    buffer_.erase(0, pos);
    return !stopped_;
}

bool SseParser::finish()
{
    const bool incomplete = pendingData();
    buffer_.clear();
    current_ = {};
    hasData_ = false;
    lastWasCR_ = false;
    bomChecked_ = false;
    return incomplete;
}

// False while the buffer could still be the first bytes of a BOM.
bool SseParser::skipBom()
{
    if (bomChecked_)
        return true;
    if (buffer_.size() < kBom.size() && kBom.starts_with(buffer_))
        return false;
    if (buffer_.starts_with(kBom))
        buffer_.erase(0, kBom.size());
    bomChecked_ = true;
    return true;
}

bool SseParser::line(std::string_view l)
{
    if (l.empty())
        return dispatch();
    if (l.front() == ':')
        return true;
    const size_t colon = l.find(':');
    std::string_view value = colon == std::string_view::npos ? std::string_view{} : l.substr(colon + 1);
    if (value.starts_with(' '))
        value.remove_prefix(1);
    field(l.substr(0, colon), value);
    return true;
}

void SseParser::field(std::string_view name, std::string_view value)
{
    if (name == "data") {
        current_.data.append(value);
        current_.data.push_back('\n');
        hasData_ = true;
    } else if (name == "event") {
        current_.event = value;
    } else if (name == "id" && value.find('\0') == std::string_view::npos) {
        current_.id = value;
    }
}

bool SseParser::dispatch()
{
    if (!hasData_) {
        current_.event.clear();
        return true;
    }
    current_.data.pop_back(); // the '\n' after the last data line
    const bool more = sink_(current_);
    current_.data.clear();
    current_.event.clear();
    hasData_ = false;
    return more;
}

} // namespace ts::net
