#include "trace/blob_codec.h"

#include "trace/varint.h"

#include <zlib.h>

namespace ts::codec {

namespace {

enum Format : char { Plain = 0, Zlib = 1 };

constexpr size_t kMinCompressed = 64; // below this, zlib's header and checksum outweigh the gain
constexpr int kLevel = 1;             // the fastest level: most of the gain, a fraction of the time
constexpr size_t kMaxRatio = 1032;    // deflate never expands data more than this

std::string plain(std::string_view bytes)
{
    std::string out(1, Plain);
    out.append(bytes);
    return out;
}

std::string deflated(std::string_view bytes)
{
    std::string out(1, Zlib);
    appendVarint(out, bytes.size());
    const size_t head = out.size();
    uLongf length = compressBound(static_cast<uLong>(bytes.size()));
    out.resize(head + length);
    const int rc =
        compress2(reinterpret_cast<Bytef*>(out.data() + head), &length,
                  reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uLong>(bytes.size()), kLevel);
    if (rc != Z_OK)
        return plain(bytes);
    out.resize(head + length);
    return out;
}

std::string inflated(std::string_view blob)
{
    size_t at = 1;
    const std::uint64_t size = readVarint(blob, at);
    const std::string_view stream = blob.substr(at);
    if (size > stream.size() * kMaxRatio)
        throw CorruptValue("a compressed value claims an impossible size");
    std::string out(size, '\0');
    uLongf length = static_cast<uLongf>(size);
    const int rc =
        uncompress(reinterpret_cast<Bytef*>(out.data()), &length,
                   reinterpret_cast<const Bytef*>(stream.data()), static_cast<uLong>(stream.size()));
    if (rc != Z_OK || length != size)
        throw CorruptValue("a compressed value is damaged (zlib: " + std::string(zError(rc)) + ")");
    return out;
}

} // namespace

std::string packBlob(std::string_view bytes)
{
    if (bytes.empty())
        return {};
    if (bytes.size() < kMinCompressed)
        return plain(bytes);
    std::string packed = deflated(bytes);
    return packed.size() < bytes.size() + 1 ? packed : plain(bytes);
}

std::string unpackBlob(std::string_view blob)
{
    if (blob.empty())
        return {};
    switch (blob.front()) {
    case Plain:
        return std::string(blob.substr(1));
    case Zlib:
        return inflated(blob);
    default:
        throw CorruptValue("a stored value has an unknown format (" + std::to_string(int(blob.front())) +
                           ")");
    }
}

} // namespace ts::codec
