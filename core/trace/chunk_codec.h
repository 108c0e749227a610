#pragma once
#include "model/trace.h"

#include <string>
#include <string_view>
#include <vector>

namespace ts::codec {

// Streamed chunks as compact bytes (before packBlob): a varint count, then per chunk the arrival
// time as a zigzag varint delta from the previous chunk's, the byte count and the raw bytes, so
// any bytes (even a stream split inside a UTF-8 character) come back exactly.
std::string chunksToBytes(const std::vector<Exchange::Chunk>& chunks);
// Throws CorruptValue when the bytes are cut off or have data left over.
std::vector<Exchange::Chunk> chunksFromBytes(std::string_view bytes);

} // namespace ts::codec
