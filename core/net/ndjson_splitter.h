#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace ts::net {

// Splits a newline-delimited stream (NDJSON, as Ollama streams) into lines as bytes arrive, split
// anywhere. A trailing '\r' is dropped and blank lines are skipped.
class NdjsonSplitter
{
public:
    using Sink = std::function<bool(std::string_view line)>; // false stops splitting
    explicit NdjsonSplitter(Sink sink) : sink_(std::move(sink)) {}

    bool feed(std::string_view bytes); // false once the sink said stop
    // End of stream: returns the last line if it never got its '\n' (empty if none), and resets.
    std::string finish();

private:
    bool emit(std::string_view line);

    Sink sink_;
    std::string buffer_;
    bool stopped_ = false;
};

} // namespace ts::net
