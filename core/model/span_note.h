#pragma once
#include "model/span.h"

#include <string>
#include <string_view>
#include <utility>

namespace ts {

// Sets one attribute of a span, replacing an earlier value: how the pipeline's stages and the
// caches record what they did.
inline void note(Span& span, std::string_view name, AttrValue value)
{
    span.attributes.insert_or_assign(std::string(name), std::move(value));
}

} // namespace ts
