#include "settings/keychain_errors.h"

using namespace Qt::StringLiterals;

namespace ts::ui {

bool meansNoService(const QString& detail)
{
    // libsecret's words when the session bus is unreachable or nothing owns org.freedesktop.secrets.
    for (const QString& hint : {u"org.freedesktop.secrets"_s, u"Could not connect"_s, u"autolaunch"_s,
                                u"DBUS_SESSION_BUS_ADDRESS"_s, u"ServiceUnknown"_s, u"No such interface"_s})
        if (detail.contains(hint, Qt::CaseInsensitive))
            return true;
    return false;
}

KeyReply replyFor(const QString& profileId, QKeychain::Error error, const QString& detail)
{
    KeyReply r{profileId, {}, {}, false};
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return r;
    case QKeychain::NoBackendAvailable:
        r.noService = true;
        break;
    case QKeychain::AccessDeniedByUser:
        r.error = u"access to the keychain was denied"_s;
        return r;
    case QKeychain::AccessDenied:
        r.error = u"the keychain is locked or refused access"_s;
        return r;
    default:
        r.noService = meansNoService(detail);
        break;
    }
    r.error = r.noService ? u"no keychain service is running"_s : QString(u"the keychain failed: "_s + detail);
    return r;
}

KeyReply timeoutReply(const QString& profileId, std::chrono::milliseconds waited)
{
    const QString seconds = QString::number(static_cast<double>(waited.count()) / 1000.0);
    return {profileId, {}, u"the keychain did not answer within "_s + seconds + u" s (is it locked?)"_s, false};
}

} // namespace ts::ui
