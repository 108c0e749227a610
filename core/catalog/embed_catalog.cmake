# cmake -DINPUT=models.json -DOUTPUT=file.cpp -P embed_catalog.cmake
# Writes a C++ file whose shippedCatalogJson() returns INPUT's bytes. Bytes rather than string
# literals: GCC's -Woverlength-strings (-Wpedantic) rejects literals over 64 KB.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "(................................)" "\\1\n" hex "${hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by embed_catalog.cmake; do not edit.
#include \"catalog/shipped_catalog.h\"

namespace {
const unsigned char kBytes[] = {
${bytes}
};
} // namespace

std::string_view ts::shippedCatalogJson() { return {reinterpret_cast<const char*>(kBytes), sizeof kBytes}; }
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
