#pragma once
#include "model/ids.h"
#include "model/time.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ts {

using AttrValue = std::variant<std::string, std::int64_t, double, bool, std::vector<std::string>>;
// Ordered so that stored and exported attributes are deterministic.
using Attributes = std::map<std::string, AttrValue, std::less<>>;

// Numbering follows OTLP's SpanKind and Status.code so the codec is a cast.
enum class SpanKind { Internal = 1, Server = 2, Client = 3 };
enum class SpanStatus { Unset = 0, Ok = 1, Error = 2 };

struct SpanEvent
{
    Nanos time = 0;
    std::string name;
    Attributes attributes;

    bool operator==(const SpanEvent&) const = default;
};

struct Span
{
    std::string traceId; // 32 hex chars
    std::string spanId;  // 16 hex chars
    std::string parentSpanId;
    std::string name;
    SpanKind kind = SpanKind::Internal;
    Nanos start = 0;
    Nanos end = 0;
    SpanStatus status = SpanStatus::Unset;
    std::string statusMessage;
    Attributes attributes;
    std::vector<SpanEvent> events;

    Nanos duration() const { return end - start; }
    const AttrValue* attr(std::string_view key) const;
    std::string attrString(std::string_view key) const;
    std::string_view attrView(std::string_view key) const; // attrString without the copy, valid while the span is
    std::optional<std::int64_t> attrInt(std::string_view key) const;
    std::optional<double> attrDouble(std::string_view key) const;
    bool attrBool(std::string_view key) const; // false when absent

    bool operator==(const Span&) const = default;
};


} // namespace ts
