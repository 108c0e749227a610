#include "compare/diff_cleanup.h"

#include <algorithm>
#include <utility>

namespace ts::ui::diff {

namespace {

// Each run of changes as "all removed, then all added"; pieces marked `dissolve` (common text
// swallowed by the changes around it) join both sides of their run.
std::vector<Piece> regrouped(const std::vector<Piece>& pieces, const std::vector<bool>& dissolve)
{
    std::vector<Piece> out;
    QString removed;
    QString added;
    const auto flush = [&] {
        out.push_back({Op::Removed, std::exchange(removed, {})});
        out.push_back({Op::Added, std::exchange(added, {})});
    };
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        const Piece& p = pieces[k];
        if (p.op == Op::Same && !dissolve[k]) {
            flush();
            out.push_back(p);
            continue;
        }
        if (p.op != Op::Added)
            removed += p.text;
        if (p.op != Op::Removed)
            added += p.text;
    }
    flush();
    return merged(std::move(out));
}

qsizetype changeSize(const Piece& removedOrAdded, const Piece* next)
{
    const qsizetype size = removedOrAdded.text.size();
    return next && next->op == Op::Added ? std::max(size, next->text.size()) : size;
}

bool weak(const QString& common)
{
    const auto tokens = wordTokens(common);
    return std::ranges::count_if(tokens, isWord) <= 2;
}

} // namespace

std::vector<Piece> merged(std::vector<Piece> pieces)
{
    std::vector<Piece> out;
    for (Piece& p : pieces) {
        if (p.text.isEmpty())
            continue;
        if (!out.empty() && out.back().op == p.op)
            out.back().text += p.text;
        else
            out.push_back(std::move(p));
    }
    return out;
}

QString joined(const std::vector<QStringView>& tokens, std::size_t from, std::size_t to)
{
    QString s;
    for (std::size_t k = from; k < to; ++k)
        s += tokens[k];
    return s;
}

Ends commonEnds(const std::vector<QStringView>& a, const std::vector<QStringView>& b)
{
    Ends e;
    while (e.head < a.size() && e.head < b.size() && a[e.head] == b[e.head])
        ++e.head;
    while (e.tail < a.size() - e.head && e.tail < b.size() - e.head &&
           a[a.size() - 1 - e.tail] == b[b.size() - 1 - e.tail])
        ++e.tail;
    return e;
}

std::vector<Piece> factored(const std::vector<Piece>& pieces)
{
    std::vector<Piece> out;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        if (pieces[k].op != Op::Removed || k + 1 == pieces.size() || pieces[k + 1].op != Op::Added) {
            out.push_back(pieces[k]);
            continue;
        }
        const auto x = wordTokens(pieces[k].text);
        const auto y = wordTokens(pieces[k + 1].text);
        const auto [head, tail] = commonEnds(x, y);
        out.push_back({Op::Same, joined(x, 0, head)});
        out.push_back({Op::Removed, joined(x, head, x.size() - tail)});
        out.push_back({Op::Added, joined(y, head, y.size() - tail)});
        out.push_back({Op::Same, joined(x, x.size() - tail, x.size())});
        ++k;
    }
    return merged(std::move(out));
}

std::vector<Piece> readable(std::vector<Piece> pieces)
{
    for (;;) {
        std::vector<bool> dissolve(pieces.size(), false);
        bool any = false;
        for (std::size_t k = 1; k + 1 < pieces.size(); ++k) {
            if (pieces[k].op != Op::Same || pieces[k - 1].op == Op::Same)
                continue;
            const qsizetype before =
                pieces[k - 1].op == Op::Added && k >= 2 && pieces[k - 2].op == Op::Removed
                    ? std::max(pieces[k - 1].text.size(), pieces[k - 2].text.size())
                    : pieces[k - 1].text.size();
            const qsizetype after =
                changeSize(pieces[k + 1], k + 2 < pieces.size() ? &pieces[k + 2] : nullptr);
            if (pieces[k + 1].op != Op::Same && pieces[k].text.size() <= std::min(before, after) &&
                weak(pieces[k].text))
                dissolve[k] = any = true;
        }
        if (!any)
            return pieces;
        pieces = regrouped(pieces, dissolve);
    }
}

} // namespace ts::ui::diff
