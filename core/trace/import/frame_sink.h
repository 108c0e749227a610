#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ts::import {

// Where the record framer hands what it cuts out of a file.
class FrameSink
{
  public:
    virtual ~FrameSink() = default;
    // One record's JSON text (valid until the call returns) and the line it starts on.
    virtual void record(std::string_view text, std::int64_t line) = 0;
    // A record that was skipped: its line and why ("the line ends before the record's JSON does").
    virtual void problem(std::int64_t line, std::string reason) = 0;
    // Reading stopped before the end of the text (a truncated file, broken structure): where and why.
    virtual void stopped(std::string reason) = 0;
};

} // namespace ts::import
