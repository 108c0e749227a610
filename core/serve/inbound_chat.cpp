#include "serve/inbound_chat.h"

namespace ts::serve {

GatewayError badJson(const char* what, std::size_t byte)
{
    return invalidRequest("We could not parse the JSON body of your request (at byte " + std::to_string(byte) +
                          ": " + what + ").");
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
