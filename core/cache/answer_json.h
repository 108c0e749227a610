#pragma once
#include "gateway/stages.h"

#include <optional>
#include <string>
#include <string_view>

namespace ts::cache {

// A cached answer as the text of its answer_json column: the response (id, model, text, tool calls,
// finish reason, usage), whether the simulator wrote it, and the stream's pacing as [offset_ns, bytes]
// pairs. costUsd and paced are not part of it (a column, and a setting of the cache).
std::string answerJson(const CachedAnswer& answer);

// Back from that text; nullopt with `error` saying what is wrong when it is not such a document.
std::optional<CachedAnswer> answerFromJson(std::string_view text, std::string& error);

} // namespace ts::cache
