#pragma once
#include "model/time.h"

#include <string>

namespace ts {

// RFC 3339 / ISO 8601 in UTC with milliseconds: 2026-11-26T14:03:21.123Z
std::string isoUtc(Nanos t);

} // namespace ts
