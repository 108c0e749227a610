#pragma once
#include "model/time.h"
#include "net/http_client.h"

#include <cstdint>
#include <optional>

namespace ts::net {

// How long the server asked the client to wait before trying again: OpenAI's `retry-after-ms` first,
// then `retry-after` as seconds (fractions allowed) or as an HTTP-date measured from `now`.
// Empty when neither header is there or readable; never negative.
std::optional<std::int64_t> retryAfterMs(const HttpResponse& response, Nanos now);

} // namespace ts::net
