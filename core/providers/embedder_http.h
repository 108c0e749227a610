#pragma once
#include "model/cancel.h"
#include "providers/endpoint.h"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ts {

using HttpErrorFor = ProviderError (*)(int status, std::string_view body);

ProviderError embedFailure(ProviderError::Kind kind, std::string message);

// A JSON array of numbers as floats; none when `values` is missing, empty or not all numbers.
std::optional<std::vector<float>> vectorFrom(const nlohmann::json* values);

// POSTs `body` as JSON to the endpoint's `path` and returns the 2xx reply's body, or the error the
// transfer or the status names (httpError reads the provider's error envelope; Retry-After wins).
std::variant<std::string, ProviderError> postEmbeddings(const Endpoint& endpoint, std::string_view path,
                                                        const nlohmann::json& body, const CancelToken* cancel,
                                                        HttpErrorFor httpError);

} // namespace ts
