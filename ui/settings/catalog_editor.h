#pragma once
#include "catalog/catalog.h"
#include "settings/override_file.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <memory>

namespace ts::ui {

// Edits the catalog through the user's override file: each change is written at once, and the
// catalog is rebuilt from the shipped snapshot and the file as written. Changes made to the file
// outside Tokenscope are picked up too.
class CatalogEditor : public QObject
{
    Q_OBJECT
  public:
    explicit CatalogEditor(QString overridePath, QObject* parent = nullptr);

    std::shared_ptr<const Catalog> catalog() const { return catalog_; }
    const QString& path() const { return file_.path(); }
    int overrideCount() const { return file_.entryCount(); }
    QString fileError() const { return fileError_; } // the file cannot be edited here: why

    // Text as typed in the table; empty puts the shipped value back. False (and failed()) if the
    // text is not a value for that column or the file cannot be written.
    bool setCell(const ModelInfo& model, int column, const QString& text);
    bool resetToShipped(const ModelInfo& model);
    bool createFileIfMissing();
    void reload();

  Q_SIGNALS:
    void catalogChanged(std::shared_ptr<const ts::Catalog> catalog);
    void failed(const QString& message);

  private:
    bool commit();
    void watch();

    OverrideFile file_;
    bool fileReadable_ = true;
    QString fileError_;
    std::shared_ptr<const Catalog> catalog_;
    QFileSystemWatcher watcher_;
};

} // namespace ts::ui
