#include "trace/import/otlp_json.h"

#include "model/json_writer.h"

#include <charconv>
#include <limits>
#include <optional>

namespace ts::import::otlp {

namespace {

using Type = JsonReader::Type;

bool fail(std::string& error, std::string what)
{
    if (error.empty())
        error = std::move(what);
    return false;
}

bool readInt64(JsonReader& r, std::int64_t& out)
{
    if (r.peek() != Type::String)
        return r.integer(out);
    std::string text;
    if (!r.string(text))
        return false;
    const char* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, out);
    return result.ec == std::errc() && result.ptr == end;
}

// protobuf's JSON mapping writes the non-finite doubles as strings.
bool readDouble(JsonReader& r, double& out)
{
    if (r.peek() != Type::String)
        return r.number(out);
    std::string text;
    if (!r.string(text))
        return false;
    if (text == "NaN" || text == "Infinity" || text == "-Infinity") {
        out = text == "NaN" ? std::numeric_limits<double>::quiet_NaN()
                            : (text[0] == '-' ? -1 : 1) * std::numeric_limits<double>::infinity();
        return true;
    }
    const char* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, out);
    return result.ec == std::errc() && result.ptr == end;
}

bool readAny(JsonReader& r, std::optional<AttrValue>& out, bool& jsonText);

// A value that readAny read, as plain JSON (kvlists and mixed arrays are JSON text already).
void appendPlain(std::string& out, const std::optional<AttrValue>& value, bool jsonText)
{
    if (!value)
        out += "null";
    else if (const auto* s = std::get_if<std::string>(&*value))
        jsonText ? void(out += *s) : appendJsonLiteral(out, *s);
    else if (const auto* i = std::get_if<std::int64_t>(&*value))
        out += std::to_string(*i);
    else if (const auto* d = std::get_if<double>(&*value))
        JsonWriter(out).number(*d);
    else if (const auto* b = std::get_if<bool>(&*value))
        out += *b ? "true" : "false";
}

bool readArray(JsonReader& r, std::optional<AttrValue>& out, bool& jsonText)
{
    std::vector<std::string> strings;
    std::string plain = "[";
    bool allStrings = true;
    const bool ok = r.object([&](std::string_view key) {
        if (key != "values")
            return r.skip();
        return r.array([&] {
            std::optional<AttrValue> item;
            bool itemJson = false;
            if (!readAny(r, item, itemJson))
                return false;
            if (plain.size() > 1)
                plain += ',';
            appendPlain(plain, item, itemJson);
            if (const auto* s = item ? std::get_if<std::string>(&*item) : nullptr; s && !itemJson)
                strings.push_back(*s);
            else
                allStrings = false;
            return true;
        });
    });
    jsonText = !allStrings;
    if (allStrings)
        out = std::move(strings);
    else
        out = plain + ']';
    return ok;
}

bool readKvlist(JsonReader& r, std::string& out)
{
    out = "{";
    const bool ok = r.object([&](std::string_view key) {
        if (key != "values")
            return r.skip();
        return r.array([&] {
            std::string name;
            std::optional<AttrValue> value;
            bool valueJson = false;
            if (!r.object([&](std::string_view field) {
                    if (field == "key")
                        return r.string(name);
                    return field == "value" ? readAny(r, value, valueJson) : r.skip();
                }))
                return false;
            if (out.size() > 1)
                out += ',';
            appendJsonLiteral(out, name);
            out += ':';
            appendPlain(out, value, valueJson);
            return true;
        });
    });
    out += '}';
    return ok;
}

// One AnyValue; `jsonText` says the string it gives is JSON text (a kvlist or a mixed array).
bool readAny(JsonReader& r, std::optional<AttrValue>& out, bool& jsonText)
{
    jsonText = false;
    return r.object([&](std::string_view key) {
        if (r.null())
            return true;
        if (key == "stringValue" || key == "bytesValue") {
            std::string s;
            if (!r.string(s))
                return false;
            out = std::move(s);
            return true;
        }
        if (key == "intValue") {
            std::int64_t v = 0;
            return readInt64(r, v) && (out = v, true);
        }
        if (key == "doubleValue") {
            double v = 0;
            return readDouble(r, v) && (out = v, true);
        }
        if (key == "boolValue") {
            bool v = false;
            return r.boolean(v) && (out = v, true);
        }
        if (key == "arrayValue")
            return readArray(r, out, jsonText);
        if (key == "kvlistValue") {
            std::string text;
            jsonText = true;
            return readKvlist(r, text) && (out = std::move(text), true);
        }
        return r.skip();
    });
}

bool readKind(JsonReader& r, SpanKind& out)
{
    std::int64_t code = 0;
    if (r.peek() == Type::String) {
        std::string name;
        if (!r.string(name))
            return false;
        const std::string_view kinds[] = {"SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL",
                                          "SPAN_KIND_SERVER",      "SPAN_KIND_CLIENT",
                                          "SPAN_KIND_PRODUCER",    "SPAN_KIND_CONSUMER"};
        for (std::size_t i = 0; i < std::size(kinds); ++i)
            if (name == kinds[i])
                code = static_cast<std::int64_t>(i);
    } else if (!r.integer(code)) {
        return false;
    }
    // Tokenscope knows three kinds: a producer sends like a client, a consumer serves.
    out = code == 2 || code == 5   ? SpanKind::Server
          : code == 3 || code == 4 ? SpanKind::Client
                                   : SpanKind::Internal;
    return true;
}

bool readStatus(JsonReader& r, Span& s)
{
    return r.object([&](std::string_view key) {
        if (r.null())
            return true;
        if (key == "message")
            return r.string(s.statusMessage);
        if (key != "code")
            return r.skip();
        std::int64_t code = 0;
        if (r.peek() == Type::String) {
            std::string name;
            if (!r.string(name))
                return false;
            code = name == "STATUS_CODE_OK" ? 1 : name == "STATUS_CODE_ERROR" ? 2 : 0;
        } else if (!r.integer(code)) {
            return false;
        }
        s.status = code == 2 ? SpanStatus::Error : code == 1 ? SpanStatus::Ok : SpanStatus::Unset;
        return true;
    });
}

bool readEvent(JsonReader& r, SpanEvent& e, std::string& error)
{
    return r.object([&](std::string_view key) {
        if (r.null())
            return true;
        if (key == "timeUnixNano")
            return readInt64(r, e.time) || fail(error, "an event's timeUnixNano is not an integer");
        if (key == "name")
            return r.string(e.name) || fail(error, "an event's name is not a string");
        if (key == "attributes")
            return readAttributes(r, e.attributes, error);
        return r.skip();
    });
}

} // namespace

bool readAttributes(JsonReader& r, Attributes& out, std::string& error)
{
    if (r.null())
        return true;
    const bool ok = r.array([&] {
        std::string key;
        std::optional<AttrValue> value;
        bool jsonText = false;
        if (!r.object([&](std::string_view field) {
                if (field == "key")
                    return r.string(key);
                return field == "value" ? readAny(r, value, jsonText) : r.skip();
            }))
            return false;
        if (value && !key.empty())
            out.insert_or_assign(std::move(key), std::move(*value));
        return true;
    });
    return ok || fail(error, "attributes are not a list of KeyValue");
}

bool readSpan(JsonReader& r, Span& s, std::string& error)
{
    return r.object([&](std::string_view key) {
        if (r.null())
            return true;
        if (key == "traceId" || key == "spanId" || key == "parentSpanId") {
            std::string& id = key == "traceId" ? s.traceId : key == "spanId" ? s.spanId : s.parentSpanId;
            return r.string(id) || fail(error, "span " + std::string(key) + " is not a string");
        }
        if (key == "name")
            return r.string(s.name) || fail(error, "span name is not a string");
        if (key == "kind")
            return readKind(r, s.kind) || fail(error, "span kind is not a SpanKind");
        if (key == "startTimeUnixNano")
            return readInt64(r, s.start) || fail(error, "span startTimeUnixNano is not an integer");
        if (key == "endTimeUnixNano")
            return readInt64(r, s.end) || fail(error, "span endTimeUnixNano is not an integer");
        if (key == "status")
            return readStatus(r, s) || fail(error, "span status is not a Status");
        if (key == "attributes")
            return readAttributes(r, s.attributes, error);
        if (key == "events")
            return r.array([&] {
                SpanEvent event;
                if (!readEvent(r, event, error))
                    return false;
                s.events.push_back(std::move(event));
                return true;
            }) || fail(error, "span events are not a list of events");
        return r.skip();
    });
}

bool readResource(JsonReader& r, Attributes& out, std::string& error)
{
    if (r.null())
        return true;
    return r.object([&](std::string_view key) {
        return key == "attributes" ? readAttributes(r, out, error) : r.skip();
    }) || fail(error, "resource is not a Resource");
}

bool readScope(JsonReader& r, std::string& name, std::string& version, std::string& error)
{
    if (r.null())
        return true;
    return r.object([&](std::string_view key) {
        if (r.null())
            return true;
        if (key == "name")
            return r.string(name);
        return key == "version" ? r.string(version) : r.skip();
    }) || fail(error, "scope is not an InstrumentationScope");
}

} // namespace ts::import::otlp
