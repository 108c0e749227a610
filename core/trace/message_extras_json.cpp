#include "trace/message_extras_json.h"

#include <nlohmann/json.hpp>

namespace ts::codec {

using nlohmann::json;

std::optional<std::string> messageExtrasToJson(const Message& message)
{
    if (message.images.empty() && message.cacheBreakpoint.empty())
        return std::nullopt;
    json extras = json::object();
    if (!message.images.empty()) {
        json images = json::array();
        for (const ImagePart& image : message.images) {
            json item{{"media_type", image.mediaType}};
            if (!image.base64.empty())
                item["data"] = image.base64;
            if (!image.url.empty())
                item["url"] = image.url;
            images.push_back(std::move(item));
        }
        extras["images"] = std::move(images);
    }
    if (!message.cacheBreakpoint.empty())
        extras["cache_breakpoint"] = message.cacheBreakpoint;
    return extras.dump(-1, ' ', false, json::error_handler_t::replace);
}

void messageExtrasFromJson(std::string_view text, Message& message)
{
    const json extras = json::parse(text);
    if (const auto images = extras.find("images"); images != extras.end())
        for (const json& item : *images)
            message.images.push_back({item.value("media_type", std::string()), item.value("data", std::string()),
                                      item.value("url", std::string())});
    message.cacheBreakpoint = extras.value("cache_breakpoint", std::string());
}

} // namespace ts::codec
