#pragma once
#include <QWidget>

class QTabWidget;

namespace ts::ui {

class CatalogEditor;
class ModelsPage;
class ProviderConfig;
class ProvidersPage;
class RoutingPage;
class WorkspacePage;

// The Settings panel: one tab a page. Providers (when given a ProviderConfig) sets up the real
// providers and their keys; Models & prices edits the model catalog's override file; Workspace keeps the
// workspace file tidy.
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
    // Workspace (retention, compaction) goes last.
    void setWorkspacePage(WorkspacePage* page);
    WorkspacePage* workspacePage() const { return workspace_; }
    bool showTab(const QString& name); // providers, routing, models, workspace

  private:
    CatalogEditor* editor_;
    QTabWidget* tabs_;
    ModelsPage* models_;
    ProvidersPage* providers_ = nullptr;
    RoutingPage* routing_ = nullptr;
    WorkspacePage* workspace_ = nullptr;
};

} // namespace ts::ui
