#pragma once
#include "compare/word_diff.h"

// The passes that turn a raw LCS path into a diff a person reads easily.
namespace ts::ui::diff {

// Adjacent pieces of one kind become one; empty pieces go.
std::vector<Piece> merged(std::vector<Piece> pieces);

// A word or two in common between two larger changes is noise ("-In +Here = -short, +is"): it is
// folded into the changes (diff-match-patch's semantic cleanup, simplified) until none is left,
// each run of changes reading "all removed, then all added". Longer common stretches (a sentence
// both answers share) always stay, however large the changes around them.
std::vector<Piece> readable(std::vector<Piece> pieces);

// In "-cat␣ +dog␣" the space looks changed though both sides have it: tokens a replacement starts
// or ends with on both sides move out of it into the common text ("-cat +dog =␣").
std::vector<Piece> factored(const std::vector<Piece>& pieces);

// How many tokens two sequences share at their start, and then at their end.
struct Ends
{
    std::size_t head = 0;
    std::size_t tail = 0;
};
Ends commonEnds(const std::vector<QStringView>& a, const std::vector<QStringView>& b);
QString joined(const std::vector<QStringView>& tokens, std::size_t from, std::size_t to);

} // namespace ts::ui::diff
