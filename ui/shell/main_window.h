#pragma once
#include "shell/app_context.h"

#include <QMainWindow>

#include <memory>
#include <vector>

class QLabel;
class QListWidget;
class QMessageBox;
class QStackedWidget;

namespace ts {
class RetentionKeeper;
}

namespace ts::ui {

class AboutDialog;
class CommandPalette;
struct Command;
class ImportFlow;
class WorkspaceMenu;
class PipelineSession;
class ComparePanel;
class GatewayController;
class PlaygroundPanel;
class SettingsPanel;
class TracesPanel;
class WaterfallPanel;
class LiveFilter;
namespace costpanel {
class CostPanel;
}
namespace replaypanel {
class ReplayPanel;
}
namespace drift {
class DriftPanel;
}
namespace latency {
class LatencyPanel;
}
namespace cachepanel {
class CachePanel;
}
namespace guardpanel {
class GuardPanel;
}

// One window, one workspace: a navigation rail on the left switches panels.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AppContext context, QWidget* parent = nullptr);
    ~MainWindow() override;

    static QStringList panelNames();
    bool showPanel(const QString& name);
    QString currentPanel() const;
    PlaygroundPanel* playground() const { return playground_; }
    ComparePanel* compare() const { return compare_; }
    TracesPanel* traces() const { return traces_; }
    cachepanel::CachePanel* cache() const { return cache_; }
    guardpanel::GuardPanel* guardrails() const { return guard_; }
    WaterfallPanel* waterfall() const { return waterfall_; }
    latency::LatencyPanel* latency() const { return latency_; }
    costpanel::CostPanel* cost() const { return cost_; }
    drift::DriftPanel* drift() const { return drift_; }
    replaypanel::ReplayPanel* replay() const { return replay_; }
    SettingsPanel* settings() const { return settings_; }
    GatewayController* gateway() const { return gateway_; }
    ImportFlow* importFlow() const { return import_; }
    WorkspaceMenu* workspaceMenu() const { return workspaces_; }
    // What the command palette (Ctrl+Shift+P) offers: every panel, then the menus' commands.
    std::vector<Command> commands() const;
    CommandPalette* commandPalette() const { return palette_; }
    void showCommandPalette();
    // The problems of the last import (file:line: reason), shown beside the status line; null when none.
    QMessageBox* importProblems() const { return importProblems_; }
    void setStatusMessage(const QString& text);

protected:
    // Trace logs dropped on the window are imported into its workspace.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    void keepRetention();
    void showAbout();
    void showImportProblems(const QString& summary, const QString& details);
    void addPanel(const QString& name, const QString& title, QWidget* panel, const QString& shortcut);
    void buildStatusBar();
    void connectWaterfall();
    void addLivePanels();

    AppContext context_;
    QListWidget* rail_;
    QStackedWidget* stack_;
    PipelineSession* session_;
    PlaygroundPanel* playground_;
    ComparePanel* compare_;
    TracesPanel* traces_;
    cachepanel::CachePanel* cache_ = nullptr;
    guardpanel::GuardPanel* guard_ = nullptr;
    WaterfallPanel* waterfall_ = nullptr;
    LiveFilter* liveFilter_ = nullptr; // shared by Latency, Cost and Drift
    latency::LatencyPanel* latency_ = nullptr;
    costpanel::CostPanel* cost_ = nullptr;
    drift::DriftPanel* drift_ = nullptr;
    replaypanel::ReplayPanel* replay_ = nullptr;
    SettingsPanel* settings_;
    GatewayController* gateway_;
    QLabel* statusMessage_;
    ImportFlow* import_;
    std::unique_ptr<RetentionKeeper> retention_; // the workspace's retention, applied hourly
    AboutDialog* about_ = nullptr;
    WorkspaceMenu* workspaces_ = nullptr;
    CommandPalette* palette_ = nullptr;
    QStringList panelShortcuts_;
    QMessageBox* importProblems_ = nullptr;
    QStringList names_;
};

} // namespace ts::ui
