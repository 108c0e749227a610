#include "gateway/config_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace ts::ui {

ConfigFileText readConfigFile(const QString& path)
{
    ConfigFileText out;
    QFile file(path);
    out.exists = file.exists();
    if (!out.exists)
        return out;
    if (!file.open(QIODevice::ReadOnly))
        out.error = path + u" cannot be read: "_s + file.errorString();
    else
        out.text = QString::fromUtf8(file.readAll());
    return out;
}

QString writeConfigFile(const QString& path, const QString& text)
{
    if (path.isEmpty())
        return u"there is no place for the config: set TOKENSCOPE_GATEWAY_CONFIG or HOME"_s;
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return u"cannot create the folder "_s + folder;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return u"cannot write "_s + path + u": "_s + file.errorString();
    QByteArray bytes = text.toUtf8();
    if (!bytes.endsWith('\n'))
        bytes += '\n';
    if (file.write(bytes) != bytes.size() || !file.commit())
        return u"cannot write "_s + path + u": "_s + file.errorString();
    return {};
}

QString exampleConfigText()
{
    return uR"({
  "routes": [
    {
      "name": "chat",
      "strategy": "priority",
      "deployments": [
        {"provider": "simulated", "model": "gpt-4o"},
        {"provider": "simulated", "model": "claude-sonnet-4"}
      ]
    },
    {
      "name": "cheap",
      "strategy": "weighted",
      "deployments": [
        {"provider": "simulated", "model": "gpt-4o-mini", "weight": 3},
        {"provider": "simulated", "model": "claude-3-5-haiku", "weight": 1}
      ]
    }
  ],
  "tiers": [
    {"route": "chat", "to": "cheap", "max_input_tokens": 2000}
  ],
  "budgets": []
}
)"_s;
}

} // namespace ts::ui
