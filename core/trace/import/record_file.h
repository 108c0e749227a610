#pragma once
#include "trace/import/json_framer.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace ts::import {

struct ReadLimits
{
    std::size_t blockBytes = std::size_t{1} << 20; // read this much at a time
    std::size_t maxRecordBytes = std::size_t{64}
                                 << 20; // a larger record is skipped (OTLP requests are cut up)
};

// One log file read block by block into records (json_framer.h), in memory bounded by the block
// and the largest record whatever the file's size. A UTF-8 byte order mark at the start is skipped.
class RecordFile
{
  public:
    RecordFile(std::string path, FrameSink& sink, ReadLimits limits = {});

    // "" or why the file cannot be read ("no such file", "is a folder").
    std::string open();
    // Reads and frames the next block; false once the file is done (its end reported to the sink).
    bool step();

    std::uint64_t size() const { return size_; }
    std::uint64_t done() const { return done_; }
    std::int64_t records() const { return framer_.records(); }

  private:
    struct Closer
    {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };

    std::string path_;
    FrameSink& sink_;
    ReadLimits limits_;
    JsonFramer framer_;
    std::unique_ptr<std::FILE, Closer> file_;
    std::vector<char> block_;
    std::uint64_t size_ = 0;
    std::uint64_t done_ = 0;
    bool finished_ = false;
};

} // namespace ts::import
