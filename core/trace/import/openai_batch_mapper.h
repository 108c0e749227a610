#pragma once
#include "trace/import/held_pieces.h"
#include "trace/import/record_mapper.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ts::import {

// "openai-batch": an OpenAI Batch job's input file and its output (or error) file, in either order
// and from one or two files (openai_batch_lines.h has the shapes). One custom_id is one trace with
// one model-call span, marked tokenscope.batch so it is priced at the batch discount.
const ImportFormat& openaiBatchFormat();

// Joins each request with its result by custom_id and hands the pair on as soon as both are read,
// holding only the unmatched side. What is still unmatched at the end goes out alone:
//  - a result without its request: the answer, usage and status, without the prompt;
//  - a request without its result: the prompt and parameters with no time and no status, since the
//    input file says nothing of when or how it ran. Importing the output file later completes it:
//    the importer merges the result into the stored trace (same ids), filling the empty time.
// Unmatched lines beyond the memory budget go out early the same way.
class OpenAiBatchMapper final : public RecordMapper
{
  public:
    static constexpr std::size_t kDefaultHeldBytes = std::size_t{64} << 20;

    explicit OpenAiBatchMapper(std::size_t heldBytes = kDefaultHeldBytes) : held_(heldBytes) {}

    std::string map(std::string_view record, std::vector<Trace>& out) override;
    void finish(std::vector<Trace>& out, std::vector<std::string>& notes) override;

  private:
    // How many lines went out one way, with the first few custom_ids to name them.
    struct Tally
    {
        std::size_t count = 0;
        std::vector<std::string> examples;
        void add(const std::string& customId);
        std::string named() const; // " (custom_id a, b, c, ...)"
    };

    void release(HeldPieces::Released released, std::vector<Trace>& out, bool early);

    HeldPieces held_;
    Tally requestsAlone_;
    Tally resultsAlone_;
    std::size_t releasedEarly_ = 0;
    std::size_t untimed_ = 0;
};

} // namespace ts::import
