#pragma once
#include <string_view>

namespace ts {

// What tiktoken's openai_public.py defines for an encoding: its pre-split pattern and the
// sha256 of its rank file.
struct EncodingSpec {
    std::string_view name;
    std::string_view pattern;
    std::string_view sha256;
};

const EncodingSpec* findEncodingSpec(std::string_view name);

} // namespace ts
