#include "trace/blob_codec.h"

#include "trace/varint.h"

#include <zlib.h>

#include <limits>

namespace ts::codec {

namespace {

enum Format : char { Plain = 0, Zlib = 1 };

constexpr size_t kMinCompressed = 64; // below this, zlib's header and checksum outweigh the gain
constexpr int kLevel = 1;             // the fastest level: most of the gain, a fraction of the time
constexpr size_t kMaxRatio = 1032;    // deflate never expands data more than this
constexpr size_t kSmallBlob = 16 * 1024; // up to this, a 2K-entry hash finds nearly every match
constexpr int kSmallMemLevel = 4;

std::string plain(std::string_view bytes)
{
    std::string out(1, Plain);
    out.append(bytes);
    return out;
}

// Deflate states kept per thread and reset between blobs. Setting zlib up for every blob (what
// compress2 does) cost more than compressing a typical trace's blobs, and most of a reset is
// clearing the match hash: small blobs get a small one (memLevel), which any zlib reader inflates.
class Deflater
{
public:
    explicit Deflater(int memLevel) { ok_ = deflateInit2(&z_, kLevel, Z_DEFLATED, 15, memLevel, Z_DEFAULT_STRATEGY) == Z_OK; }
    ~Deflater()
    {
        if (ok_)
            deflateEnd(&z_);
    }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    // Compresses into `out` after `head`; false when zlib could not (the caller stores it plain).
    bool deflateInto(std::string_view bytes, std::string& out, size_t head)
    {
        if (!ok_ || bytes.size() > std::numeric_limits<uInt>::max() || deflateReset(&z_) != Z_OK)
            return false;
        const uLong bound = deflateBound(&z_, static_cast<uLong>(bytes.size()));
        out.resize(head + bound);
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
        z_.avail_in = static_cast<uInt>(bytes.size());
        z_.next_out = reinterpret_cast<Bytef*>(out.data() + head);
        z_.avail_out = static_cast<uInt>(bound);
        if (deflate(&z_, Z_FINISH) != Z_STREAM_END)
            return false;
        out.resize(head + (bound - z_.avail_out));
        return true;
    }

private:
    z_stream z_{};
    bool ok_ = false;
};

std::string deflated(std::string_view bytes)
{
    std::string out(1, Zlib);
    appendVarint(out, bytes.size());
    thread_local Deflater small(kSmallMemLevel), large(8);
    Deflater& deflater = bytes.size() <= kSmallBlob ? small : large;
    if (!deflater.deflateInto(bytes, out, out.size()))
        return plain(bytes);
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
