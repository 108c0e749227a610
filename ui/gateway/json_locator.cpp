#include "gateway/json_locator.h"

#include <QRegularExpression>

#include <map>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

// One pass over the text noting where every path starts.
class PathScanner
{
public:
    explicit PathScanner(const QString& text) : s_(text) {}

    std::map<QString, int> scan()
    {
        value(QString());
        return found_;
    }

private:
    bool atEnd() const { return i_ >= s_.size(); }
    QChar peek() const { return atEnd() ? QChar() : s_[i_]; }

    void skipSpace()
    {
        while (!atEnd() && s_[i_].isSpace())
            ++i_;
    }

    QString string()
    {
        QString out;
        ++i_; // opening quote
        while (!atEnd() && s_[i_] != u'"') {
            if (s_[i_] == u'\\')
                ++i_;
            if (!atEnd())
                out += s_[i_++];
        }
        ++i_;
        return out;
    }

    void value(const QString& path)
    {
        skipSpace();
        found_.try_emplace(path, static_cast<int>(i_));
        if (peek() == u'{')
            object(path);
        else if (peek() == u'[')
            array(path);
        else if (peek() == u'"')
            string();
        else
            while (!atEnd() && !s_[i_].isSpace() && s_[i_] != u',' && s_[i_] != u'}' && s_[i_] != u']')
                ++i_;
    }

    void object(const QString& path)
    {
        ++i_;
        while (true) {
            skipSpace();
            if (atEnd() || peek() != u'"') {
                if (peek() == u'}')
                    ++i_;
                return;
            }
            const int keyAt = static_cast<int>(i_);
            const QString key = string();
            const QString member = path.isEmpty() ? key : path + u'.' + key;
            found_.try_emplace(member, keyAt);
            skipSpace();
            if (peek() != u':')
                return;
            ++i_;
            value(member);
            skipSpace();
            if (peek() != u',') {
                if (peek() == u'}')
                    ++i_;
                return;
            }
            ++i_;
        }
    }

    void array(const QString& path)
    {
        ++i_;
        for (int index = 0;; ++index) {
            skipSpace();
            if (atEnd() || peek() == u']') {
                ++i_;
                return;
            }
            const auto before = i_;
            value(path + u'[' + QString::number(index) + u']');
            skipSpace();
            if (peek() == u',')
                ++i_;
            else if (i_ == before || peek() != u']')
                return; // broken: stop rather than loop
        }
    }

    const QString& s_;
    qsizetype i_ = 0;
    std::map<QString, int> found_;
};

// "routes[1].name" -> "routes[1]" -> "routes"
QString parentPath(const QString& path)
{
    const auto cut = std::max(path.lastIndexOf(u'.'), path.lastIndexOf(u'['));
    return cut > 0 ? path.left(cut) : QString();
}

std::optional<int> lineColumnOffset(const QString& text, int line, int column)
{
    qsizetype at = 0;
    for (int l = 1; l < line; ++l) {
        at = text.indexOf(u'\n', at);
        if (at < 0)
            return static_cast<int>(text.size());
        ++at;
    }
    const qsizetype lineEnd = text.indexOf(u'\n', at) < 0 ? text.size() : text.indexOf(u'\n', at);
    return static_cast<int>(std::min(at + std::max(column - 1, 0), lineEnd));
}

} // namespace

std::optional<int> locateJsonPath(const QString& text, const QString& path)
{
    const std::map<QString, int> found = PathScanner(text).scan();
    for (QString p = path; !p.isEmpty(); p = parentPath(p))
        if (auto it = found.find(p); it != found.end())
            return it->second;
    return std::nullopt;
}

std::optional<int> locateConfigError(const QString& text, const QString& error)
{
    static const QRegularExpression lineColumn(u"line (\\d+), column (\\d+)"_s);
    if (error.startsWith(u"not valid JSON"_s)) {
        const auto m = lineColumn.match(error);
        if (!m.hasMatch())
            return std::nullopt;
        return lineColumnOffset(text, m.captured(1).toInt(), m.captured(2).toInt());
    }
    QString path = error.section(u": "_s, 0, 0);
    if (path.startsWith(u"config."_s))
        path = path.mid(7);
    return locateJsonPath(text, path);
}

} // namespace ts::ui
