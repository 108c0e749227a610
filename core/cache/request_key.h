#pragma once
#include "model/request.h"

#include <string>
#include <string_view>

namespace ts::cache {

// How message text is compared: byte for byte, or with leading and trailing whitespace trimmed and
// every run of whitespace inside read as one space (so "Hi  there\n" and "Hi there" share an entry).
enum class WhitespacePolicy { Exact, Collapse };

struct KeyPolicy
{
    WhitespacePolicy whitespace = WhitespacePolicy::Exact;
    // Off: each user has their own entries (one user's answer may quote what only they may see).
    bool shareAcrossUsers = false;

    bool operator==(const KeyPolicy&) const = default;
};

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
