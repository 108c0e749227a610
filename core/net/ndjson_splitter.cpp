#include "net/ndjson_splitter.h"

namespace ts::net {

namespace {
std::string_view withoutCR(std::string_view line)
{
    if (line.ends_with('\r'))
        line.remove_suffix(1);
    return line;
}
} // namespace

bool NdjsonSplitter::feed(std::string_view bytes)
{
    if (stopped_)
        return false;
    // Scan only the new bytes: the buffered part is known to hold no '\n'.
    const size_t scan = buffer_.size();
    buffer_.append(bytes);
    size_t pos = 0;
    for (size_t end = buffer_.find('\n', scan); end != std::string::npos && !stopped_;
         end = buffer_.find('\n', pos)) {
        stopped_ = !emit(std::string_view(buffer_).substr(pos, end - pos));
        pos = end + 1;
    }
    buffer_.erase(0, pos);
    return !stopped_;
}

std::string NdjsonSplitter::finish()
{
    std::string rest(withoutCR(buffer_));
    buffer_.clear();
    if (rest.find_first_not_of(" \t") == std::string::npos)
        rest.clear();
    return rest;
}

bool NdjsonSplitter::emit(std::string_view line)
{
    line = withoutCR(line);
    if (line.find_first_not_of(" \t") == std::string_view::npos)
        return true;
    return sink_(line);
}

} // namespace ts::net
