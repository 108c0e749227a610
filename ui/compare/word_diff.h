#pragma once
#include <QString>
#include <QStringView>

#include <cstdint>
#include <vector>

// A word-level diff of two texts, for comparing two models' answers. No widgets: plain values in,
// pieces out, so it is tested on its own and can run on any thread.
namespace ts::ui::diff {

enum class Op { Same, Removed, Added };

struct Piece
{
    Op op = Op::Same;
    QString text;
    bool operator==(const Piece&) const = default;
};

enum class Granularity { Words, Lines, Whole };

struct Result
{
    std::vector<Piece> pieces; // Same + Removed pieces spell the old text, Same + Added the new one
    Granularity granularity = Granularity::Words;
};

// Words (letter and digit runs), whitespace runs and single other characters (punctuation, emoji);
// a surrogate pair is never split.
std::vector<QStringView> wordTokens(QStringView text);
bool isWord(QStringView token); // a letter or digit run (not space, punctuation, emoji or a CJK character)
// Lines, each with its line break.
std::vector<QStringView> lineTokens(QStringView text);

// The LCS table costs (tokens of a) x (tokens of b) cells once the common start and end are cut
// off; above maxCells the diff falls back to lines, and above that to "all removed, all added",
// so a long answer never stalls the UI. The default is about 1,500 words against 1,500 words.
inline constexpr std::int64_t kDefaultMaxCells = 9'000'000;
Result wordDiff(QStringView before, QStringView after, std::int64_t maxCells = kDefaultMaxCells);

} // namespace ts::ui::diff
