// The structured detector, in two routes over the same rules (structured_rules.cpp):
//
// - The fast route (makeStructuredDetector): Hyperscan runs only the rules anchored on a literal
//   (the secrets' prefixes, e-mail's '@', PEM lines), which it finds at several GB/s. The
//   class-only rules (phone, card, iban, ssn, ipv4, ipv6, high_entropy) are found by one SIMD
//   pass over the bytes (candidate_scan.cpp: SSE2, or AVX2 where the CPU has it) and hand-written matchers (class_matchers.cpp); so is dob,
//   from the dates' digits (birth_dates.cpp): its keywords are common words, which cost Hyperscan
//   more than all the other literals together. Not one Hyperscan database for all: each rule without a literal costs
//   Hyperscan an engine that reads every byte, and together they ran at 200-300 MB/s.
// - The reference route (makeStructuredDetectorReference): every rule in one Hyperscan database,
//   as the detector was first written; tests check that both routes agree.
//
// Both hand each match to the rule's handler, in order of the match's end, and skip later matches
// of a rule that end inside what its handler already examined.
#include "guard/structured_detector.h"

#include "guard/class_route.h"
#include "guard/pattern_scanner.h"
#include "guard/structured_rules.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace ts::guard {

namespace {

using namespace structured;

std::vector<ScanPattern> scanPatterns(bool all)
{
    std::vector<ScanPattern> patterns;
    for (const Rule& r : rules())
        if (all || !isCandidateScanRule(r.spec.id))
            patterns.push_back({r.spec.id, r.spec.regex, r.spec.flags});
    return patterns;
}

// The Hyperscan half: findings keyed by the end of their match, and where public blocks end.
struct LiteralPass
{
    KeyedFindings found;
    std::vector<std::pair<std::size_t, std::size_t>> publicBlocks;
};

LiteralPass runHyperscan(const PatternScanner& scanner, std::string_view text)
{
    LiteralPass pass;
    pass.found.reserveFor(text);
    ScanState state{text, pass.found.findings};
    std::array<std::size_t, kRuleCount> examinedTo{};
    scanner.scan(text, [&](unsigned id, std::size_t from, std::size_t to) {
        if (to <= examinedTo[id])
            return;
        examinedTo[id] = std::max(to, rules()[id].handler(state, from, to));
        pass.found.keys.resize(pass.found.findings.size(), to);
        if (id == kPublicBlock)
            pass.publicBlocks.emplace_back(to, state.publicBlockEnd);
    });
    return pass;
}

// Both halves in the order one Hyperscan pass over all rules would have produced them (by the end
// of their match, literal rules first), as pointers: each finding is moved once, into the output.
std::vector<Finding*> mergedOrder(KeyedFindings& literal, KeyedFindings& classOnly)
{
    std::vector<std::size_t> order(classOnly.findings.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return classOnly.keys[a] < classOnly.keys[b]; });
    std::vector<Finding*> out;
    out.reserve(literal.findings.size() + order.size());
    std::size_t i = 0;
    for (std::size_t k : order) {
        while (i < literal.findings.size() && literal.keys[i] <= classOnly.keys[k])
            out.push_back(&literal.findings[i++]);
        out.push_back(&classOnly.findings[k]);
    }
    for (; i < literal.findings.size(); ++i)
        out.push_back(&literal.findings[i]);
    return out;
}

void finish(std::vector<Finding*> found, std::vector<Finding>& out)
{
    dropShadowedHighEntropy(found);
    normalizeInto(std::move(found), out);
}

std::vector<Finding*> pointersTo(std::vector<Finding>& findings)
{
    std::vector<Finding*> out;
    out.reserve(findings.size());
    for (Finding& f : findings)
        out.push_back(&f);
    return out;
}

class StructuredDetector : public Detector
{
public:
    StructuredDetector() : m_literals(scanPatterns(false)) {}

    std::string_view name() const override { return "structured"; }

    void scan(std::string_view text, std::vector<Finding>& out) const override
    {
        LiteralPass literal = runHyperscan(m_literals, text);
        KeyedFindings classOnly = scanClassOnlyRules(text, literal.publicBlocks);
        finish(mergedOrder(literal.found, classOnly), out);
    }

private:
    PatternScanner m_literals;
};

class ReferenceStructuredDetector : public Detector
{
public:
    ReferenceStructuredDetector() : m_all(scanPatterns(true)) {}

    std::string_view name() const override { return "structured"; }

    void scan(std::string_view text, std::vector<Finding>& out) const override
    {
        LiteralPass all = runHyperscan(m_all, text);
        finish(pointersTo(all.found.findings), out);
    }

private:
    PatternScanner m_all;
};

} // namespace

const std::vector<std::string_view>& structuredTypes()
{
    static const std::vector<std::string_view> types = [] {
        std::vector<std::string_view> out;
        for (const PatternSpec& spec : structuredPatterns())
            if (spec.type != kPublicKeyMarker && std::find(out.begin(), out.end(), spec.type) == out.end())
                out.push_back(spec.type);
        return out;
    }();
    return types;
}

const std::vector<PatternSpec>& structuredPatterns()
{
    static const std::vector<PatternSpec> specs = [] {
        std::vector<PatternSpec> out;
        for (const Rule& r : rules())
            out.push_back(r.spec);
        return out;
    }();
    return specs;
}

std::unique_ptr<Detector> makeStructuredDetector()
{
    return std::make_unique<StructuredDetector>();
}

std::unique_ptr<Detector> makeStructuredDetectorReference()
{
    return std::make_unique<ReferenceStructuredDetector>();
}

} // namespace ts::guard
