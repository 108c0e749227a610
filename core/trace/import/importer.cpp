#include "trace/import/importer.h"

#include "model/utf8.h"
#include "trace/import/import_formats.h"
#include "trace/import/import_writer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace ts::import {

namespace {

constexpr std::size_t kMaxReason = 300; // a parser's reason may quote much of the record

// A reason may quote the record's bytes; the report holds short, valid UTF-8 only.
std::string printable(std::string_view text)
{
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        if (out.size() >= kMaxReason) {
            out += "...";
            break;
        }
        const int n = utf8SequenceAt(text, at);
        if (n > 0)
            out.append(text.substr(at, static_cast<std::size_t>(n)));
        else
            out += "\xEF\xBF\xBD";
        at += static_cast<std::size_t>(n > 0 ? n : -n);
    }
    return out;
}

// Looks at a file's first records for a format that claims one.
class Detector : public FrameSink
{
  public:
    static constexpr std::int64_t kLook = 8; // a few broken records at the top do not hide the format

    void record(std::string_view text, std::int64_t) override
    {
        if (!format && seen++ < kLook)
            format = detectFormat(text);
    }
    void problem(std::int64_t line, std::string reason) override { firstProblem(line, reason); }
    void stopped(std::string reason) override { firstProblem(0, reason); }

    const ImportFormat* format = nullptr;
    std::int64_t seen = 0;
    std::string problem_;

  private:
    void firstProblem(std::int64_t line, const std::string& reason)
    {
        if (problem_.empty())
            problem_ = line > 0 ? "line " + std::to_string(line) + ": " + reason : reason;
    }
};

// Hands one file's records to the format's mapper, and the pieces to the assembler.
class FileSink : public FrameSink
{
  public:
    FileSink(RecordMapper& mapper, TraceAssembler& assembler, FileReport& report, int tag)
        : mapper_(mapper), assembler_(assembler), report_(report), tag_(tag)
    {
    }

    void record(std::string_view text, std::int64_t line) override
    {
        pieces_.clear();
        if (std::string why = mapper_.map(text, pieces_); !why.empty())
            problem(line, std::move(why)); // what the mapper appended is still read
        for (Trace& piece : pieces_) {
            if (piece.traceId.empty()) {
                problem(line, "the record gave a trace without an id");
                continue;
            }
            for (Span& s : piece.spans)
                if (s.traceId.empty())
                    s.traceId = piece.traceId;
            assembler_.add(std::move(piece), tag_);
        }
    }

    void problem(std::int64_t line, std::string reason) override
    {
        ++report_.skipped;
        if (report_.problems.size() < FileReport::kMaxProblems)
            report_.problems.push_back(report_.file + ":" + std::to_string(line) + ": " + printable(reason));
    }

    void stopped(std::string reason) override { report_.stoppedAt = report_.file + ": " + reason; }

  private:
    RecordMapper& mapper_;
    TraceAssembler& assembler_;
    FileReport& report_;
    int tag_;
    std::vector<Trace> pieces_;
};

FilePlan planFile(const std::string& file, std::string_view formatName, const ReadLimits& limits)
{
    FilePlan plan{file, nullptr, {}};
    Detector detector;
    RecordFile reader(file, detector, limits);
    plan.error = reader.open();
    if (!plan.error.empty())
        return plan;
    if (!formatName.empty()) {
        plan.format = findFormat(formatName);
        if (!plan.format)
            plan.error = "no format called '" + std::string(formatName) + "'; " + unknownFormatMessage();
        return plan;
    }
    while (!detector.format && detector.seen < Detector::kLook && reader.step()) {
    }
    plan.format = detector.format;
    if (!plan.format && detector.seen > 0)
        plan.error = unknownFormatMessage();
    else if (!plan.format && !detector.problem_.empty())
        plan.error = "no readable record (" + printable(detector.problem_) + ")";
    return plan;
}

std::uint64_t totalBytes(const std::vector<FilePlan>& plans)
{
    std::uint64_t total = 0;
    for (const FilePlan& p : plans) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(p.file, ec);
        total += ec ? 0 : size;
    }
    return total;
}

} // namespace

std::vector<FilePlan> planImport(const std::vector<std::string>& files, std::string_view formatName,
                                 const ReadLimits& limits)
{
    std::vector<FilePlan> plans;
    for (const std::string& file : files)
        plans.push_back(planFile(file, formatName, limits));
    return plans;
}

ImportReport importFiles(TraceStore& store, const std::vector<std::string>& files,
                         const ImportOptions& options)
{
    const std::vector<FilePlan> plans = planImport(files, options.format, options.read);
    ImportReport report;
    std::vector<const ImportFormat*> formats; // in the order the files name them
    for (const FilePlan& p : plans) {
        report.files.push_back({p.file, p.format ? std::string(p.format->name) : std::string(), p.error});
        if (p.format && p.error.empty() &&
            std::find(formats.begin(), formats.end(), p.format) == formats.end())
            formats.push_back(p.format);
    }
    const auto catalog = Catalog::current();
    ImportWriter writer(store, *catalog);
    ImportProgress progress{0, totalBytes(plans), 0, 0};
    std::string_view source;
    TraceAssembler assembler(
        [&](Trace&& trace, int tag) {
            FileReport& r = report.files[static_cast<std::size_t>(tag)];
            const auto spans = static_cast<std::int64_t>(trace.spans.size());
            if (writer.put(std::move(trace), source) == ImportWriter::Outcome::Written) {
                ++r.traces;
                r.spans += spans;
            } else {
                ++r.unchanged;
            }
            ++progress.traces;
        },
        options.buffer);
    bool stopped = false;
    auto cancelled = [&] {
        stopped = stopped || (options.cancel && options.cancel->cancelled());
        return stopped;
    };

    for (const ImportFormat* format : formats) {
        source = format->name;
        const auto mapper = format->make();
        int last = -1;
        for (std::size_t i = 0; i < plans.size() && !cancelled(); ++i) {
            if (plans[i].format != format || !plans[i].error.empty())
                continue;
            last = static_cast<int>(i);
            FileReport& r = report.files[i];
            const auto started = std::chrono::steady_clock::now();
            FileSink sink(*mapper, assembler, r, last);
            RecordFile file(plans[i].file, sink, options.read);
            if (r.error = file.open(); !r.error.empty())
                continue;
            const std::uint64_t bytesBefore = progress.bytesDone;
            const std::int64_t recordsBefore = progress.records;
            for (bool more = true; more && !cancelled();) {
                more = file.step();
                progress.bytesDone = bytesBefore + file.done();
                progress.records = recordsBefore + file.records();
                if (options.progress)
                    options.progress(progress);
            }
            r.records = file.records();
            r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        }
        if (cancelled())
            break;
        std::vector<Trace> held;
        mapper->finish(held, report.files[static_cast<std::size_t>(last)].notes);
        for (Trace& piece : held)
            assembler.add(std::move(piece), last);
        assembler.releaseAll();
    }
    report.cancelled = stopped;
    if (stopped)
        assembler.discardAll();
    if (!store.flush())
        report.error = store.lastError();
    return report;
}

} // namespace ts::import
