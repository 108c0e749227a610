#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace ts::codec {

// A stored value that cannot be decoded (a damaged file); readers turn it into a Corrupt
// WorkspaceError naming the workspace.
class CorruptValue : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

// Bulky byte strings as BLOBs: empty stays empty; otherwise one format byte, then the payload.
// Format 0 is the bytes as they are (small or incompressible values), format 1 is the byte count
// as a varint followed by a zlib stream. Unknown formats are reserved for later ones.
std::string packBlob(std::string_view bytes);
// Throws CorruptValue when the blob is damaged or has an unknown format.
std::string unpackBlob(std::string_view blob);

} // namespace ts::codec
