#pragma once
#include <QWidget>

class QTabWidget;

namespace ts::ui {

class CatalogEditor;
class ModelsPage;
class ProviderConfig;
class ProvidersPage;

// The Settings panel: one tab a page. Providers (when given a ProviderConfig) sets up the real
// providers and their keys; Models & prices edits the model catalog's override file.
class SettingsPanel : public QWidget
{
    Q_OBJECT
  public:
    explicit SettingsPanel(const QString& overridesPath, QWidget* parent = nullptr);
    SettingsPanel(const QString& overridesPath, ProviderConfig* providers, QWidget* parent = nullptr);

    CatalogEditor* catalogEditor() const { return editor_; }
    ModelsPage* modelsPage() const { return models_; }
    ProvidersPage* providersPage() const { return providers_; } // null without a ProviderConfig

  private:
    CatalogEditor* editor_;
    QTabWidget* tabs_;
    ModelsPage* models_;
    ProvidersPage* providers_ = nullptr;
};

} // namespace ts::ui
