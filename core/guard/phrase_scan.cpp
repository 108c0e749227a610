#include "guard/phrase_scan.h"

#include "guard/decoded_payloads.h"
#include "guard/injection_phrases.h"
#include "guard/mention_context.h"
#include "guard/text_fold.h"

#include <algorithm>
#include <string>

namespace ts::guard {

namespace {

using On = InjectionPhrase::On;

constexpr double kHomoglyphWord = 0.25;        // a word with look-alike letters, alone
constexpr double kHomoglyphInstruction = 0.6;  // ... that forms an instruction
constexpr std::size_t kMaxHomoglyphWords = 16; // findings; more add nothing a reader needs
constexpr std::size_t kMaxMatches = 512;       // per scan, so adversarial repetition stays bounded

bool onFolded(On on)
{
    return on == On::Words || on == On::Chars;
}

std::string expand(const InjectionPhrase& p)
{
    std::string regex;
    for (const char c : p.regex)
        regex += c == '~' && p.on == On::Words ? std::string("(?: [^ ]+){0,3}") : std::string(1, c);
    return p.on == On::Words ? " (?:" + regex + ") " : regex;
}

std::vector<ScanPattern> patternsFor(bool folded)
{
    std::vector<ScanPattern> out;
    const auto phrases = injectionPhrases();
    for (std::size_t i = 0; i < phrases.size(); ++i) {
        const On on = phrases[i].on;
        if (onFolded(on) != folded)
            continue;
        unsigned flags = kLeftmostStart;
        if (on == On::Raw)
            flags |= kCaseless | kMultiLine;
        if (on == On::RawCase)
            flags |= kMultiLine;
        out.push_back({static_cast<unsigned>(i), expand(phrases[i]), flags});
    }
    return out;
}

bool latinPattern(std::string_view regex)
{
    return std::all_of(regex.begin(), regex.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

struct Hit
{
    unsigned id;
    std::size_t start;
    std::size_t end;
};

// Collects matches, one hit per pattern for each overlapping stretch.
class Hits
{
  public:
    void add(unsigned id, std::size_t start, std::size_t end)
    {
        for (auto it = m_hits.rbegin(); it != m_hits.rend() && it - m_hits.rbegin() < 8; ++it)
            if (it->id == id && start <= it->end) {
                it->start = std::min(it->start, start);
                it->end = std::max(it->end, end);
                return;
            }
        if (m_hits.size() < kMaxMatches)
            m_hits.push_back({id, start, end});
    }
    const std::vector<Hit>& all() const { return m_hits; }

  private:
    std::vector<Hit> m_hits;
};

bool overlaps(const FoldedText::Range& r, std::size_t start, std::size_t end)
{
    return r.start < end && start < r.end;
}

class Scan
{
  public:
    Scan(std::string_view text, std::vector<Finding>& out)
        : m_text(text), m_folded(foldText(text)), m_context(text, m_folded), m_out(out)
    {
    }

    void folded(const PatternScanner& scanner)
    {
        Hits hits;
        scanner.scan(m_folded.text,
                     [&](unsigned id, std::size_t from, std::size_t to) { hits.add(id, from, to); });
        std::vector<bool> inInstruction(m_folded.mixedWords.size(), false);
        for (const Hit& h : hits.all()) {
            const InjectionPhrase& p = injectionPhrases()[h.id];
            const auto [from, to] = m_folded.source(h.start, h.end);
            bool disguised = false;
            for (std::size_t w = 0; w < m_folded.mixedWords.size(); ++w)
                if (overlaps(m_folded.mixedWords[w], h.start, h.end))
                    inInstruction[w] = disguised = true;
            const bool mentioned = m_context.phraseIsMentioned(h.start, from);
            const bool own = p.type == "instruction_override" && ownEarlierWords(h.start, h.end);
            std::string evidence(p.evidence);
            if (own)
                evidence += " (the writer's own earlier words)";
            if (disguised)
                evidence += " (after undoing look-alike letters)";
            if (mentioned)
                evidence += " (quoted in a discussion)";
            add(std::string(p.type), from, to, mentioned || own ? p.weight * kMentionDiscount : p.weight,
                std::move(evidence));
        }
        homoglyphs(inInstruction);
    }

    void raw(const PatternScanner& scanner)
    {
        Hits hits;
        scanner.scan(m_text, [&](unsigned id, std::size_t from, std::size_t to) { hits.add(id, from, to); });
        for (const Hit& h : hits.all()) {
            const InjectionPhrase& p = injectionPhrases()[h.id];
            std::size_t start = h.start;
            while (start < h.end && (m_text[start] == '\n' || m_text[start] == '\r'))
                ++start; // "(^|\n)" patterns: the turn starts after the line break
            const bool mentioned = m_context.delimiterIsMentioned(start);
            add(std::string(p.type), start, h.end, mentioned ? p.weight * kMentionDiscount : p.weight,
                std::string(p.evidence) + (mentioned ? " (quoted as an example)" : ""));
        }
    }

    // The folded text in rot13: English phrases found there were written in rot13.
    void rotated(const PatternScanner& scanner)
    {
        const std::string rotated = rot13(m_folded.text);
        Hits hits;
        scanner.scan(rotated, [&](unsigned id, std::size_t from, std::size_t to) { hits.add(id, from, to); });
        for (const Hit& h : hits.all()) {
            const InjectionPhrase& p = injectionPhrases()[h.id];
            if (!latinPattern(p.regex) || p.weight < 0.5)
                continue;
            const auto [from, to] = m_folded.source(h.start, h.end);
            add("encoded_payload", from, to, std::max(0.7, p.weight),
                "rot13 text that " + std::string(p.evidence));
        }
    }

  private:
    // "disregard my earlier instructions about the font": a user correcting themselves.
    bool ownEarlierWords(std::size_t start, std::size_t end) const
    {
        const std::string_view match = std::string_view(m_folded.text).substr(start, end - start);
        return match.find(" my ") != std::string_view::npos || match.find(" our ") != std::string_view::npos;
    }

    void homoglyphs(const std::vector<bool>& inInstruction)
    {
        for (std::size_t w = 0; w < m_folded.mixedWords.size() && w < kMaxHomoglyphWords; ++w) {
            const auto [from, to] = m_folded.source(m_folded.mixedWords[w].start, m_folded.mixedWords[w].end);
            const std::string word = m_folded.text.substr(
                m_folded.mixedWords[w].start, m_folded.mixedWords[w].end - m_folded.mixedWords[w].start);
            if (inInstruction[w])
                add("homoglyphs", from, to, kHomoglyphInstruction,
                    "Cyrillic or Greek look-alike letters in \"" + word + "\", part of an instruction");
            else
                add("homoglyphs", from, to, kHomoglyphWord,
                    "Cyrillic or Greek look-alike letters in \"" + word + "\"");
        }
    }

    void add(std::string type, std::size_t from, std::size_t to, double weight, std::string evidence)
    {
        m_out.push_back({std::move(type), Category::Injection, from, to, weight, std::move(evidence)});
    }

    std::string_view m_text;
    FoldedText m_folded;
    MentionContext m_context;
    std::vector<Finding>& m_out;
};

} // namespace

PhraseScan::PhraseScan() : m_folded(patternsFor(true)), m_raw(patternsFor(false)) {}

void PhraseScan::scan(std::string_view text, std::vector<Finding>& out, Options options) const
{
    Scan scan(text, out);
    scan.folded(m_folded);
    scan.raw(m_raw);
    if (options.rot13)
        scan.rotated(m_folded);
}

} // namespace ts::guard
