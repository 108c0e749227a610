#pragma once
#include <QWidget>

class QTabWidget;

namespace ts::ui {

class CatalogEditor;
class ModelsPage;

// The Settings panel: one tab a page. Models & prices edits the model catalog's override file.
class SettingsPanel : public QWidget
{
    Q_OBJECT
  public:
    explicit SettingsPanel(const QString& overridesPath, QWidget* parent = nullptr);

    CatalogEditor* catalogEditor() const { return editor_; }
    ModelsPage* modelsPage() const { return models_; }

  private:
    CatalogEditor* editor_;
    QTabWidget* tabs_;
    ModelsPage* models_;
};

} // namespace ts::ui
