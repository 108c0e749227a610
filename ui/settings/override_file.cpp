#include "settings/override_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

// "prices.input" → {"prices", "input"}; "contextWindow" → {"", "contextWindow"}
std::pair<QString, QString> split(const QString& key)
{
    const auto dot = key.indexOf(u'.');
    return dot < 0 ? std::pair{QString(), key} : std::pair{key.left(dot), key.mid(dot + 1)};
}

} // namespace

bool OverrideFile::load(QString* error)
{
    root_ = {};
    models_ = {};
    QFile file(path_);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + path_ + u": "_s + file.errorString();
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject() ||
        (doc.object().contains(u"models"_s) && !doc.object().value(u"models"_s).isArray())) {
        *error = path_ + u" is not a valid override file ("_s +
                 (parse.error != QJsonParseError::NoError ? parse.errorString()
                                                          : u"expected {\"models\": [...]}"_s) +
                 u"); fix or remove it before editing here"_s;
        return false;
    }
    root_ = doc.object();
    models_ = root_.value(u"models"_s).toArray();
    return true;
}

bool OverrideFile::save(QString* error) const
{
    if (!QDir().mkpath(QFileInfo(path_).absolutePath())) {
        *error = u"cannot create the folder for "_s + path_;
        return false;
    }
    QSaveFile file(path_);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit()) {
        *error = u"cannot write "_s + path_ + u": "_s + file.errorString();
        return false;
    }
    return true;
}

QByteArray OverrideFile::toJson() const
{
    QJsonObject root = root_;
    root.insert(u"models"_s, models_);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

qsizetype OverrideFile::find(const QString& id, const QString& provider) const
{
    for (qsizetype i = 0; i < models_.size(); ++i) {
        const QJsonObject entry = models_.at(i).toObject();
        const QString p = entry.value(u"provider"_s).toString();
        if (entry.value(u"id"_s).toString() == id && (p.isEmpty() || p == provider))
            return i;
    }
    return -1;
}

QJsonValue OverrideFile::value(const QString& id, const QString& provider, const QString& key) const
{
    const qsizetype i = find(id, provider);
    if (i < 0)
        return QJsonValue::Undefined;
    const auto [group, field] = split(key);
    const QJsonObject entry = models_.at(i).toObject();
    return group.isEmpty() ? entry.value(field) : entry.value(group).toObject().value(field);
}

void OverrideFile::set(const QString& id, const QString& provider, const QString& key,
                       const QJsonValue& value)
{
    qsizetype i = find(id, provider);
    if (i < 0) {
        if (value.isUndefined())
            return;
        models_.append(QJsonObject{{u"id"_s, id}, {u"provider"_s, provider}});
        i = models_.size() - 1;
    }
    QJsonObject entry = models_.at(i).toObject();
    const auto [group, field] = split(key);
    QJsonObject target = group.isEmpty() ? entry : entry.value(group).toObject();
    if (value.isUndefined())
        target.remove(field);
    else
        target.insert(field, value);
    if (group.isEmpty())
        entry = target;
    else if (target.isEmpty())
        entry.remove(group);
    else
        entry.insert(group, target);
    // An entry left with nothing but who it is overrides nothing.
    const QStringList keys = entry.keys();
    if (std::all_of(keys.begin(), keys.end(),
                    [](const QString& k) { return k == u"id"_s || k == u"provider"_s; }))
        models_.removeAt(i);
    else
        models_.replace(i, entry);
}

bool OverrideFile::remove(const QString& id, const QString& provider)
{
    const qsizetype i = find(id, provider);
    if (i < 0)
        return false;
    models_.removeAt(i);
    return true;
}

} // namespace ts::ui
