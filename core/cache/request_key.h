#pragma once
#include "gateway/exact_cache_config.h"
#include "model/request.h"

#include <string>
#include <string_view>

namespace ts::cache {

struct RequestKey
{
    std::string canonical; // the JSON that was hashed: what changes the answer, keys sorted
    std::string digest;    // lower-case hex SHA-256 of canonical
    std::string user;      // the scope's user; "" when shared across users
};

// Everything that changes the answer (provider, model, messages, tools, response format, sampling
// parameters) and nothing that does not (the stream flag, session, tags, source). JSON held in
// strings (tool schemas, tool-call arguments) is parsed and written back with sorted keys.
RequestKey requestKey(const ChatRequest& request, const KeyPolicy& policy = {});

// Trims the text and turns each run of whitespace into one space.
std::string collapseWhitespace(std::string_view text);

} // namespace ts::cache
