#pragma once
#include "model/span.h"

#include <QColor>
#include <QString>

#include <cstdint>

namespace ts::ui {

// What a span did, as the waterfall colours it: the pipeline's stages (DESIGN.md) and an agent's tools.
enum class SpanCategory : std::uint8_t { Request, LlmCall, Guard, Cache, Route, Tool, Internal };
inline constexpr int kSpanCategoryCount = 7;

// From tokenscope.stage, else gen_ai.operation.name, else the span's name (imported traces).
SpanCategory categoryOf(const Span& span);
QString categoryName(SpanCategory category); // "LLM call", "guard", ...
QColor categoryColor(SpanCategory category);

} // namespace ts::ui
