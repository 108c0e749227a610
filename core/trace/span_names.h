#pragma once
#include "model/span.h"

#include <string_view>

namespace ts::codec {

// The words stored for span kinds and statuses, readable in ad-hoc SQL.
std::string_view kindName(SpanKind kind);
SpanKind kindFromName(std::string_view name);
std::string_view statusName(SpanStatus status);
SpanStatus statusFromName(std::string_view name);

} // namespace ts::codec
