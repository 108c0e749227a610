#include "waterfall/span_category.h"

#include "model/attributes.h"

#include <array>
#include <optional>
#include <string_view>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::optional<SpanCategory> fromStage(std::string_view stage)
{
    if (stage == "llm.call")
        return SpanCategory::LlmCall;
    if (startsWith(stage, "guard"))
        return SpanCategory::Guard;
    if (startsWith(stage, "cache"))
        return SpanCategory::Cache;
    if (stage == "route" || stage == "retry")
        return SpanCategory::Route;
    if (stage == "tool")
        return SpanCategory::Tool;
    if (stage == "request")
        return SpanCategory::Request;
    return std::nullopt;
}

std::optional<SpanCategory> fromOperation(std::string_view operation)
{
    if (operation == "chat" || operation == "text_completion" || operation == "generate_content" ||
        operation == "embeddings")
        return SpanCategory::LlmCall;
    if (operation == "execute_tool")
        return SpanCategory::Tool;
    if (operation == "invoke_agent" || operation == "create_agent")
        return SpanCategory::Request;
    return std::nullopt;
}

} // namespace

SpanCategory categoryOf(const Span& span)
{
    if (auto c = fromStage(span.attrView(attr::kStage)))
        return *c;
    if (auto c = fromOperation(span.attrView(attr::kOperationName)))
        return *c;
    if (auto c = fromStage(span.name))
        return *c;
    if (span.parentSpanId.empty())
        return SpanCategory::Request;
    return span.kind == SpanKind::Client ? SpanCategory::LlmCall : SpanCategory::Internal;
}

QString categoryName(SpanCategory category)
{
    static const std::array<QString, kSpanCategoryCount> names{u"request"_s, u"LLM call"_s, u"guard"_s, u"cache"_s,
                                                              u"route"_s,   u"tool"_s,     u"internal"_s};
    return names[static_cast<std::size_t>(category)];
}

// Distinct in hue and readable with dark text on light and light backgrounds alike; red is kept for errors.
QColor categoryColor(SpanCategory category)
{
    static const std::array<QColor, kSpanCategoryCount> colors{
        QColor(0x8d, 0x99, 0xae), // request: slate
        QColor(0x4c, 0x8b, 0xf5), // LLM call: blue
        QColor(0xf2, 0xa5, 0x3a), // guard: amber
        QColor(0x3f, 0xb6, 0x8b), // cache: green
        QColor(0x9b, 0x7b, 0xe0), // route: violet
        QColor(0xe0, 0x72, 0xb4), // tool: pink
        QColor(0xb0, 0xb7, 0xc3), // internal: grey
    };
    return colors[static_cast<std::size_t>(category)];
}

} // namespace ts::ui
