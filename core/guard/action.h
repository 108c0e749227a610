#pragma once
#include <optional>
#include <string_view>

namespace ts::guard {

// What a policy does with a finding. Block stops the request (or the stream); redact swaps the
// text for a placeholder the answer gets back ([EMAIL_1]: reversible, the original stays in memory
// for this request only); mask keeps a hint (j***@e***.com, **** 4242); hash puts a short SHA-256;
// warn and log pass the text through, warn marking the trace.
enum class Action { Block, Redact, Mask, Hash, Warn, Log };

std::string_view actionName(Action a); // "block", "redact", ...
std::optional<Action> parseAction(std::string_view name);
bool rewrites(Action a); // redact, mask, hash

} // namespace ts::guard
