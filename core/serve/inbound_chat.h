#pragma once
#include "model/request.h"
#include "serve/gateway_error.h"

#include <optional>

namespace ts::serve {

// A client's chat request as the pipeline takes it, or why it cannot be honoured.
struct InboundChat
{
    ChatRequest request;
    bool includeUsage = false; // OpenAI stream_options.include_usage
    std::optional<GatewayError> error;
};

// "We could not parse the JSON body of your request (at byte 17: ...)".
GatewayError badJson(const char* what, std::size_t byte);

// An image from a URL: a data: URL becomes inline base64 with its media type, anything else stays a URL.
ImagePart imageFromUrl(std::string url);

} // namespace ts::serve
