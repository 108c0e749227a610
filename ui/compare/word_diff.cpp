#include "compare/word_diff.h"

#include "compare/diff_cleanup.h"

#include <algorithm>
#include <cstdint>

namespace ts::ui::diff {

namespace {

using Tokens = std::vector<QStringView>;

enum class Kind { Word, Space, Other };

// Scripts written without spaces: each character is its own token, or a whole sentence would be one word.
bool unspaced(char32_t ucs)
{
    switch (QChar::script(ucs)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Thai:
    case QChar::Script_Lao:
    case QChar::Script_Khmer:
    case QChar::Script_Myanmar:
        return true;
    default:
        return false;
    }
}

Kind kindAt(QStringView text, qsizetype i, qsizetype* width)
{
    const QChar c = text[i];
    char32_t ucs = c.unicode();
    *width = 1;
    if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
        *width = 2;
        ucs = QChar::surrogateToUcs4(c, text[i + 1]);
    }
    if (QChar::isSpace(ucs))
        return Kind::Space;
    if (unspaced(ucs))
        return Kind::Other;
    // Combining marks stay with the word they decorate (é written as e + U+0301).
    return QChar::isLetterOrNumber(ucs) || QChar::isMark(ucs) || ucs == U'_' ? Kind::Word : Kind::Other;
}

// What matching a token is worth. Spaces and punctuation count for nothing: they match anywhere,
// and scattered matches of them would outweigh a whole sentence the two answers share.
std::vector<std::uint8_t> weights(const Tokens& tokens)
{
    std::vector<std::uint8_t> out;
    out.reserve(tokens.size());
    for (QStringView t : tokens) {
        qsizetype width = 0;
        const Kind kind = kindAt(t, 0, &width);
        out.push_back(kind == Kind::Space || (kind == Kind::Other && width == 1 && t[0].isPunct()) ? 0 : 1);
    }
    return out;
}

// The pieces of the middle part, by the LCS table built backwards (lcs[i][j] covers a[i..], b[j..]).
// A cell never exceeds the shorter side, so small tables use 16-bit cells (half the memory).
template <typename Cell>
void lcsPieces(const Tokens& a, const Tokens& b, std::vector<Piece>& out)
{
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    const std::size_t width = m + 1;
    const std::vector<std::uint8_t> worth = weights(a);
    std::vector<Cell> lcs((n + 1) * width, 0);
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i * width + j] = a[i] == b[j] ? static_cast<Cell>(lcs[(i + 1) * width + j + 1] + worth[i])
                                              : std::max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) { // taking an equal pair is never worse than skipping it
            out.push_back({Op::Same, a[i].toString()});
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
            out.push_back({Op::Removed, a[i++].toString()}); // removals first: "old new" reads naturally
        } else {
            out.push_back({Op::Added, b[j++].toString()});
        }
    }
}

void lcsPieces(const Tokens& a, const Tokens& b, std::vector<Piece>& out)
{
    if (std::min(a.size(), b.size()) < 0xffff)
        lcsPieces<std::uint16_t>(a, b, out);
    else
        lcsPieces<std::uint32_t>(a, b, out);
}

// Cuts the common start and end, then diffs the middle if its table fits.
bool diffTokens(const Tokens& a, const Tokens& b, std::int64_t maxCells, std::vector<Piece>& out)
{
    const auto [head, tail] = commonEnds(a, b);
    const Tokens midA(a.begin() + static_cast<std::ptrdiff_t>(head),
                      a.end() - static_cast<std::ptrdiff_t>(tail));
    const Tokens midB(b.begin() + static_cast<std::ptrdiff_t>(head),
                      b.end() - static_cast<std::ptrdiff_t>(tail));
    const auto cells =
        static_cast<std::int64_t>(midA.size() + 1) * static_cast<std::int64_t>(midB.size() + 1);
    if (cells > maxCells)
        return false;
    out.push_back({Op::Same, joined(a, 0, head)});
    lcsPieces(midA, midB, out);
    out.push_back({Op::Same, joined(a, a.size() - tail, a.size())});
    return true;
}

} // namespace

std::vector<QStringView> wordTokens(QStringView text)
{
    std::vector<QStringView> out;
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype width = 0;
        const Kind kind = kindAt(text, i, &width);
        qsizetype end = i + width;
        if (kind != Kind::Other) {
            qsizetype next = 0;
            while (end < text.size() && kindAt(text, end, &next) == kind)
                end += next;
        }
        out.push_back(text.sliced(i, end - i));
        i = end;
    }
    return out;
}

bool isWord(QStringView token)
{
    qsizetype width = 0;
    return !token.isEmpty() && kindAt(token, 0, &width) == Kind::Word;
}

std::vector<QStringView> lineTokens(QStringView text)
{
    std::vector<QStringView> out;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype nl = text.indexOf(u'\n', start);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        out.push_back(text.sliced(start, end - start));
        start = end;
    }
    return out;
}

Result wordDiff(QStringView before, QStringView after, std::int64_t maxCells)
{
    Result r;
    std::vector<Piece> pieces;
    if (diffTokens(wordTokens(before), wordTokens(after), maxCells, pieces)) {
        r.pieces = factored(readable(merged(std::move(pieces))));
        return r;
    }
    pieces.clear();
    if (diffTokens(lineTokens(before), lineTokens(after), maxCells, pieces)) {
        r.granularity = Granularity::Lines;
        r.pieces = merged(std::move(pieces));
        return r;
    }
    r.granularity = Granularity::Whole;
    r.pieces = merged({{Op::Removed, before.toString()}, {Op::Added, after.toString()}});
    return r;
}

} // namespace ts::ui::diff
