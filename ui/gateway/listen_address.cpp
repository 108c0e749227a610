#include "gateway/listen_address.h"

#include "serve/gateway_auth.h"

using namespace Qt::StringLiterals;

namespace ts::ui {

bool ListenAddress::loopback() const { return serve::isLoopbackHost(host.toStdString()); }

QString ListenAddress::text() const
{
    const QString shown = host.contains(u':') ? u'[' + host + u']' : host;
    return shown + u':' + QString::number(port);
}

QString ListenAddress::baseUrl(int boundPort) const
{
    // A wildcard address is reachable from this machine through loopback.
    QString reach = host == u"0.0.0.0"_s ? u"127.0.0.1"_s : host == u"::"_s ? u"::1"_s : host;
    if (reach.contains(u':'))
        reach = u'[' + reach + u']';
    return u"http://"_s + reach + u':' + QString::number(boundPort);
}

QString defaultListenText() { return u"127.0.0.1:"_s + QString::number(kDefaultGatewayPort); }

ListenAddress parseListenAddress(const QString& input)
{
    ListenAddress a;
    const QString text = input.trimmed();
    const auto colon = text.lastIndexOf(u':');
    if (colon < 0) {
        a.error = u"write the address as HOST:PORT, such as 127.0.0.1:4141"_s;
        return a;
    }
    QString host = text.left(colon);
    if (host.size() > 2 && host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(u':'))
        a.error = u"put an IPv6 address in brackets: [::1]:4141"_s;
    bool ok = false;
    const int port = text.mid(colon + 1).toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        a.error = u"the port must be a number from 0 to 65535"_s;
    if (host.contains(u' '))
        a.error = u"the host has a space in it"_s;
    if (a.ok()) {
        a.host = host.isEmpty() ? u"127.0.0.1"_s : host;
        a.port = port;
    }
    return a;
}

} // namespace ts::ui
