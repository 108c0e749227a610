#pragma once
#include "guard/finding.h"

#include <string>
#include <string_view>
#include <vector>

namespace ts::guard {

// ASCII spelled in Unicode tag characters (U+E0020..U+E007E): invisible on screen, read by models.
struct HiddenText
{
    std::size_t start = 0; // the run of tag characters in the original
    std::size_t end = 0;
    std::string text;
};

struct InvisibleScan
{
    std::vector<Finding> findings; // invisible_characters, one per kind: zero-width, bidi, tags
    std::vector<HiddenText> hidden;
};

// Leaves out what ordinary text uses: a leading byte-order mark, joiners and direction marks
// between non-Latin letters or emoji (Persian, Hindi, family emoji), tag runs that spell a
// subdivision flag after U+1F3F4 (England, Scotland, Wales).
InvisibleScan scanInvisible(std::string_view text);

} // namespace ts::guard
