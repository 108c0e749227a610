#pragma once
#include "model/trace.h"

#include <string>
#include <string_view>
#include <vector>

namespace ts::codec {

// Headers as [[name, value], ...], so order and repeated names survive.
std::string headersToJson(const std::vector<Header>& headers);
std::vector<Header> headersFromJson(std::string_view json);

// Chunks as [{"at": ns, "data": text}, ...]; a chunk that is not valid UTF-8 (a stream split
// inside a character) is stored as {"at": ns, "base64": ...} so its bytes come back exactly.
std::string chunksToJson(const std::vector<Exchange::Chunk>& chunks);
std::vector<Exchange::Chunk> chunksFromJson(std::string_view json);

} // namespace ts::codec
