#include "trace/import/json_framer.h"

// Where records begin and end, what they capture, and how reading ends (json_framer.cpp follows the
// text itself).
namespace ts::import {

namespace {

std::string describeBytes(std::size_t bytes)
{
    return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}

} // namespace

// The brackets of ExportTraceServiceRequest{resourceSpans[{resource{}, scopeSpans[{scope{}, spans[{}]}]}]}
// (before OTLP 0.9: instrumentationLibrarySpans and instrumentationLibrary).
void JsonFramer::openOtlp(std::size_t i)
{
    const int d = depth();
    auto bracketAt = [&](int at) { return stack_[static_cast<std::size_t>(base_ + at - 1)]; };
    if (d == 3 && bracketAt(2) == '[' && keys_[1] == "resourceSpans") {
        inResourceSpans_ = true;
        batches_.beginResourceSpans();
    } else if (d == 4 && inResourceSpans_ && keys_[3] == "resource") {
        beginCapture(Capture::Resource, i);
    } else if (d == 5 && inResourceSpans_ && bracketAt(4) == '[' &&
               (keys_[3] == "scopeSpans" || keys_[3] == "instrumentationLibrarySpans")) {
        inScope_ = true;
        batches_.beginScope();
    } else if (d == 6 && inScope_ && (keys_[5] == "scope" || keys_[5] == "instrumentationLibrary")) {
        beginCapture(Capture::Scope, i);
    } else if (d == 7 && inScope_ && bracketAt(6) == '[' && keys_[5] == "spans") {
        ++otlpSpans_;
        beginCapture(Capture::Span, i);
    }
}

void JsonFramer::beginRecord()
{
    ++records_;
    recordLine_ = line_;
    firstKey_ = true;
    otlp_ = false;
    otlpSpans_ = 0;
}

void JsonFramer::beginCapture(Capture kind, std::size_t i)
{
    capture_ = kind;
    captureDepth_ = depth();
    captureLine_ = line_;
    segStart_ = i;
    dropped_ = false;
    text_.clear();
}

void JsonFramer::endCapture(std::size_t i)
{
    keepCaptured(block_.substr(segStart_, i + 1 - segStart_));
    const Capture kind = capture_;
    capture_ = Capture::None;
    if (dropped_) {
        sink_.problem(captureLine_, std::string(kind == Capture::Record ? "record" : "OTLP object") +
                                        " larger than " + describeBytes(maxBytes_) + "; skipped");
        return;
    }
    switch (kind) {
    case Capture::Record:
        sink_.record(text_, captureLine_);
        break;
    case Capture::Resource:
        batches_.setResource(std::move(text_));
        break;
    case Capture::Scope:
        batches_.setScope(std::move(text_));
        break;
    case Capture::Span:
        batches_.addSpan(text_, captureLine_);
        break;
    case Capture::None:
        break;
    }
    text_.clear();
}

void JsonFramer::keepCaptured(std::string_view bytes)
{
    segStart_ = 0;
    if (dropped_)
        return;
    text_ += bytes;
    if (text_.size() > maxBytes_) {
        dropped_ = true;
        text_ = std::string(); // give the memory back; the record's end is still looked for
    }
}

// JSON lines: the record on this line is skipped, the next line starts afresh.
void JsonFramer::abortLine(std::string reason)
{
    const std::int64_t line = recordLine_;
    if (otlp_)
        batches_.flush(); // the whole spans before the break are kept
    stack_.clear();
    inString_ = escape_ = false;
    capture_ = Capture::None;
    text_.clear();
    resetRecord();
    sink_.problem(line, std::move(reason));
}

void JsonFramer::stop(std::string reason)
{
    if (otlp_)
        batches_.flush();
    stopped_ = true;
    sink_.stopped(std::move(reason));
}

void JsonFramer::resetRecord()
{
    if (otlp_)
        batches_.flush();
    otlp_ = inResourceSpans_ = inScope_ = false;
}

void JsonFramer::finish()
{
    if (stopped_)
        return;
    if (inString_ || depth() > 0) {
        const std::int64_t line = capture_ == Capture::Span ? captureLine_ : recordLine_;
        if (otlp_)
            batches_.flush();
        stopped_ = true;
        sink_.stopped("file ends inside a record that starts at line " + std::to_string(line));
    } else if (mode_ == Mode::Array && !arrayClosed_) {
        stopped_ = true;
        sink_.stopped("file ends before the ']' of the array that starts at line " +
                      std::to_string(arrayLine_));
    }
}

} // namespace ts::import
