#include "model/ids.h"

#include <algorithm>

namespace ts {

std::string IdSource::hex(int bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(static_cast<size_t>(bytes) * 2, '0');
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < out.size(); i += 16) {
        std::uint64_t r = rng_();
        for (size_t j = i; j < std::min(out.size(), i + 16); ++j, r >>= 4)
            out[j] = digits[r & 0xF];
    }
    return out;
}

IdSource& randomIds()
{
    static IdSource ids;
    return ids;
}

} // namespace ts
