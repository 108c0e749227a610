#include "guard/redaction.h"

#include "tokens/sha256.h"

#include <algorithm>
#include <cctype>

namespace ts::guard {

namespace {

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Digits become '*' except the last `keep`; separators stay so the shape is still readable.
std::string maskDigits(std::string_view s, int keep)
{
    int digits = static_cast<int>(std::count_if(s.begin(), s.end(), isDigit));
    std::string out;
    for (char c : s) {
        if (isDigit(c) || std::isalpha(static_cast<unsigned char>(c)))
            out += digits-- > keep ? '*' : c;
        else
            out += c;
    }
    return out;
}

std::string maskEmail(std::string_view s)
{
    const auto at = s.find('@');
    const auto dot = s.rfind('.');
    if (at == std::string_view::npos || at == 0 || dot == std::string_view::npos || dot < at)
        return std::string(s.size(), '*');
    std::string out;
    out += s[0];
    out += "***@";
    if (at + 1 < dot)
        out += s[at + 1];
    out += "***";
    out += s.substr(dot);
    return out;
}

} // namespace

std::string Vault::placeholderFor(std::string_view type, std::string_view original)
{
    std::string key = std::string(type) + '\x1f' + std::string(original);
    if (auto it = placeholders_.find(key); it != placeholders_.end())
        return it->second;
    const int n = ++counters_[std::string(type)];
    std::string placeholder = "[" + prefix_ + upper(type) + "_" + std::to_string(n) + "]";
    longest_ = std::max(longest_, placeholder.size());
    originals_.emplace(placeholder, original);
    placeholders_.emplace(std::move(key), placeholder);
    return placeholder;
}

std::string Vault::restore(std::string_view text) const
{
    if (originals_.empty())
        return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto open = text.find('[', i);
        if (open == std::string_view::npos)
            break;
        // A placeholder is short: look for its ']' within that length only (linear on "[[[[...").
        const auto close = text.substr(0, std::min(text.size(), open + longest_)).find(']', open);
        if (close == std::string_view::npos) {
            out.append(text.substr(i, open + 1 - i));
            i = open + 1;
            continue;
        }
        out.append(text.substr(i, open - i));
        const std::string_view candidate = text.substr(open, close - open + 1);
        if (auto it = originals_.find(candidate); it != originals_.end()) {
            out += it->second;
            i = close + 1;
        } else {
            out += '[';
            i = open + 1;
        }
    }
    out.append(text.substr(i));
    return out;
}

std::string Vault::restoreStream(std::string& pending, std::string_view piece, bool atEnd) const
{
    pending.append(piece);
    std::size_t cut = pending.size();
    if (!atEnd) {
        // A '[' near the end with no ']' after it may be a placeholder still arriving.
        const auto open = pending.rfind('[');
        if (open != std::string::npos && pending.find(']', open) == std::string::npos &&
            pending.size() - open < longest_)
            cut = open;
    }
    std::string ready = restore(std::string_view(pending).substr(0, cut));
    pending.erase(0, cut);
    return ready;
}

std::string maskText(std::string_view type, std::string_view original)
{
    if (type == "email")
        return maskEmail(original);
    if (type == "card" || type == "iban" || type == "ssn" || type == "phone")
        return maskDigits(original, 4);
    if (type == "private_key")
        return "-----BEGIN PRIVATE KEY----- **** -----END PRIVATE KEY-----";
    // Secrets and the rest: a recognisable prefix, never the part that authenticates.
    const std::size_t keep = original.size() >= 12 ? 4 : 0;
    return std::string(original.substr(0, keep)) + "****";
}

std::string hashText(std::string_view type, std::string_view original)
{
    return "<" + std::string(type) + ":sha256:" + sha256Hex(original).substr(0, 8) + ">";
}

std::size_t rewrittenOffset(const std::vector<Placed>& placed, std::size_t original)
{
    std::ptrdiff_t shift = 0;
    for (const Placed& p : placed) {
        if (!p.rewrote)
            continue;
        if (p.rewroteFrom >= original)
            continue;
        const std::size_t from = p.rewroteFrom;
        if (original < p.rewroteTo) // inside: the replacement's end
            return p.end;
        shift += static_cast<std::ptrdiff_t>(p.end - p.start) - static_cast<std::ptrdiff_t>(p.rewroteTo - from);
    }
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(original) + shift);
}

namespace {

bool rewritesText(const Decided& d)
{
    const Category c = d.finding.category;
    return rewrites(d.action) ||
           (d.action == Action::Block && (c == Category::PersonalData || c == Category::Secret));
}

std::string replacementFor(const Decided& d, std::string_view original, Vault& vault)
{
    switch (d.action) {
    case Action::Mask:
        return maskText(d.finding.type, original);
    case Action::Hash:
        return hashText(d.finding.type, original);
    default: // redact, and a block's record: a placeholder
        return vault.placeholderFor(d.finding.type, original);
    }
}

} // namespace

std::string applyActions(std::string_view text, const std::vector<Decided>& decided, Vault& vault,
                         std::vector<Placed>& placed)
{
    std::vector<const Decided*> order;
    for (const Decided& d : decided)
        if (d.finding.start <= d.finding.end && d.finding.end <= text.size())
            order.push_back(&d);
    std::stable_sort(order.begin(), order.end(), [](const Decided* a, const Decided* b) {
        return a->finding.start != b->finding.start ? a->finding.start < b->finding.start
                                                    : a->finding.end > b->finding.end;
    });
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;      // input bytes consumed
    std::size_t lastStart = 0;   // where the last rewrite begins in out
    std::size_t rewrittenTo = 0; // input offset the last rewrite covered
    for (const Decided* d : order) {
        Finding f = d->finding;
        const bool rewriting = rewritesText(*d);
        if (f.start < rewrittenTo) {
            if (!rewriting || f.end <= rewrittenTo) { // inside an earlier rewrite: placed on it
                placed.push_back({*d, lastStart, out.size(), false, 0, 0});
                continue;
            }
            f.start = rewrittenTo; // overlaps its end: the rest is rewritten too, never left in clear
        }
        out.append(text.substr(copied, f.start - copied));
        copied = f.start;
        if (!rewriting) { // warn, log, and blocks that judge the text as a whole leave it as it is
            placed.push_back({*d, out.size(), out.size() + f.size(), false, 0, 0});
            continue;
        }
        lastStart = out.size();
        out += replacementFor(*d, text.substr(f.start, f.size()), vault);
        copied = f.end;
        rewrittenTo = f.end;
        placed.push_back({*d, lastStart, out.size(), true, f.start, f.end});
    }
    out.append(text.substr(std::min(copied, text.size())));
    return out;
}

} // namespace ts::guard
