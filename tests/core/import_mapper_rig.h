#pragma once
// What the importer tests share: fixtures read into records the way the importer hands them to a
// mapper, the pieces a mapper yields gathered and merged the way the importer merges them, exact
// times computed independently of the parser under test, and the first records of every other
// format, which a detector must refuse.
#include "model/trace.h"
#include "trace/import/record_mapper.h"

#include <QDateTime>
#include <QFile>
#include <QTimeZone>
#include <QtTest>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace rig {

inline QString importData(const QString& relative)
{
    return qEnvironmentVariable("TOKENSCOPE_TEST_DATA") + QStringLiteral("/import/") + relative;
}

// A JSON Lines file gives its non-blank lines as they are (a broken line included); any other
// file is parsed, and a top-level array gives its elements, each dumped back to text.
inline std::vector<std::string> recordsOf(const QString& relative)
{
    QFile file(importData(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    const std::string text = file.readAll().toStdString();
    std::vector<std::string> records;
    if (relative.endsWith(QStringLiteral(".jsonl"))) {
        std::size_t from = 0;
        while (from < text.size()) {
            const std::size_t end = std::min(text.find('\n', from), text.size());
            if (end > from)
                records.push_back(text.substr(from, end - from));
            from = end + 1;
        }
        return records;
    }
    const nlohmann::json document = nlohmann::json::parse(text);
    if (!document.is_array())
        return {document.dump()};
    for (const nlohmann::json& element : document)
        records.push_back(element.dump());
    return records;
}

inline std::string firstRecordOf(const QString& relative)
{
    return recordsOf(relative).front();
}

// A later piece fills what an earlier one left empty.
inline void fill(ts::Span& into, const ts::Span& from)
{
    if (into.parentSpanId.empty())
        into.parentSpanId = from.parentSpanId;
    if (into.name.empty())
        into.name = from.name;
    if (into.start == 0)
        into.start = from.start;
    if (into.end == 0)
        into.end = from.end;
    if (into.status == ts::SpanStatus::Unset) {
        into.status = from.status;
        into.statusMessage = from.statusMessage;
    }
    for (const auto& [key, value] : from.attributes)
        into.attributes.emplace(key, value);
    if (into.events.empty())
        into.events = from.events;
}

struct Mapped
{
    std::vector<ts::Trace> pieces;
    std::vector<std::pair<int, std::string>> reasons; // record number (from 1), why it was skipped
    std::vector<std::string> notes;

    // Every piece of one trace, merged by span id in the order they came.
    ts::Trace trace(const std::string& traceId) const
    {
        ts::Trace merged;
        merged.traceId = traceId;
        for (const ts::Trace& piece : pieces) {
            if (piece.traceId != traceId)
                continue;
            if (merged.input.empty())
                merged.input = piece.input;
            if (merged.output.empty())
                merged.output = piece.output;
            for (const ts::Span& span : piece.spans) {
                auto it = std::find_if(merged.spans.begin(), merged.spans.end(),
                                       [&](const ts::Span& s) { return s.spanId == span.spanId; });
                if (it == merged.spans.end())
                    merged.spans.push_back(span);
                else
                    fill(*it, span);
            }
        }
        return merged;
    }

    std::vector<std::string> traceIds() const
    {
        std::vector<std::string> ids;
        for (const ts::Trace& piece : pieces)
            if (std::find(ids.begin(), ids.end(), piece.traceId) == ids.end())
                ids.push_back(piece.traceId);
        return ids;
    }
};

inline Mapped mapAll(const ts::import::ImportFormat& format, const std::vector<std::string>& records)
{
    Mapped mapped;
    const auto mapper = format.make();
    for (std::size_t i = 0; i < records.size(); ++i)
        if (std::string why = mapper->map(records[i], mapped.pieces); !why.empty())
            mapped.reasons.emplace_back(static_cast<int>(i) + 1, std::move(why));
    mapper->finish(mapped.pieces, mapped.notes);
    return mapped;
}

inline const ts::Span& spanNamed(const ts::Trace& trace, const std::string& name)
{
    for (const ts::Span& s : trace.spans)
        if (s.name == name)
            return s;
    qFatal("no span named %s", name.c_str());
}

// Nanoseconds since the epoch of a UTC wall time, by Qt's calendar rather than the parser's.
inline ts::Nanos utcNs(int year, int month, int day, int hour, int minute, int second, ts::Nanos fraction = 0)
{
    const QDateTime t(QDate(year, month, day), QTime(hour, minute, second), QTimeZone::utc());
    return t.toMSecsSinceEpoch() * 1'000'000 + fraction;
}

// First records of the formats a Langfuse or LangSmith detector must not claim, written from
// their documented shapes: OTLP's ExportTraceServiceRequest, the OpenAI Batch input and output
// lines, LiteLLM's standard logging payload and its spend-log row.
inline std::vector<std::string> foreignFirstRecords()
{
    return recordsOf(QStringLiteral("foreign_first_records.jsonl"));
}

} // namespace rig
