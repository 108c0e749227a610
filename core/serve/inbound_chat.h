#pragma once
#include "model/request.h"
#include "serve/gateway_error.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace ts::serve {

// A client's chat request as the pipeline takes it, or why it cannot be honoured.
struct InboundChat
{
    ChatRequest request;
    bool includeUsage = false; // OpenAI stream_options.include_usage
    std::optional<GatewayError> error;
};

// The request body as a JSON object, or nothing with in.error saying why in the dialect's words:
// "We could not parse the JSON body of your request (at byte 17: ...)", or not an object.
std::optional<nlohmann::json> readBodyObject(std::string_view text, InboundChat& in);

// An image from a URL: a data: URL becomes inline base64 with its media type, anything else stays a URL.
ImagePart imageFromUrl(std::string url);

} // namespace ts::serve
