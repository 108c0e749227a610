#include "trace/chunk_codec.h"

#include "trace/blob_codec.h"
#include "trace/varint.h"

namespace ts::codec {

namespace {

std::string_view take(std::string_view bytes, size_t& at, std::uint64_t length)
{
    if (length > bytes.size() - at)
        throw CorruptValue("a stored chunk is cut off");
    const std::string_view out = bytes.substr(at, length);
    at += length;
    return out;
}

Exchange::Chunk readChunk(std::string_view bytes, size_t& at, Nanos previous)
{
    Exchange::Chunk chunk;
    chunk.at = static_cast<Nanos>(static_cast<std::uint64_t>(previous) + unzigzag(readVarint(bytes, at)));
    const std::uint64_t length = readVarint(bytes, at);
    chunk.data = std::string(take(bytes, at, length));
    return chunk;
}

} // namespace

std::string chunksToBytes(const std::vector<Exchange::Chunk>& chunks)
{
    std::string out;
    if (chunks.empty())
        return out;
    appendVarint(out, chunks.size());
    Nanos previous = 0;
    for (const Exchange::Chunk& chunk : chunks) {
        // Wrapping subtraction, so any pair of times encodes (and decodes) exactly.
        appendVarint(out, zigzag(static_cast<std::int64_t>(static_cast<std::uint64_t>(chunk.at) -
                                                           static_cast<std::uint64_t>(previous))));
        appendVarint(out, chunk.data.size());
        out.append(chunk.data);
        previous = chunk.at;
    }
    return out;
}

std::vector<Exchange::Chunk> chunksFromBytes(std::string_view bytes)
{
    size_t at = 0;
    const std::uint64_t count = bytes.empty() ? 0 : readVarint(bytes, at);
    if (count > bytes.size()) // every chunk takes at least two bytes
        throw CorruptValue("a stored chunk list claims too many chunks");
    std::vector<Exchange::Chunk> chunks;
    chunks.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i)
        chunks.push_back(readChunk(bytes, at, chunks.empty() ? 0 : chunks.back().at));
    if (at != bytes.size())
        throw CorruptValue("a stored chunk list has bytes left over");
    return chunks;
}

} // namespace ts::codec
