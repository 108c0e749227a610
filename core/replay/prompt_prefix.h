#pragma once
#include "catalog/model_info.h"
#include "model/usage.h"
#include "replay/recorded_calls.h"
#include "replay/reprice_config.h"

#include <cstddef>
#include <vector>

namespace ts::replay {

// Prompt caching of the stable prefix, over the calls of one trace (set.calls[begin, begin +
// usages.size()), in start order). An agent loop or a conversation resends each call's prompt as
// the start of the next, so a call to the same model within the cache lifetime would read the
// earlier prompt (up to its own length) from the cache, when that prefix is at least minTokens
// long. Where the model lists a cache-write price (Anthropic's explicit caching), the earlier call
// pays to write what is read later; elsewhere (OpenAI's automatic caching) writing is free.
// usages holds the calls' recorded usage and is rewritten in place; reads and writes only grow,
// and never past a call's input. pricedAt maps a CallSet model index to the model it is priced at.
void applyPromptCaching(const PromptCaching& rule, const CallSet& set, const std::vector<const ModelInfo*>& pricedAt,
                        std::size_t begin, std::vector<Usage>& usages);

} // namespace ts::replay
