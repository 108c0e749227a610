#include "guard/pattern_scanner.h"

#include "guard/compiled_cache.h"

#include <hs/hs.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

namespace ts::guard {

class PatternScanner::ScratchPool
{
public:
    explicit ScratchPool(const hs_database_t* db)
    {
        if (hs_alloc_scratch(db, &m_prototype) != HS_SUCCESS)
            throw std::runtime_error("Hyperscan: cannot allocate scratch space");
    }
    ~ScratchPool()
    {
        for (hs_scratch_t* s : m_free)
            hs_free_scratch(s);
        hs_free_scratch(m_prototype);
    }
    ScratchPool(const ScratchPool&) = delete;
    ScratchPool& operator=(const ScratchPool&) = delete;

    hs_scratch_t* take()
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_free.empty()) {
                hs_scratch_t* s = m_free.back();
                m_free.pop_back();
                return s;
            }
        }
        hs_scratch_t* s = nullptr;
        if (hs_clone_scratch(m_prototype, &s) != HS_SUCCESS)
            throw std::bad_alloc();
        return s;
    }
    void give(hs_scratch_t* s)
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(s);
    }

private:
    hs_scratch_t* m_prototype = nullptr; // never scanned with, only cloned
    std::mutex m_mutex;
    std::vector<hs_scratch_t*> m_free;
};

namespace {

unsigned hyperscanFlags(unsigned flags)
{
    unsigned hs = 0;
    if (flags & kCaseless)
        hs |= HS_FLAG_CASELESS;
    if (flags & kDotAll)
        hs |= HS_FLAG_DOTALL;
    if (flags & kMultiLine)
        hs |= HS_FLAG_MULTILINE;
    if (flags & kLeftmostStart)
        hs |= HS_FLAG_SOM_LEFTMOST;
    return hs;
}

struct MatchContext
{
    const PatternScanner::OnMatch* onMatch;
    const std::vector<bool>* leftmost;
    std::size_t base;
    std::size_t reportAfter; // matches ending at or before this were reported by the previous block
};

int onHyperscanMatch(unsigned id, unsigned long long from, unsigned long long to, unsigned, void* context)
{
    const auto& c = *static_cast<MatchContext*>(context);
    const std::size_t end = c.base + to;
    if (end <= c.reportAfter)
        return 0;
    const bool hasStart = id < c.leftmost->size() && (*c.leftmost)[id];
    (*c.onMatch)(id, hasStart ? c.base + from : end, end);
    return 0;
}

} // namespace

PatternScanner::PatternScanner(const std::vector<ScanPattern>& patterns, std::size_t maxBlock, std::size_t overlap)
    : m_maxBlock(std::min(maxBlock, kHyperscanLimit))
    , m_overlap(std::min(overlap, m_maxBlock / 2))
{
    std::vector<const char*> expressions;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    for (const ScanPattern& p : patterns) {
        expressions.push_back(p.regex.c_str());
        flags.push_back(hyperscanFlags(p.flags));
        ids.push_back(p.id);
        if (p.id >= m_leftmost.size())
            m_leftmost.resize(p.id + 1, false);
        m_leftmost[p.id] = (p.flags & kLeftmostStart) != 0;
    }
    // The same set compiled before on this machine is loaded, not compiled again.
    std::string shape = "block";
    for (const ScanPattern& p : patterns)
        shape += "\x1e" + std::to_string(p.id) + "\x1f" + std::to_string(hyperscanFlags(p.flags)) + "\x1f" + p.regex;
    const CompiledCache cache(shape);
    m_db = cache.load();
    const bool loaded = m_db != nullptr;
    hs_compile_error_t* error = nullptr;
    if (!m_db && hs_compile_multi(expressions.data(), flags.data(), ids.data(), static_cast<unsigned>(patterns.size()),
                         HS_MODE_BLOCK, nullptr, &m_db, &error)
        != HS_SUCCESS) {
        std::string message = error ? error->message : "unknown error";
        if (error && error->expression >= 0 && static_cast<std::size_t>(error->expression) < patterns.size())
            message += " in pattern " + std::to_string(patterns[static_cast<std::size_t>(error->expression)].id) + ": "
                       + patterns[static_cast<std::size_t>(error->expression)].regex;
        hs_free_compile_error(error);
        throw std::runtime_error("Hyperscan: " + message);
    }
    if (!loaded)
        cache.store(m_db);
    try {
        m_scratches = std::make_unique<ScratchPool>(m_db);
    } catch (...) {
        hs_free_database(m_db);
        throw;
    }
}

PatternScanner::~PatternScanner()
{
    m_scratches.reset();
    hs_free_database(m_db);
}

void PatternScanner::scan(std::string_view text, const OnMatch& onMatch) const
{
    std::size_t start = 0;
    std::size_t reported = 0;
    for (;;) {
        const std::size_t length = std::min(m_maxBlock, text.size() - start);
        scanBlock(text.substr(start, length), start, start == 0 ? 0 : reported, onMatch);
        if (start + length >= text.size())
            return;
        reported = start + length;
        start = reported - m_overlap;
    }
}

void PatternScanner::scanBlock(std::string_view text, std::size_t base, std::size_t reportAfter,
                               const OnMatch& onMatch) const
{
    MatchContext context{&onMatch, &m_leftmost, base, reportAfter};
    hs_scratch_t* scratch = m_scratches->take();
    // Hyperscan is C: nothing may unwind through it, so a throwing callback ends the scan first.
    std::exception_ptr failure;
    auto guarded = [&](unsigned id, unsigned long long from, unsigned long long to, unsigned f) {
        try {
            onHyperscanMatch(id, from, to, f, &context);
            return 0;
        } catch (...) {
            failure = std::current_exception();
            return 1;
        }
    };
    auto trampoline = [](unsigned id, unsigned long long from, unsigned long long to, unsigned f, void* self) {
        return (*static_cast<decltype(guarded)*>(self))(id, from, to, f);
    };
    const hs_error_t status = hs_scan(m_db, text.empty() ? "" : text.data(), static_cast<unsigned>(text.size()), 0, scratch,
                                      trampoline, &guarded);
    m_scratches->give(scratch);
    if (failure)
        std::rethrow_exception(failure);
    if (status != HS_SUCCESS && status != HS_SCAN_TERMINATED)
        throw std::runtime_error("Hyperscan: scan failed with error " + std::to_string(status));
}

} // namespace ts::guard
