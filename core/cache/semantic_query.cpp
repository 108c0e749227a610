#include "cache/semantic_query.h"

#include "cache/request_key.h"

namespace ts::cache {

std::variant<SemanticQuery, std::string> semanticQueryOf(const ChatRequest& request, bool shareAcrossUsers)
{
    if (request.messages.empty() || request.messages.back().role != Role::User)
        return std::string("the last message is not the user's");
    const Message& question = request.messages.back();
    if (!question.images.empty())
        return std::string("the question has images");
    if (question.content.find_first_not_of(" \t\r\n") == std::string::npos)
        return std::string("the question has no text");
    ChatRequest context = request;
    context.messages.pop_back();
    const KeyPolicy policy{.whitespace = WhitespacePolicy::Exact, .shareAcrossUsers = shareAcrossUsers};
    return SemanticQuery{requestKey(context, policy).digest, question.content};
}

} // namespace ts::cache
