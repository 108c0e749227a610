#pragma once
#include <QString>

namespace ts::ui {

// Where the local gateway listens, as the user types it: "127.0.0.1:4141", "[::1]:4141", ":4141"
// (loopback), "0.0.0.0:8080". Port 0 takes any free port.
struct ListenAddress
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 4141;
    QString error; // why the text is not an address; empty when it is

    bool ok() const { return error.isEmpty(); }
    bool loopback() const;
    QString text() const;              // 127.0.0.1:4141, [::1]:4141
    QString baseUrl(int boundPort) const; // http://127.0.0.1:4141 (0.0.0.0 shown as 127.0.0.1)
};

inline constexpr int kDefaultGatewayPort = 4141;
QString defaultListenText(); // 127.0.0.1:4141
ListenAddress parseListenAddress(const QString& text);

} // namespace ts::ui
