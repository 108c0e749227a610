#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ts {

// Appends compact JSON to a string without building a DOM: the gateway writes a reply and an
// upstream body on every request, and nlohmann objects cost ten times more than the text itself.
// The output is byte for byte what nlohmann's dump(-1, ' ', false, replace) gives for the same
// values written in the same order (callers write an object's keys sorted, as nlohmann does).
// Commas are placed by the writer; the caller keeps keys and values paired.
class JsonWriter
{
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    JsonWriter& beginObject() { return open('{'); }
    JsonWriter& endObject() { return close('}'); }
    JsonWriter& beginArray() { return open('['); }
    JsonWriter& endArray() { return close(']'); }

    JsonWriter& key(std::string_view name);
    JsonWriter& string(std::string_view text);
    JsonWriter& integer(std::int64_t value);
    JsonWriter& number(double value); // as nlohmann writes it; not finite: null
    JsonWriter& boolean(bool value) { return raw(value ? "true" : "false"); }
    JsonWriter& null() { return raw("null"); }
    JsonWriter& stringOrNull(std::string_view text) { return text.empty() ? null() : string(text); }
    // A value that is already JSON text (a dumped schema, a prebuilt delta).
    JsonWriter& raw(std::string_view json);

private:
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    void separate();

    std::string& out_;
    bool needComma_ = false; // a value was written at this level
};

// `text` as a JSON string literal, quotes included. Control characters are escaped and bytes that
// are not valid UTF-8 become U+FFFD, one per maximal invalid subpart (as nlohmann replaces them).
void appendJsonLiteral(std::string& out, std::string_view text);

} // namespace ts
