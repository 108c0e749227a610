#pragma once
#include <QWidget>

class QTabWidget;

namespace ts::ui {

class CatalogEditor;
class ModelsPage;
class ProviderConfig;
class ProvidersPage;
class RoutingPage;

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
    // Routing (the gateway config) goes between Providers and Models & prices.
    void setRoutingPage(RoutingPage* page);
    RoutingPage* routingPage() const { return routing_; }
    bool showTab(const QString& name); // providers, routing, models

  private:
    CatalogEditor* editor_;
    QTabWidget* tabs_;
    ModelsPage* models_;
    ProvidersPage* providers_ = nullptr;
    RoutingPage* routing_ = nullptr;
};

} // namespace ts::ui
