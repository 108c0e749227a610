#include "trace/export/export_redaction.h"

#include "model/attributes.h"
#include "trace/export/stream_text.h"

#include <array>

namespace ts::exporting {

namespace {

constexpr std::array<std::string_view, 11> kUserTextNames{
    "input.value", "output.value", "error.message", "exception.message", "exception.stacktrace",
    attr::kUser,   attr::kSession, "enduser.id",    "user.id",           "user.email",
    "user.name"};
constexpr std::array<std::string_view, 10> kUserTextPrefixes{"gen_ai.prompt",
                                                             "gen_ai.completion",
                                                             "gen_ai.input.",
                                                             "gen_ai.output.",
                                                             "gen_ai.system_instructions",
                                                             "llm.input_messages",
                                                             "llm.output_messages",
                                                             "llm.prompts",
                                                             "input.",
                                                             "output."};
constexpr std::array<std::string_view, 12> kUserTextSuffixes{
    ".messages",  ".content", ".prompt",  ".completion", ".input", ".output",
    ".arguments", ".result",  ".message", ".error",      ".text",  ".query"};

bool rewritingStage(const guard::StagePolicy& stage)
{
    return stage.scansStructured() || stage.bannedWords || stage.maxLength;
}

} // namespace

bool holdsUserText(std::string_view key)
{
    for (std::string_view name : kUserTextNames)
        if (key == name)
            return true;
    for (std::string_view prefix : kUserTextPrefixes)
        if (key.starts_with(prefix))
            return true;
    for (std::string_view suffix : kUserTextSuffixes)
        if (key.ends_with(suffix))
            return true;
    return false;
}

ExportRedaction::ExportRedaction(guard::Policy policy)
    : policy_(std::move(policy)), input_(policy_.policy().input.scansStructured()),
      output_(rewritingStage(policy_.policy().output))
{
}

std::string ExportRedaction::redact(std::string_view text, guard::Vault& vault) const
{
    std::string out(text);
    if (out.empty())
        return out;
    if (input_)
        out = policy_.input(out, vault, false).text;
    if (output_)
        out = policy_.output(out, vault, guard::OutputContext{}).text;
    return out;
}

namespace {

void redactAttributes(const ExportRedaction& r, Attributes& attributes, guard::Vault& vault)
{
    for (auto& [key, value] : attributes) {
        if (!holdsUserText(key))
            continue;
        if (auto* text = std::get_if<std::string>(&value))
            *text = r.redact(*text, vault);
        else if (auto* list = std::get_if<std::vector<std::string>>(&value))
            for (std::string& item : *list)
                item = r.redact(item, vault);
    }
}

void redactMessages(const ExportRedaction& r, std::vector<Message>& messages, guard::Vault& vault)
{
    for (Message& m : messages) {
        m.content = r.redact(m.content, vault);
        for (ToolCall& call : m.toolCalls)
            call.arguments = r.redact(call.arguments, vault);
    }
}

void redactSummary(const ExportRedaction& r, TraceSummary& s, guard::Vault& vault)
{
    for (std::string* field : {&s.name, &s.error, &s.user, &s.session, &s.tags, &s.preview})
        *field = r.redact(*field, vault);
}

} // namespace

// The chunks are scanned as one text, so a value split between two of them is found, and cut
// again where they were cut (a rewrite that straddles a cut goes wholly to the earlier chunk).
void ExportRedaction::redactChunks(std::vector<Exchange::Chunk>& chunks, guard::Vault& vault) const
{
    if (chunks.empty())
        return;
    // A value the model streamed token by token is split by the wire format's framing, where no
    // scan of the raw bytes sees it whole: when the reassembled answer holds something to
    // rewrite, the chunks go without their data (their times stay, for latency).
    guard::Vault scratch;
    if (const std::string streamed = streamedText(chunks); redact(streamed, scratch) != streamed) {
        for (Exchange::Chunk& c : chunks)
            c.data.clear();
        return;
    }
    std::string joined;
    std::vector<std::size_t> cuts;
    for (const Exchange::Chunk& c : chunks) {
        joined += c.data;
        cuts.push_back(joined.size());
    }
    auto follow = [&](guard::TextVerdict verdict) {
        for (std::size_t& cut : cuts)
            cut = guard::rewrittenOffset(verdict.placed, cut);
        joined = std::move(verdict.text);
    };
    if (input_)
        follow(policy_.input(joined, vault, false));
    if (output_)
        follow(policy_.output(joined, vault, guard::OutputContext{}));
    std::size_t from = 0;
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        chunks[i].data = joined.substr(from, cuts[i] - from);
        from = cuts[i];
    }
}

void ExportRedaction::redactExchange(Exchange& e, guard::Vault& vault) const
{
    e.url = redact(e.url, vault);
    for (auto* headers : {&e.requestHeaders, &e.responseHeaders})
        for (Header& h : *headers)
            h.second = redact(h.second, vault);
    e.requestBody = redact(e.requestBody, vault);
    e.responseBody = redact(e.responseBody, vault);
    redactChunks(e.chunks, vault);
}

void ExportRedaction::apply(Trace& trace) const
{
    guard::Vault vault;
    redactMessages(*this, trace.input, vault);
    redactMessages(*this, trace.output, vault);
    for (Span& span : trace.spans) {
        span.name = redact(span.name, vault);
        span.statusMessage = redact(span.statusMessage, vault);
        redactAttributes(*this, span.attributes, vault);
        for (SpanEvent& event : span.events)
            redactAttributes(*this, event.attributes, vault);
    }
    for (Exchange& exchange : trace.exchanges)
        redactExchange(exchange, vault);
    redactSummary(*this, trace.summary, vault);
}

void ExportRedaction::apply(TraceSummary& summary) const
{
    guard::Vault vault;
    redactSummary(*this, summary, vault);
}

} // namespace ts::exporting
