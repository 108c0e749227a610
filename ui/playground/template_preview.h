#pragma once
#include "prompts/prompt_template.h"

#include <QString>

namespace ts::ui {

// The template rendered with these values as HTML: filled values marked green, placeholders still
// missing a value amber, everything else as written (whitespace kept).
QString templatePreviewHtml(const prompts::ParsedTemplate& parsed, const prompts::VariableValues& values);

// "“{{” is never closed…" warnings of a template, one per line, with the character (not byte)
// position each is at.
QString templateWarningsText(const std::string& text, const prompts::ParsedTemplate& parsed);

} // namespace ts::ui
