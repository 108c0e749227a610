#pragma once
#include "trace/import/held_pieces.h"
#include "trace/import/record_mapper.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ts::import {

// "litellm": LiteLLM's logs, as JSON lines (or a JSON array) of either StandardLoggingPayload records
// (what its logging callbacks receive) or rows of the proxy's LiteLLM_SpendLogs table
// (litellm_record.h). One record is one call; litellm_trace.h shapes the traces.
const ImportFormat& litellmFormat();

// Calls that name a trace_id are held until the end (or until the memory budget sends the oldest
// out), so that a request's retries and fallbacks, logged as separate payloads, become one trace
// whose root spans them all. Spend-log rows and payloads without a trace_id go out at once.
class LiteLlmMapper final : public RecordMapper
{
  public:
    static constexpr std::size_t kDefaultHeldBytes = std::size_t{64} << 20;

    explicit LiteLlmMapper(std::size_t heldBytes = kDefaultHeldBytes) : held_(heldBytes) {}

    std::string map(std::string_view record, std::vector<Trace>& out) override;
    void finish(std::vector<Trace>& out, std::vector<std::string>& notes) override;

  private:
    void release(HeldPieces::Released released, std::vector<Trace>& out);

    HeldPieces held_;
    std::size_t releasedEarly_ = 0;
};

} // namespace ts::import
