#include "guard/guard_policy_section.h"

#include <nlohmann/json.hpp>
#include <optional>

using namespace Qt::StringLiterals;

namespace ts::ui::guardpanel {

namespace {

constexpr auto kKey = "guard";

// Where a top-level member sits in the text, as character offsets.
struct Member
{
    qsizetype keyStart = 0;
    qsizetype valueStart = 0;
    qsizetype valueEnd = 0;
};

struct ObjectLayout
{
    std::vector<Member> members;
    qsizetype close = 0; // the closing brace
};

// A scanner over text already known to be valid JSON: it only needs to find where things end.
class Scanner
{
  public:
    explicit Scanner(const QString& text) : t_(text) {}

    qsizetype skipSpace(qsizetype i) const
    {
        while (i < t_.size() && t_[i].isSpace())
            ++i;
        return i;
    }

    qsizetype skipString(qsizetype i) const // i at the opening quote; returns past the closing one
    {
        for (++i; i < t_.size(); ++i) {
            if (t_[i] == u'\\')
                ++i;
            else if (t_[i] == u'"')
                return i + 1;
        }
        return i;
    }

    qsizetype skipValue(qsizetype i) const
    {
        if (i < t_.size() && t_[i] == u'"')
            return skipString(i);
        int depth = 0;
        for (; i < t_.size(); ++i) {
            const QChar c = t_[i];
            if (c == u'"') {
                i = skipString(i) - 1;
            } else if (c == u'{' || c == u'[') {
                ++depth;
            } else if (c == u'}' || c == u']') {
                if (depth == 0)
                    return i; // a scalar ended at its container's end
                if (--depth == 0)
                    return i + 1;
            } else if (depth == 0 && (c == u',' || c.isSpace())) {
                return i;
            }
        }
        return i;
    }

    ObjectLayout layout() const
    {
        ObjectLayout out;
        qsizetype i = skipSpace(0) + 1; // past '{'
        while (true) {
            i = skipSpace(i);
            if (i >= t_.size() || t_[i] == u'}')
                break;
            Member m;
            m.keyStart = i;
            i = skipSpace(skipString(i)) + 1; // past ':'
            m.valueStart = skipSpace(i);
            m.valueEnd = skipValue(m.valueStart);
            out.members.push_back(m);
            i = skipSpace(m.valueEnd);
            if (i < t_.size() && t_[i] == u',')
                ++i;
        }
        out.close = i;
        return out;
    }

    QString keyOf(const Member& m) const
    {
        const qsizetype end = skipString(m.keyStart);
        return t_.mid(m.keyStart + 1, end - m.keyStart - 2);
    }

  private:
    const QString& t_;
};

bool isObject(const QString& text)
{
    const auto parsed = nlohmann::json::parse(text.toStdString(), nullptr, false);
    return !parsed.is_discarded() && parsed.is_object();
}

// The section as it will sit in the file: two spaces in, like the rest of a pretty config.
QString indentedSection(const QString& guardJson)
{
    const auto parsed = nlohmann::ordered_json::parse(guardJson.toStdString());
    QString text =
        QString::fromStdString(parsed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    return text.replace(u'\n', u"\n  "_s);
}

std::optional<Member> guardMember(const Scanner& scan, const ObjectLayout& layout)
{
    for (const Member& m : layout.members)
        if (scan.keyOf(m) == QLatin1String(kKey))
            return m;
    return std::nullopt;
}

QString removed(QString text, const ObjectLayout& layout, const Member& m, const Scanner& scan)
{
    const bool first = m.keyStart == layout.members.front().keyStart;
    if (!first) {
        qsizetype from = m.keyStart; // back over the comma before it
        while (from > 0 && text[from - 1] != u',')
            --from;
        return text.remove(from - 1, m.valueEnd - from + 1);
    }
    qsizetype to = scan.skipSpace(m.valueEnd);
    if (to < text.size() && text[to] == u',')
        to = scan.skipSpace(to + 1);
    return text.remove(m.keyStart, to - m.keyStart);
}

QString added(QString text, const ObjectLayout& layout, const QString& section)
{
    const QString member = u"\"guard\": "_s + section;
    if (layout.members.empty())
        return text.replace(text.indexOf(u'{'), layout.close - text.indexOf(u'{') + 1,
                            u"{\n  "_s + member + u"\n}"_s);
    return text.insert(layout.members.back().valueEnd, u",\n  "_s + member);
}

} // namespace

GuardSection guardSectionOf(const QString& configText)
{
    GuardSection out;
    if (configText.trimmed().isEmpty())
        return out;
    const auto parsed = nlohmann::ordered_json::parse(configText.toStdString(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        out.error = u"the config file is not a JSON object: fix it in Settings › Routing first"_s;
        return out;
    }
    const auto it = parsed.find(kKey);
    out.present = it != parsed.end();
    if (out.present)
        out.text = QString::fromStdString(it->dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    return out;
}

SplicedConfig withGuardSection(const QString& configText, const QString& guardJson)
{
    const bool remove = guardJson.trimmed().isEmpty();
    if (configText.trimmed().isEmpty())
        return {remove ? u"{\n}\n"_s : u"{\n  \"guard\": "_s + indentedSection(guardJson) + u"\n}\n"_s, {}};
    if (!isObject(configText))
        return {{}, u"the config file is not a JSON object: fix it in Settings › Routing first"_s};
    try {
        const Scanner scan(configText);
        const ObjectLayout layout = scan.layout();
        const auto member = guardMember(scan, layout);
        if (remove)
            return {member ? removed(configText, layout, *member, scan) : configText, {}};
        const QString section = indentedSection(guardJson);
        if (!member)
            return {added(configText, layout, section), {}};
        QString text = configText;
        return {text.replace(member->valueStart, member->valueEnd - member->valueStart, section), {}};
    } catch (const nlohmann::json::exception& e) {
        return {{}, u"the guard policy is not valid JSON: "_s + QString::fromUtf8(e.what())};
    }
}

} // namespace ts::ui::guardpanel
