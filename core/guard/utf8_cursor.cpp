#include "guard/utf8_cursor.h"

namespace ts::guard {

CodePoint readCodePoint(std::string_view text, std::size_t pos)
{
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80)
        return {lead, 1};
    // Checked as the JSON reader checks it; an ill-formed sequence is read one byte at a time here.
    const int length = utf8SequenceAt(text, pos);
    if (length <= 0)
        return {kInvalid, 1};
    char32_t cp = lead & (0xFF >> (length + 1));
    for (int i = 1; i < length; ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(text[pos + static_cast<std::size_t>(i)]) & 0x3F);
    return {cp, static_cast<std::size_t>(length)};
}

} // namespace ts::guard
