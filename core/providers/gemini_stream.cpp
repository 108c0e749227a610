#include "providers/gemini_stream.h"

#include "providers/gemini_reply.h"
#include "model/attributes.h"
#include "providers/json_fields.h"

namespace ts::gemini {

using nlohmann::json;

namespace {

constexpr std::string_view kFinishReason = "tokenscope.gemini.finish_reason";
constexpr std::string_view kBlockReason = "tokenscope.gemini.block_reason";

const json* firstCandidate(const json& chunk)
{
    const json* candidates = field(chunk, "candidates");
    if (!candidates || !candidates->is_array())
        return nullptr;
    for (const json& candidate : *candidates)
        if (intField(candidate, "index") == 0)
            return &candidate;
    return nullptr;
}

} // namespace

ChunkDelta StreamAssembler::apply(const json& chunk)
{
    if (response_.id.empty())
        response_.id = stringField(chunk, "responseId");
    if (const std::string version = stringField(chunk, "modelVersion"); !version.empty())
        response_.model = version;
    if (const json* usage = field(chunk, "usageMetadata"))
        usage_ = *usage;
    if (const json* feedback = field(chunk, "promptFeedback"))
        if (const std::string reason = stringField(*feedback, "blockReason"); !reason.empty())
            blockReason_ = reason;
    ChunkDelta out;
    const json* candidate = firstCandidate(chunk);
    if (!candidate)
        return out;
    if (const json* content = field(*candidate, "content"))
        if (const json* parts = field(*content, "parts"); parts && parts->is_array())
            for (const json& part : *parts)
                applyPart(part, out);
    if (const std::string reason = stringField(*candidate, "finishReason"); !reason.empty())
        finishReason_ = reason;
    return out;
}

void StreamAssembler::applyPart(const json& part, ChunkDelta& out)
{
    if (const json* call = field(part, "functionCall")) {
        const json* args = field(*call, "args");
        // The signature sits on the part, beside functionCall; the API wants it back on the same part.
        response_.toolCalls.push_back({stringField(*call, "id"), stringField(*call, "name"),
                                       args ? args->dump() : std::string("{}"),
                                       stringField(part, "thoughtSignature")});
        out.answer = out.content = true;
        return;
    }
    // A thoughtSignature on a text part (Gemini 3 may sign the last part of a plain answer, even an
    // empty one) is dropped: the API validates signatures only on functionCall parts, and a text
    // answer has nowhere in Message to keep one.
    const std::string text = stringField(part, "text");
    if (const json* thought = field(part, "thought");
        thought && thought->is_boolean() && thought->get<bool>()) {
        thinking_ += text;
        out.content = out.content || !text.empty();
        return;
    }
    // executableCode, codeExecutionResult and inline media add no answer text.
    out.text += text;
    response_.text += text;
    out.answer = out.answer || !text.empty();
    out.content = out.content || !text.empty();
}

ChatResponse StreamAssembler::response() const
{
    ChatResponse out = response_;
    if (!blockReason_.empty())
        out.finishReason = "content_filter";
    else if (!finishReason_.empty())
        out.finishReason = finishReason(finishReason_, !out.toolCalls.empty());
    if (!usage_.is_null())
        out.usage = usageFrom(usage_);
    return out;
}

Attributes StreamAssembler::attributes() const
{
    Attributes out;
    if (!finishReason_.empty())
        out[std::string(kFinishReason)] = finishReason_;
    if (!blockReason_.empty())
        out[std::string(kBlockReason)] = blockReason_;
    if (!thinking_.empty())
        out[std::string(attr::kThinkingChars)] = static_cast<std::int64_t>(thinking_.size());
    return out;
}

} // namespace ts::gemini
