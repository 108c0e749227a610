#include "trace/import/json_framer.h"

#include <cstring>

// Follows the text itself: strings, brackets and line breaks (json_framer_records.cpp: where
// records begin and end, and what they capture).

namespace ts::import {

namespace {

constexpr std::size_t kMaxKey = 64; // longer keys are no path OTLP uses
constexpr int kLinesToLookAt = 4;

// Whether the line is a JSON object and nothing else, as each line of JSON lines is.
bool standalone(std::string_view line)
{
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] != '{')
        return false;
    int depth = 0;
    bool inString = false;
    bool escape = false;
    for (std::size_t i = first; i < line.size(); ++i) {
        const char c = line[i];
        if (inString) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return line.find_first_not_of(" \t\r", i + 1) == std::string_view::npos;
        }
    }
    return false;
}

} // namespace

// A line break inside the file's first record: JSON lines whose first line broke off, or a
// document spread over lines? In JSON lines each line is an object of its own; in a document the
// lines go on with the value (a key, or an element and its comma). The whole lines that follow in
// this block tell; when the block holds none, the next character does (see step()).
void JsonFramer::decideShape(std::size_t newline)
{
    std::string_view rest = block_.substr(newline + 1);
    int seen = 0;
    for (std::size_t end; seen < kLinesToLookAt && (end = rest.find('\n')) != std::string_view::npos;
         rest.remove_prefix(end + 1)) {
        const std::string_view line = rest.substr(0, end);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        if (!standalone(line)) {
            mode_ = Mode::Document;
            return;
        }
        ++seen;
    }
    if (seen == 0) {
        decideAtNext_ = true;
        return;
    }
    mode_ = Mode::Lines;
    abortLine("the line ends before the record's JSON does");
}

void JsonFramer::feed(std::string_view block)
{
    block_ = block;
    segStart_ = 0;
    keyStart_ = 0;
    for (std::size_t i = 0; i < block.size() && !stopped_; ++i) {
        if (skipLine_) {
            const void* nl = std::memchr(block.data() + i, '\n', block.size() - i);
            if (!nl)
                break;
            i = static_cast<std::size_t>(static_cast<const char*>(nl) - block.data());
            ++line_;
            skipLine_ = false;
            continue;
        }
        if (inString_)
            i = scanString(i);
        else
            step(block[i], i);
    }
    if (capture_ != Capture::None && !stopped_)
        keepCaptured(block.substr(segStart_));
}

void JsonFramer::step(char c, std::size_t i)
{
    switch (c) {
    case '\n':
        ++line_;
        if (depth() > 0 && mode_ == Mode::Lines)
            abortLine("the line ends before the record's JSON does");
        else if (depth() > 0 && mode_ == Mode::Undecided)
            decideShape(i);
        return;
    case ' ':
    case '\t':
    case '\r':
        return;
    default:
        break;
    }
    if (decideAtNext_) {
        decideAtNext_ = false;
        // Nothing more to look at: a pretty-printed document goes on with a key, JSON lines with a
        // new object.
        if (c == '{') {
            mode_ = Mode::Lines;
            abortLine("the line ends before the record's JSON does");
        } else {
            mode_ = Mode::Document;
        }
    }
    switch (c) {
    case '{':
    case '[':
        return open(c, i);
    case '}':
    case ']':
        return close(c, i);
    case '"':
        return quote(i);
    case ':':
        expectKey_ = false;
        return;
    case ',':
        if (depth() > 0)
            expectKey_ = stack_.back() == '{';
        else if (mode_ == Mode::Array && !arrayClosed_)
            scalarElement_ = false;
        else
            topLevelScalar();
        return;
    default:
        if (depth() <= 0)
            topLevelScalar();
    }
}

std::size_t JsonFramer::scanString(std::size_t i)
{
    const std::size_t n = block_.size();
    std::size_t j = i;
    for (; j < n; ++j) {
        const char c = block_[j];
        if (escape_) {
            escape_ = false;
            continue;
        }
        if (c == '\\')
            escape_ = true;
        else if (c == '"' || c == '\n')
            break;
    }
    if (keyString_ && key_.size() < kMaxKey)
        key_.append(block_.substr(keyStart_, std::min(j, n) - keyStart_), 0, kMaxKey - key_.size());
    if (j == n)
        return n - 1;
    if (block_[j] == '\n') {
        newlineInString();
        return j;
    }
    inString_ = false;
    if (keyString_)
        keyRead();
    return j;
}

// JSON strings hold no raw line break: in JSON lines the record broke off; in a document the
// record is left for the mapper to reject with the reason.
void JsonFramer::newlineInString()
{
    ++line_;
    if (mode_ == Mode::Document || mode_ == Mode::Array)
        return;
    mode_ = Mode::Lines;
    abortLine("the line ends inside a string");
}

void JsonFramer::quote(std::size_t i)
{
    if (depth() <= 0) {
        topLevelScalar();
        if (mode_ != Mode::Array || arrayClosed_)
            return; // the line is skipped, or reading stopped
    }
    inString_ = true;
    keyString_ = depth() > 0 && depth() < kKeyDepths && expectKey_ && stack_.back() == '{';
    if (keyString_) {
        key_.clear();
        keyStart_ = i + 1;
    }
}

void JsonFramer::keyRead()
{
    const int d = depth();
    keys_[static_cast<std::size_t>(d)] = key_;
    if (d == 1 && firstKey_) {
        firstKey_ = false;
        if (key_ == "resourceSpans" && capture_ == Capture::Record && !dropped_) {
            otlp_ = true; // cut it further, span by span
            capture_ = Capture::None;
            text_.clear();
        }
    }
}

void JsonFramer::topLevelScalar()
{
    if (mode_ == Mode::Array && !arrayClosed_) {
        if (!scalarElement_)
            sink_.problem(line_, "an element of the array is not a JSON object; skipped");
        scalarElement_ = true;
        return;
    }
    if (mode_ == Mode::Array)
        return stop("line " + std::to_string(line_) + ": text after the end of the array; not read");
    if (mode_ == Mode::Document)
        return stop("line " + std::to_string(line_) + ": text after the end of a JSON document; not read");
    mode_ = Mode::Lines;
    sink_.problem(line_, "not a JSON object");
    skipLine_ = true;
}

void JsonFramer::open(char bracket, std::size_t i)
{
    if (stack_.empty() && mode_ == Mode::Undecided && bracket == '[') {
        mode_ = Mode::Array;
        base_ = 1;
        arrayLine_ = line_;
        stack_ += bracket;
        return;
    }
    if (depth() <= 0) {
        if (arrayClosed_)
            return topLevelScalar();
        beginRecord();
        stack_ += bracket;
        beginCapture(Capture::Record, i);
    } else {
        stack_ += bracket;
    }
    expectKey_ = bracket == '{';
    if (otlp_ && bracket == '{')
        openOtlp(i);
}

void JsonFramer::close(char bracket, std::size_t i)
{
    const char opener = bracket == '}' ? '{' : '[';
    if (stack_.empty() || stack_.back() != opener) {
        const std::string what = std::string("'") + bracket + "' " +
                                 (stack_.empty() ? std::string("closes nothing")
                                                 : "does not close '" + std::string(1, stack_.back()) + "'");
        if (mode_ == Mode::Document || mode_ == Mode::Array)
            return stop("line " + std::to_string(line_) + ": " + what + "; reading stopped there");
        mode_ = Mode::Lines;
        if (stack_.empty())
            sink_.problem(line_, what);
        else
            abortLine(what);
        skipLine_ = true; // the rest of the line belongs to the broken record
        return;
    }
    const int d = depth();
    if (capture_ != Capture::None && d == captureDepth_)
        endCapture(i);
    if (otlp_ && d == 5 && inScope_) {
        batches_.endScope();
        inScope_ = false;
    } else if (otlp_ && d == 3 && inResourceSpans_) {
        batches_.endResourceSpans();
        inResourceSpans_ = false;
    }
    stack_.pop_back();
    expectKey_ = false;
    if (depth() == 0 && mode_ == Mode::Undecided)
        mode_ = Mode::Lines; // the first record closed on its own line
    if (depth() == 0 && otlp_ && otlpSpans_ == 0)
        sink_.problem(recordLine_, "an OTLP ExportTraceServiceRequest without spans");
    if (depth() == 0)
        resetRecord();
    if (depth() < 0)
        arrayClosed_ = true;
}

} // namespace ts::import
