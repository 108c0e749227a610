#include "playground/template_preview.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString marked(const QString& text, const char* background, const QString& tip)
{
    return u"<span title=\""_s % tip.toHtmlEscaped() % u"\" style=\"background-color:"_s %
           QString::fromLatin1(background) % u";\">"_s % text.toHtmlEscaped() % u"</span>"_s;
}

} // namespace

QString templatePreviewHtml(const prompts::ParsedTemplate& parsed, const prompts::VariableValues& values)
{
    QString body;
    for (const prompts::TemplatePiece& piece : parsed.pieces) {
        const QString name = QString::fromStdString(piece.text);
        if (piece.kind == prompts::TemplatePiece::Kind::Text) {
            body += name.toHtmlEscaped();
            continue;
        }
        const auto value = values.find(piece.text);
        body += value == values.end()
                    ? marked(u"{{"_s % name % u"}}"_s, "rgba(230,160,0,0.35)", u"no value for "_s % name)
                    : marked(QString::fromStdString(value->second), "rgba(30,132,73,0.18)", name);
    }
    return u"<div style=\"white-space: pre-wrap;\">"_s % body % u"</div>"_s;
}

QString templateWarningsText(const std::string& text, const prompts::ParsedTemplate& parsed)
{
    QStringList lines;
    for (const prompts::TemplateWarning& w : parsed.warnings) {
        const qsizetype character = QString::fromUtf8(text.data(), static_cast<qsizetype>(w.offset)).size() + 1;
        lines << u"Character "_s % QString::number(character) % u": "_s % QString::fromStdString(w.message);
    }
    return lines.join(u'\n');
}

} // namespace ts::ui
