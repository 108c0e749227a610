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
    std::string placeholder = "[" + upper(type) + "_" + std::to_string(n) + "]";
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
        const auto close = text.find(']', open);
        if (close == std::string_view::npos)
            break;
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
        const Finding& f = d->finding;
        if (f.start < rewrittenTo) { // inside (or overlapping) a rewrite already made
            placed.push_back({*d, lastStart, out.size()});
            continue;
        }
        out.append(text.substr(copied, f.start - copied));
        copied = f.start;
        const std::string_view original = text.substr(f.start, f.size());
        std::string replacement;
        switch (d->action) {
        case Action::Redact:
            replacement = vault.placeholderFor(f.type, original);
            break;
        case Action::Mask:
            replacement = maskText(f.type, original);
            break;
        case Action::Hash:
            replacement = hashText(f.type, original);
            break;
        case Action::Block: // the request goes nowhere, but its record must not keep the data either
            if (f.category == Category::PersonalData || f.category == Category::Secret) {
                replacement = vault.placeholderFor(f.type, original);
                break;
            }
            [[fallthrough]];
        default: // warn and log leave the text as it is
            placed.push_back({*d, out.size() + (f.start - copied), out.size() + (f.end - copied)});
            continue;
        }
        lastStart = out.size();
        out += replacement;
        copied = f.end;
        rewrittenTo = f.end;
        placed.push_back({*d, lastStart, out.size()});
    }
    out.append(text.substr(std::min(copied, text.size())));
    return out;
}

} // namespace ts::guard
