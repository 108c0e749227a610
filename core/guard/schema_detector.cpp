#include "guard/schema_detector.h"

#include "guard/json_locate.h"
#include "structured/json_text.h"
#include "structured/schema_check.h"

namespace ts::guard {

namespace {

// Byte offset of a 1-based line and column, clamped to the text.
std::size_t offsetOf(std::string_view text, int line, int column)
{
    std::size_t pos = 0;
    for (int l = 1; l < line && pos < text.size(); ++pos)
        if (text[pos] == '\n')
            ++l;
    return std::min(text.size(), pos + static_cast<std::size_t>(std::max(column - 1, 0)));
}

} // namespace

SchemaDetector::SchemaDetector(nlohmann::json schema) : m_schema(std::move(schema)) {}

void SchemaDetector::scan(std::string_view text, std::vector<Finding>& out) const
{
    const structured::JsonParse parsed = structured::parseJson(text);
    if (!parsed.ok()) {
        const std::size_t at = parsed.line > 0 ? offsetOf(text, parsed.line, parsed.column) : 0;
        out.push_back({"schema", Category::Output, std::min(at, text.size()), text.size(), 1.0,
                       "not JSON: " + parsed.error});
        return;
    }
    for (const structured::Violation& v : structured::checkValue(*parsed.value, m_schema)) {
        const auto range = locateJsonPointer(text, v.path).value_or(JsonSpan{0, text.size()});
        out.push_back({"schema", Category::Output, range.start, range.end, 1.0, v.text()});
    }
}

} // namespace ts::guard
