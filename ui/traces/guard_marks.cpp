#include "traces/guard_marks.h"

#include "model/attributes.h"

#include <QStringList>
#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;
using ts::guard::Action;
using ts::guard::Category;
using ts::guard::RecordedFinding;

namespace ts::ui::guardmarks {

namespace {

bool isGuardSpan(const Span& span)
{
    const std::string_view stage = span.attrView(attr::kStage);
    return stage == "guard.input" || stage == "guard.output";
}

bool continuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// A byte range moved onto character boundaries and into the text: a start inside a character
// moves back to its first byte, an end inside one moves on past its last.
std::pair<std::size_t, std::size_t> wholeCharacters(const std::string& text, std::size_t start,
                                                    std::size_t end)
{
    start = std::min(start, text.size());
    end = std::min(end, text.size());
    while (start > 0 && start < text.size() && continuationByte(text[start]))
        --start;
    while (end < text.size() && continuationByte(text[end]))
        ++end;
    return {start, end};
}

struct Range
{
    std::size_t start;
    std::size_t end;
    const RecordedFinding* finding;
};

std::vector<Range> rangesIn(const std::string& text, const std::vector<RecordedFinding>& findings)
{
    std::vector<Range> out;
    for (const RecordedFinding& f : findings) {
        const auto [start, end] = wholeCharacters(text, f.start, f.end);
        if (start < end)
            out.push_back({start, end, &f});
    }
    return out;
}

QString piece(const std::string& text, std::size_t from, std::size_t to)
{
    return QString::fromUtf8(text.data() + from, static_cast<qsizetype>(to - from)).toHtmlEscaped();
}

QString markedPiece(const QString& escaped, const std::vector<const RecordedFinding*>& covering)
{
    QStringList tips;
    for (const RecordedFinding* f : covering)
        if (!tips.contains(tooltipOf(*f)))
            tips << tooltipOf(*f);
    return u"<span style=\"background-color:"_s % categoryColor(covering.front()->category).name() %
           u"; color:#000000\" title=\""_s % tips.join(u"; "_s).toHtmlEscaped() % u"\">"_s % escaped %
           u"</span>"_s;
}

QString whereText(const RecordedFinding& f)
{
    const QString where =
        f.message == ts::guard::kOutputMessage ? u"answer"_s : u"message "_s % QString::number(f.message + 1);
    return where % u", bytes "_s % QString::number(f.start) % u"–"_s % QString::number(f.end);
}

} // namespace

std::vector<RecordedFinding> findingsOf(const Trace& trace)
{
    std::vector<RecordedFinding> out;
    for (const Span& span : trace.spans) {
        if (!isGuardSpan(span))
            continue;
        if (auto read = ts::guard::readDetail(span.attrView(ts::guard::kAttrDetail)))
            out.insert(out.end(), read->begin(), read->end());
    }
    return out;
}

std::vector<RecordedFinding> findingsFor(const std::vector<RecordedFinding>& all, int message)
{
    std::vector<RecordedFinding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [message](const RecordedFinding& f) { return f.message == message; });
    return out;
}

QColor categoryColor(Category category)
{
    switch (category) {
    case Category::PersonalData:
        return QColor(0xff, 0xe0, 0x8a);
    case Category::Secret:
        return QColor(0xff, 0xb3, 0xb3);
    case Category::Injection:
        return QColor(0xdc, 0xc8, 0xff);
    case Category::Output:
        return QColor(0xb9, 0xe3, 0xff);
    }
    return QColor(0xe0, 0xe0, 0xe0);
}

QString actionPastTense(Action action)
{
    switch (action) {
    case Action::Block:
        return u"blocked"_s;
    case Action::Redact:
        return u"redacted"_s;
    case Action::Mask:
        return u"masked"_s;
    case Action::Hash:
        return u"hashed"_s;
    case Action::Warn:
        return u"warned"_s;
    case Action::Log:
        return u"logged"_s;
    }
    return {};
}

QString tooltipOf(const RecordedFinding& finding)
{
    return QString::fromStdString(finding.type) % u" — "_s % actionPastTense(finding.action);
}

QString markedHtml(const std::string& text, const std::vector<RecordedFinding>& findings)
{
    const std::vector<Range> ranges = rangesIn(text, findings);
    if (ranges.empty())
        return QString::fromStdString(text).toHtmlEscaped();
    std::vector<std::size_t> cuts{0, text.size()};
    for (const Range& r : ranges)
        cuts.insert(cuts.end(), {r.start, r.end});
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    QString html;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        std::vector<const RecordedFinding*> covering;
        for (const Range& r : ranges)
            if (r.start <= cuts[i] && cuts[i + 1] <= r.end)
                covering.push_back(r.finding);
        const QString escaped = piece(text, cuts[i], cuts[i + 1]);
        html += covering.empty() ? escaped : markedPiece(escaped, covering);
    }
    return html;
}

QList<QPair<QString, QString>> findingRows(const Span& span)
{
    QList<QPair<QString, QString>> rows;
    if (!isGuardSpan(span) || !span.attr(ts::guard::kAttrDetail))
        return rows;
    const auto findings = ts::guard::readDetail(span.attrView(ts::guard::kAttrDetail));
    if (!findings)
        return {{u"findings"_s, u"(the recorded detail could not be read)"_s}};
    for (const RecordedFinding& f : *findings)
        rows.append({u"finding: "_s % QString::fromStdString(f.type),
                     actionPastTense(f.action) % u" · score "_s % QString::number(f.score, 'f', 2) %
                         u" · "_s % whereText(f)});
    return rows;
}

} // namespace ts::ui::guardmarks
