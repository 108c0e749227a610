#include "traces/exchange_text.h"

#include <QUrl>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace ts::ui::exchange_text {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString headerLines(const std::vector<Header>& headers)
{
    QString text;
    for (const auto& [name, value] : headers)
        text += qs(name) % u": " % qs(value) % u'\n';
    return text;
}

} // namespace

QString prettyJson(const std::string& body)
{
    const auto json = nlohmann::ordered_json::parse(body, nullptr, false);
    if (json.is_discarded())
        return qs(body);
    return qs(json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

QString request(const Exchange& e)
{
    return qs(e.method) % u' ' % qs(e.url) % u'\n' % headerLines(e.requestHeaders) % u'\n' % prettyJson(e.requestBody);
}

QString response(const Exchange& e)
{
    const QString status = e.httpStatus ? u"HTTP "_s % QString::number(e.httpStatus) : u"No response"_s;
    QString text = status % u'\n' % headerLines(e.responseHeaders);
    if (!e.responseBody.empty())
        text += u'\n' % prettyJson(e.responseBody);
    else if (!e.chunks.empty())
        text += u"\n(streamed: "_s % QString::number(e.chunks.size()) % u" chunks: see Streamed chunks)"_s;
    return text;
}

QString title(const Exchange& e, int index)
{
    const QUrl url(qs(e.url));
    const QString where = url.isValid() && !url.host().isEmpty() ? url.host() % url.path() : qs(e.url);
    QString text = u"Call "_s % QString::number(index + 1) % u" · "_s % qs(e.method) % u' ' % where;
    if (e.httpStatus)
        text += u" · "_s % QString::number(e.httpStatus);
    return text;
}

} // namespace ts::ui::exchange_text
