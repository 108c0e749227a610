#pragma once
#include "model/request.h"

#include <string>
#include <variant>

namespace ts::cache {

// What the semantic cache compares, and within what. The text embedded is the last user message
// alone; everything before it (system prompt, earlier turns), the provider and model, the parameters
// that change the answer and the user (unless shared) make up the scope, matched exactly. So a
// follow-up such as "and in French?" only meets entries from the same conversation so far, and a
// long history does not blur the question's vector the way embedding the whole conversation would.
struct SemanticQuery
{
    std::string scope; // requestKey digest of the request without its last message
    std::string text;  // the question
};

// The query, or why the request cannot be answered from the semantic cache (its last message is not
// a user's, has no text, or carries images the text embedding would not see).
std::variant<SemanticQuery, std::string> semanticQueryOf(const ChatRequest& request, bool shareAcrossUsers);

} // namespace ts::cache
