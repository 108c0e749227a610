#pragma once
#include "trace/import/frame_sink.h"
#include "trace/import/otlp_batches.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ts::import {

// Cuts JSON text, fed block by block, into records without parsing it: it follows strings and
// brackets only, so it runs at memory speed and holds no more than the record it is in.
//  - JSON lines: one record a line; blank lines, CRLF and a line that breaks off are fine (the
//    broken line is reported and the next one read).
//  - A top-level array: each element is a record, its line the one it starts on.
//  - A document (a top-level object spread over lines, or several in a row): each is a record.
// The shape is told from the start: '[' is an array; a first object that closes on its line means
// JSON lines; one that goes on means a document, unless the lines that follow are objects of their
// own (JSON lines whose first line broke off). Any record that is an OTLP ExportTraceServiceRequest is cut
// further, span by span, into ResourceSpans records (otlp_batches.h), so it may be of any size.
// Other records larger than maxRecordBytes are skipped and reported.
class JsonFramer
{
  public:
    JsonFramer(FrameSink& sink, std::size_t maxRecordBytes)
        : sink_(sink), batches_(sink), maxBytes_(maxRecordBytes)
    {
    }

    void feed(std::string_view block);
    // End of the text: reports a record the text ends inside of.
    void finish();
    // The structure broke where no next record can be found; nothing more is read.
    bool stopped() const { return stopped_; }
    // Top-level records begun so far (an OTLP request counts once, however many batches it gives).
    std::int64_t records() const { return records_; }

  private:
    enum class Mode { Undecided, Lines, Document, Array };
    enum class Capture { None, Record, Resource, Scope, Span };
    static constexpr int kKeyDepths = 6; // OTLP's paths go five objects deep

    int depth() const { return static_cast<int>(stack_.size()) - base_; }
    void step(char c, std::size_t i);
    std::size_t scanString(std::size_t i);
    void newlineInString();
    void decideShape(std::size_t newline);
    void open(char bracket, std::size_t i);
    void openOtlp(std::size_t i);
    void close(char bracket, std::size_t i);
    void quote(std::size_t i);
    void keyRead();
    void topLevelScalar();
    void beginRecord();
    void beginCapture(Capture kind, std::size_t i);
    void endCapture(std::size_t i);
    void keepCaptured(std::string_view bytes);
    void abortLine(std::string reason);
    void stop(std::string reason);
    void resetRecord();

    FrameSink& sink_;
    OtlpBatches batches_;
    std::size_t maxBytes_;
    std::string_view block_;
    Mode mode_ = Mode::Undecided;
    std::string stack_; // the open brackets
    int base_ = 0;      // brackets below a record: 1 inside a top-level array
    std::int64_t line_ = 1;
    std::int64_t recordLine_ = 0;
    std::int64_t arrayLine_ = 0;
    std::int64_t records_ = 0;
    bool inString_ = false;
    bool escape_ = false;
    bool expectKey_ = false;
    bool keyString_ = false;
    std::size_t keyStart_ = 0;
    std::string key_;
    std::array<std::string, kKeyDepths> keys_; // the latest key read in the object at each depth
    bool firstKey_ = false;
    bool otlp_ = false;
    std::int64_t otlpSpans_ = 0; // spans met in this OTLP record
    bool inResourceSpans_ = false;
    bool inScope_ = false;
    Capture capture_ = Capture::None;
    int captureDepth_ = 0;
    std::size_t segStart_ = 0;
    bool dropped_ = false;
    std::int64_t captureLine_ = 0;
    std::string text_; // what the capture holds so far
    bool skipLine_ = false;
    bool decideAtNext_ = false;
    bool scalarElement_ = false;
    bool arrayClosed_ = false;
    bool stopped_ = false;
};

} // namespace ts::import
