#include "trace/import/otlp_mapper.h"

#include "model/json_reader.h"
#include "trace/exchange_event.h"
#include "trace/import/otlp_conventions.h"
#include "trace/import/otlp_ids.h"
#include "trace/import/otlp_json.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

namespace ts::import {

namespace {

bool fail(std::string& error, std::string what)
{
    if (error.empty())
        error = std::move(what);
    return false;
}

bool isScopeSpansKey(std::string_view key)
{
    return key == "scopeSpans" || key == "instrumentationLibrarySpans";
}

// Reads one record's spans straight into the trace pieces, span by span. A span without a parent
// gets its resource's attributes and its scope's name once those are known (they may come after
// the spans), so its position is kept until its ResourceSpans ends.
class SpanReader
{
  public:
    SpanReader(std::vector<Trace>& out, bool conventions) : out_(out), conventions_(conventions) {}

    // One member of a ResourceSpans object.
    bool member(JsonReader& r, std::string_view key)
    {
        if (r.null())
            return true;
        if (key == "resource")
            return otlp::readResource(r, resource_, error);
        if (isScopeSpansKey(key))
            return r.array([&] { return scopeSpans(r); }) || fail(error, "scopeSpans is not a list");
        return r.skip();
    }

    // Tokenscope's export repeats on the resource only what its root span already holds, and a
    // trace may have several parentless spans: its spans are kept exactly as written.
    void endResourceSpans()
    {
        for (const auto& [piece, span] : roots_)
            for (const auto& [name, value] : resource_)
                if (conventions_)
                    out_[piece].spans[span].attributes.emplace(name, value);
        roots_.clear();
        resource_.clear();
    }

    std::string error;
    std::int64_t added = 0;
    std::int64_t rejected = 0; // without a valid trace and span id

  private:
    // OTLP before 0.9 said instrumentationLibrary where it now says scope.
    bool scopeSpans(JsonReader& r)
    {
        const std::size_t firstRoot = roots_.size();
        std::string name;
        std::string version;
        const bool ok = r.object([&](std::string_view key) {
            if (r.null())
                return true;
            if (key == "scope" || key == "instrumentationLibrary")
                return otlp::readScope(r, name, version, error);
            if (key != "spans")
                return r.skip();
            return r.array([&] {
                Span s;
                if (!otlp::readSpan(r, s, error))
                    return false;
                add(std::move(s));
                return true;
            }) || fail(error, "spans is not a list of Span");
        });
        if (conventions_)
            for (std::size_t i = firstRoot; i < roots_.size(); ++i) {
                Attributes& a = out_[roots_[i].first].spans[roots_[i].second].attributes;
                if (!name.empty())
                    a.emplace("otel.scope.name", name);
                if (!version.empty())
                    a.emplace("otel.scope.version", version);
            }
        return ok;
    }

    void add(Span&& s)
    {
        s.traceId = otlpId(s.traceId, 16);
        s.spanId = otlpId(s.spanId, 8);
        s.parentSpanId = otlpId(s.parentSpanId, 8);
        if (s.traceId.empty() || s.spanId.empty()) {
            ++rejected;
            return;
        }
        ++added;
        if (conventions_)
            applyConventions(s);
        const auto [at, added] = pieceOf_.emplace(s.traceId, out_.size());
        if (added)
            out_.emplace_back().traceId = s.traceId;
        Trace& piece = out_[at->second];
        codec::takeExchanges(s, piece.exchanges);
        if (s.parentSpanId.empty())
            roots_.emplace_back(at->second, piece.spans.size());
        piece.spans.push_back(std::move(s));
    }

    std::vector<Trace>& out_;
    bool conventions_;
    std::unordered_map<std::string, std::size_t> pieceOf_; // trace id -> its piece in out_
    Attributes resource_;
    std::vector<std::pair<std::size_t, std::size_t>> roots_; // (piece, span) of parentless spans
};

// Why the record could not be read: the JSON's own fault where it has one, else what was being read.
std::string whyNot(std::string_view record, const std::string& error)
{
    try {
        [[maybe_unused]] const auto parsed = nlohmann::json::parse(record);
    } catch (const nlohmann::json::exception& e) {
        std::string what = e.what();
        if (const auto bracket = what.find("] "); what.front() == '[' && bracket != std::string::npos)
            what.erase(0, bracket + 2);
        return "not JSON: " + what;
    }
    return "not OTLP JSON: " + (error.empty() ? std::string("nesting deeper than 128 levels") : error);
}

bool looksOtlp(std::string_view record)
{
    JsonReader r(record);
    bool found = false;
    r.object([&](std::string_view key) {
        found = (key == "resourceSpans" || isScopeSpansKey(key)) && r.peek() == JsonReader::Type::Array;
        return !found && r.skip();
    });
    return found;
}

// The name of the first instrumentation scope, found without reading the rest (every reader call
// below returns false to stop once the first ScopeSpans is read).
std::string firstScopeName(std::string_view record)
{
    JsonReader r(record);
    std::string name;
    auto firstScopeSpans = [&] {
        r.object([&](std::string_view key) {
            if (key != "scope")
                return r.skip();
            r.object([&](std::string_view field) {
                if (field != "name")
                    return r.skip();
                r.string(name);
                return false;
            });
            return false;
        });
        return false;
    };
    r.object([&](std::string_view key) {
        if (isScopeSpansKey(key))
            return r.array(firstScopeSpans);
        if (key != "resourceSpans")
            return r.skip();
        return r.array([&] {
            return r.object([&](std::string_view inner) {
                return isScopeSpansKey(inner) ? r.array(firstScopeSpans) : r.skip();
            });
        });
    });
    return name;
}

} // namespace

std::string OtlpMapper::map(std::string_view record, std::vector<Trace>& out)
{
    const std::size_t before = out.size();
    JsonReader r(record);
    SpanReader spans(out, conventions_);
    bool otlp = false;
    const bool ok = r.object([&](std::string_view key) {
        otlp = otlp || key == "resourceSpans" || key == "resource" || isScopeSpansKey(key);
        if (key != "resourceSpans") // the record itself may be one ResourceSpans
            return spans.member(r, key);
        return r.null() || r.array([&] {
            const bool read = r.object([&](std::string_view inner) { return spans.member(r, inner); });
            spans.endResourceSpans();
            return read;
        });
    });
    if (!ok || !r.end() || !otlp) {
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(before), out.end()); // nothing half-read
        return otlp ? whyNot(record, spans.error) : "not OTLP: no resourceSpans or scopeSpans";
    }
    spans.endResourceSpans();
    if (spans.added == 0 && spans.rejected > 0)
        return "no span with a valid traceId and spanId (" + std::to_string(spans.rejected) + " left out)";
    rejected_ += spans.rejected; // the record's other spans are read: a note says what was left out
    return {};
}

void OtlpMapper::finish(std::vector<Trace>&, std::vector<std::string>& notes)
{
    if (rejected_ > 0)
        notes.push_back(std::to_string(rejected_) +
                        " span(s) without a valid traceId and spanId were left out");
}

const ImportFormat& otlpFormat()
{
    static const ImportFormat format{
        "otlp",
        "OpenTelemetry traces in OTLP/JSON (the collector's file exporter, ExportTraceServiceRequest), "
        "with GenAI, OpenInference or OpenLLMetry attributes",
        &looksOtlp, [] { return std::unique_ptr<RecordMapper>(std::make_unique<OtlpMapper>(true)); }};
    return format;
}

const ImportFormat& tokenscopeFormat()
{
    static const ImportFormat format{
        "tokenscope", "Tokenscope's own OTLP/JSON export (instrumentation scope \"tokenscope\")",
        [](std::string_view record) { return looksOtlp(record) && firstScopeName(record) == "tokenscope"; },
        [] { return std::unique_ptr<RecordMapper>(std::make_unique<OtlpMapper>(false)); }};
    return format;
}

} // namespace ts::import
