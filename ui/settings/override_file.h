#pragma once
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The user's catalog override file: {"models": [{"id": ..., "provider": ..., "prices": {...}, ...}]},
// each entry the shipped entry's schema with every field optional but the id. Edits keep every
// other entry and field as they were; saving is atomic (QSaveFile) and creates the folder.
namespace ts::ui {

class OverrideFile
{
  public:
    explicit OverrideFile(QString path) : path_(std::move(path)) {}

    const QString& path() const { return path_; }
    // A missing file reads as empty. A file that is not a JSON object with a "models" array is an
    // error: it stays untouched (editing it would lose what the user wrote).
    bool load(QString* error);
    bool save(QString* error) const;

    // key: "contextWindow", "maxOutputTokens" or "prices.<field>"; an undefined value removes it.
    void set(const QString& id, const QString& provider, const QString& key, const QJsonValue& value);
    QJsonValue value(const QString& id, const QString& provider, const QString& key) const;
    bool remove(const QString& id, const QString& provider); // the whole entry
    int entryCount() const { return static_cast<int>(models_.size()); }
    QByteArray toJson() const;

  private:
    qsizetype find(const QString& id, const QString& provider) const;

    QString path_;
    QJsonObject root_;
    QJsonArray models_;
};

} // namespace ts::ui
