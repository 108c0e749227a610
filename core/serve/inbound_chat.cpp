#include "serve/inbound_chat.h"

namespace ts::serve {

std::optional<nlohmann::json> readBodyObject(std::string_view text, InboundChat& in)
{
    nlohmann::json body;
    try {
        body = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        in.error = invalidRequest("We could not parse the JSON body of your request (at byte " +
                                  std::to_string(e.byte) + ": " + e.what() + ").");
        return std::nullopt;
    }
    if (!body.is_object()) {
        in.error = invalidRequest("The request body must be a JSON object.");
        return std::nullopt;
    }
    return body;
}

ImagePart imageFromUrl(std::string url)
{
    ImagePart image;
    constexpr std::string_view kData = "data:";
    const auto comma = url.find(',');
    if (url.rfind(kData, 0) != 0 || comma == std::string::npos) {
        image.url = std::move(url);
        return image;
    }
    std::string_view header(url.data() + kData.size(), comma - kData.size());
    if (const auto semi = header.find(';'); semi != std::string_view::npos)
        header = header.substr(0, semi);
    image.mediaType = std::string(header);
    image.base64 = url.substr(comma + 1);
    return image;
}

} // namespace ts::serve
