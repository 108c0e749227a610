#include "tokens/encoding_spec.h"

#include <array>

namespace ts {
namespace {

// tiktoken@4e71bbe tiktoken_ext/openai_public.py, verbatim.
constexpr std::string_view kCl100kPattern =
    R"('(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s)";

constexpr std::string_view kO200kPattern =
    R"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?)"
    R"(|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?)"
    R"(|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

constexpr std::array kSpecs = {
    EncodingSpec{"o200k_base", kO200kPattern, "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"},
    EncodingSpec{"cl100k_base", kCl100kPattern, "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"},
};

} // namespace

const EncodingSpec* findEncodingSpec(std::string_view name)
{
    for (const auto& spec : kSpecs)
        if (spec.name == name)
            return &spec;
    return nullptr;
}

} // namespace ts
