#pragma once
#include "guard/guard_engine.h"
#include "model/trace.h"

#include <string>
#include <string_view>

namespace ts::exporting {

// What a guard policy rewrites (redact, mask, hash, and the placeholder a blocking rule leaves),
// taken out of a trace before it leaves the workspace. Both stages of the policy apply to every
// text, input rules first, so an export holds nothing that either stage would rewrite. One trace's
// placeholders are numbered together: the same e-mail is [EMAIL_1] in its messages, attributes
// and raw exchange alike. Thread-safe; one instance serves a whole export.
class ExportRedaction
{
  public:
    explicit ExportRedaction(guard::Policy policy);

    // Messages (content, tool-call arguments), span names, status messages, the attributes and
    // event attributes that can hold user text (holdsUserText), and raw exchanges (URL, header
    // values, bodies, chunks).
    void apply(Trace& trace) const;
    // The free-text fields of a traces-table row: name, error, user, session, tags, preview.
    void apply(TraceSummary& summary) const;

    // The text with both stages' rewrites applied.
    std::string redact(std::string_view text, guard::Vault& vault) const;

  private:
    void redactExchange(Exchange& exchange, guard::Vault& vault) const;
    void redactChunks(std::vector<Exchange::Chunk>& chunks, guard::Vault& vault) const;

    guard::CompiledPolicy policy_;
    bool input_ = false;  // the input stage has rules that can rewrite
    bool output_ = false; // the output stage has
};

// Attribute names whose values are people's text rather than ids, numbers or settings: the GenAI
// prompt and completion attributes, OpenInference's input.value and output.value, anything named
// *.messages, *.content, *.prompt, *.completion, *.input, *.output, *.arguments, *.result, error
// and exception messages, and the end user and session attributes.
bool holdsUserText(std::string_view key);

} // namespace ts::exporting
