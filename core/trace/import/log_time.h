#pragma once
#include "model/time.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string_view>

// Timestamps as exported logs write them, read into Tokenscope's nanoseconds since the epoch.
namespace ts::import {

// ISO 8601 / RFC 3339: 2025-03-14T09:26:53Z, 2025-03-14T09:26:53.123456+02:00,
// 2025-03-14 09:26:53.123 (no zone: UTC), with up to nine fraction digits. nullopt otherwise.
std::optional<Nanos> parseIsoTime(std::string_view text);

// A JSON value that holds a time: an ISO string, or a number of epoch seconds (LiteLLM's
// startTime: 1741944413.123), milliseconds or nanoseconds (told apart by magnitude). nullopt when
// absent, null or unreadable.
std::optional<Nanos> timeOf(const nlohmann::json& value);

} // namespace ts::import
