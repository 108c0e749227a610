#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

// Prompt templates with {{variables}}. Offsets are bytes into the UTF-8 text.
//   {{name}} or {{ name }}  a variable; names are ASCII: [A-Za-z_][A-Za-z0-9_.-]*
//   \{{                     a literal "{{" (the backslash goes)
//   {{ with no }} after it, or with something else than a name inside, stays text and is warned about.
namespace ts::prompts {

struct TemplatePiece
{
    enum class Kind { Text, Variable };
    Kind kind = Kind::Text;
    std::string text;       // Text: the literal text, escapes resolved; Variable: the name
    std::size_t begin = 0;  // the piece's bytes in the template, braces included
    std::size_t end = 0;
    bool operator==(const TemplatePiece&) const = default;
};

struct TemplateWarning
{
    std::size_t offset = 0; // of the "{{" in question
    std::string message;
    bool operator==(const TemplateWarning&) const = default;
};

struct ParsedTemplate
{
    std::vector<TemplatePiece> pieces;     // spell the whole template, in order
    std::vector<std::string> variables;    // distinct names, in order of first appearance
    std::vector<TemplateWarning> warnings;
};

using VariableValues = std::map<std::string, std::string>;

// Where a variable landed in a rendered text.
struct RenderedVariable
{
    std::string name;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool filled = false; // false: the value was missing and "{{name}}" stands there
};

// Missing values do not stop a render: the placeholder stays visible as "{{name}}" and the name is
// listed in `missing`, so the caller decides whether to send.
struct RenderedTemplate
{
    std::string text;
    std::vector<std::string> missing; // in order of first appearance
    std::vector<RenderedVariable> variables;
    bool complete() const { return missing.empty(); }
};

bool isVariableName(std::string_view name);
ParsedTemplate parseTemplate(std::string_view text);
RenderedTemplate render(const ParsedTemplate& parsed, const VariableValues& values);
RenderedTemplate render(std::string_view text, const VariableValues& values);

} // namespace ts::prompts
