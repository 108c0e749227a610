#include "playground/reply_checks.h"

#include "structured/json_text.h"
#include "structured/schema_check.h"
#include "structured/schema_lint.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace ts::ui::checks {

namespace {

constexpr int kShownViolations = 3;

QString words(const std::string& s)
{
    return QString::fromStdString(s);
}

// Names the first few violations; the rest as a count.
QString violationsText(const std::vector<structured::Violation>& found)
{
    QStringList lines;
    for (int i = 0; i < kShownViolations && i < static_cast<int>(found.size()); ++i)
        lines << words(found[static_cast<size_t>(i)].text());
    const int more = static_cast<int>(found.size()) - kShownViolations;
    if (more > 0)
        lines << QString(u"… and "_s + QString::number(more) + u" more"_s);
    return lines.join(u"\n"_s);
}

Verdict conformance(const nlohmann::json& value, const std::string& schemaText, const QString& what)
{
    const structured::JsonParse schema = structured::parseJson(schemaText);
    if (!schema.ok())
        return {false, u"Valid JSON, but "_s + what + u" is not valid JSON itself"_s};
    const auto found = structured::checkValue(value, *schema.value);
    if (found.empty())
        return {true, u"Valid JSON · matches "_s + what};
    return {false, u"Valid JSON, but does not match "_s + what + u":\n"_s + violationsText(found)};
}

const ToolDefinition* findTool(const std::vector<ToolDefinition>& tools, const std::string& name)
{
    const auto it =
        std::find_if(tools.begin(), tools.end(), [&](const ToolDefinition& t) { return t.name == name; });
    return it == tools.end() ? nullptr : &*it;
}

} // namespace

QString schemaProblem(const QString& text)
{
    if (text.trimmed().isEmpty())
        return u"Write a JSON Schema here, e.g. {\"type\": \"object\", \"properties\": {}}"_s;
    const structured::JsonParse parsed = structured::parseJson(text.toStdString());
    if (!parsed.ok())
        return u"Not valid JSON: "_s + words(parsed.error);
    QStringList problems;
    for (const std::string& p : structured::schemaProblems(*parsed.value))
        problems << words(p);
    return problems.join(u"\n"_s);
}

QString parametersProblem(const QString& text)
{
    const QString problem = schemaProblem(text);
    if (!problem.isEmpty())
        return problem;
    const auto schema = *structured::parseJson(text.toStdString()).value;
    if (schema.value("type", nlohmann::json()) != "object")
        return u"A tool's parameters must be a schema with \"type\": \"object\""_s;
    return {};
}

QString toolNameProblem(const QString& name)
{
    static const QRegularExpression valid(u"^[A-Za-z0-9_-]{1,64}$"_s);
    if (name.isEmpty())
        return u"Give the tool a name"_s;
    if (!valid.match(name).hasMatch())
        return u"A tool name may only use letters, digits, _ and - (at most 64)"_s;
    return {};
}

Verdict checkArguments(const ToolCall& call, const std::vector<ToolDefinition>& tools)
{
    const structured::JsonParse args = structured::parseJson(call.arguments);
    if (!args.ok())
        return {false, u"Arguments are not valid JSON: "_s + words(args.error)};
    const ToolDefinition* tool = findTool(tools, call.name);
    if (!tool)
        return {false,
                u"Valid JSON, but no tool named \""_s + words(call.name) + u"\" is defined in Tools"_s};
    return conformance(*args.value, tool->parametersJson, u"the parameters of "_s + words(tool->name));
}

Verdict checkReply(const QString& text, const ResponseFormat& format)
{
    const structured::JsonParse reply = structured::parseJson(text.toStdString());
    if (!reply.ok())
        return {false, u"Not valid JSON: "_s + words(reply.error)};
    if (format.type == ResponseFormat::Type::JsonObject && !reply.value->is_object())
        return {false, u"Valid JSON, but not an object as JSON object mode asks"_s};
    if (format.type != ResponseFormat::Type::JsonSchema)
        return {true, u"Valid JSON"_s};
    const QString name =
        format.name.empty() ? u"the schema"_s : u"the schema \""_s + words(format.name) + u"\""_s;
    return conformance(*reply.value, format.schemaJson, name);
}

} // namespace ts::ui::checks
