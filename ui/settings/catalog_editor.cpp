#include "settings/catalog_editor.h"

#include "settings/catalog_columns.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

const std::optional<TieredPrice>& priceField(const ModelInfo& m, const QString& key)
{
    const Prices& p = m.prices;
    if (key == u"prices.cachedInput"_s)
        return p.cachedInput;
    if (key == u"prices.cacheWrite5m"_s)
        return p.cacheWrite5m;
    if (key == u"prices.cacheWrite1h"_s)
        return p.cacheWrite1h;
    if (key == u"prices.output"_s)
        return p.output;
    return p.input;
}

// A new base price keeps the model's long-context tiers, so editing it does not drop them.
QJsonValue priceValue(const std::optional<TieredPrice>& current, double base)
{
    if (!current || current->tiers.empty())
        return base;
    QJsonArray tiers;
    for (const TieredPrice::Tier& t : current->tiers)
        tiers.append(
            QJsonObject{{u"above"_s, static_cast<qint64>(t.aboveInputTokens)}, {u"perMTok"_s, t.perMTok}});
    return QJsonObject{{u"base"_s, base}, {u"tiers"_s, tiers}};
}

} // namespace

CatalogEditor::CatalogEditor(QString overridePath, QObject* parent)
    : QObject(parent), file_(std::move(overridePath))
{
    connect(&watcher_, &QFileSystemWatcher::fileChanged, this, &CatalogEditor::reload);
    connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, &CatalogEditor::reload);
    reload();
}

void CatalogEditor::reload()
{
    fileError_.clear();
    fileReadable_ = file_.load(&fileError_);
    QFile raw(path());
    if (raw.open(QIODevice::ReadOnly)) {
        const QByteArray text = raw.readAll();
        catalog_ = std::make_shared<const Catalog>(Catalog::builtin().withOverrides(
            std::string_view(text.constData(), static_cast<size_t>(text.size())), path().toStdString()));
    } else {
        catalog_ = std::make_shared<const Catalog>(Catalog::builtin());
    }
    watch();
    Q_EMIT catalogChanged(catalog_);
}

void CatalogEditor::watch()
{
    const QString dir = QFileInfo(path()).absolutePath();
    if (QFileInfo::exists(dir) && !watcher_.directories().contains(dir))
        watcher_.addPath(dir);
    if (QFileInfo::exists(path()) && !watcher_.files().contains(path()))
        watcher_.addPath(path());
}

bool CatalogEditor::setCell(const ModelInfo& model, int column, const QString& text)
{
    const QString key = catalogcol::fieldKey(column);
    if (key.isEmpty())
        return false;
    QJsonValue value = QJsonValue::Undefined;
    if (!text.trimmed().isEmpty()) {
        const auto number = catalogcol::parse(column, text);
        if (!number) {
            Q_EMIT failed(u"“"_s + text + u"” is not a valid "_s + catalogcol::header(column).toLower() +
                          u" value"_s);
            return false;
        }
        if (column == catalogcol::Context || column == catalogcol::MaxOutput)
            value = static_cast<qint64>(*number);
        else if (key.startsWith(u"prices."_s))
            value = priceValue(priceField(model, key), *number);
        else
            value = *number;
    }
    if (!fileReadable_) {
        Q_EMIT failed(fileError_);
        return false;
    }
    file_.set(QString::fromStdString(model.id), QString::fromStdString(model.provider), key, value);
    return commit();
}

bool CatalogEditor::resetToShipped(const ModelInfo& model)
{
    if (!fileReadable_) {
        Q_EMIT failed(fileError_);
        return false;
    }
    if (!file_.remove(QString::fromStdString(model.id), QString::fromStdString(model.provider)))
        return false;
    return commit();
}

bool CatalogEditor::createFileIfMissing()
{
    if (QFileInfo::exists(path()))
        return true;
    return commit();
}

bool CatalogEditor::commit()
{
    QString error;
    if (!file_.save(&error)) {
        Q_EMIT failed(error);
        return false;
    }
    reload();
    return true;
}

} // namespace ts::ui
