#pragma once
#include "model/request.h"

#include <QString>

// Whether JSON the user or the model wrote holds up, in words: a schema typed into an editor,
// a tool call's arguments, a structured reply. Pure functions over core/structured.
namespace ts::ui::checks {

struct Verdict
{
    bool ok = false;
    QString text; // "Valid JSON · matches the schema \"weather\"", "Not valid JSON: line 1, column 9: ..."
};

// Empty when the text is a usable JSON Schema object; else what is wrong, line:column for syntax.
QString schemaProblem(const QString& text);
// As schemaProblem, and a tool's parameters must describe an object.
QString parametersProblem(const QString& text);
// Tool names providers accept: letters, digits, _ and -, at most 64.
QString toolNameProblem(const QString& name);

Verdict checkArguments(const ToolCall& call, const std::vector<ToolDefinition>& tools);
Verdict checkReply(const QString& text, const ResponseFormat& format);

} // namespace ts::ui::checks
