#include "shell/main_window.h"

#include "bridge/pipeline_session.h"
#include "cache/cache_panel.h"
#include "catalog/catalog.h"
#include "compare/compare_panel.h"
#include "gateway/gateway_controller.h"
#include "gateway/gateway_switch.h"
#include "guard/guard_panel.h"
#include "playground/playground_panel.h"
#include "shell/import_flow.h"
#include "settings/provider_config.h"
#include "settings/routing_page.h"
#include "settings/settings_panel.h"
#include "settings/workspace_page.h"
#include "shell/about_dialog.h"
#include "shell/command_palette.h"
#include "shell/workspace_menu.h"
#include "trace/retention_keeper.h"
#include "traces/traces_panel.h"
#include "traces/trace_table_model.h"
#include "waterfall/waterfall_panel.h"
#include "cost/cost_panel.h"
#include "drift/drift_panel.h"
#include "replay/replay_panel.h"
#include "latency/latency_panel.h"
#include "live/live_filter.h"

#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

// The in-process gateway serves through the window's pipeline, so its traces land in the workspace.
GatewaySetup gatewaySetup(const AppContext& context)
{
    GatewaySetup setup;
    setup.pipeline = context.pipeline;
    setup.store = context.store;
    setup.profiles = [providers = context.providers] {
        return providers ? providers->profiles().profiles : std::vector<ProviderProfile>{};
    };
    setup.keys = environmentKeys();
    return setup;
}

} // namespace

MainWindow::MainWindow(AppContext context, QWidget* parent)
    : QMainWindow(parent), context_(std::move(context)), rail_(new QListWidget(this)), stack_(new QStackedWidget(this)),
      session_(new PipelineSession(context_.pipeline, this)), playground_(new PlaygroundPanel(session_, this)),
      compare_(new ComparePanel(context_.pipeline, this)),
      traces_(new TracesPanel(context_.store, this)),
      settings_(new SettingsPanel(QString::fromStdString(overridesPath()), context_.providers.get(), this)),
      gateway_(new GatewayController(gatewaySetup(context_), this)),
      statusMessage_(new QLabel(this)), import_(new ImportFlow(context_.store, this))
{
    setWindowTitle(u"Tokenscope — "_s + context_.workspacePath + (context_.demo ? u" (demo)"_s : QString()));
    rail_->setFixedWidth(150);
    rail_->setAccessibleName(u"Panels"_s);
    rail_->setFrameShape(QFrame::NoFrame);
    rail_->setStyleSheet(u"QListWidget { background: palette(window); font-size: 13px; outline: 0; }"
                         u"QListWidget::item { padding: 9px 14px; margin: 2px 6px; border-radius: 6px; color: palette(window-text); }"
                         u"QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"
                         u"QListWidget::item:hover:!selected { background: palette(midlight); }"_s);
    playground_->setPromptWorkspace(context_.workspacePath);
    settings_->setRoutingPage(new RoutingPage(gateway_, QString::fromStdString(gatewayConfigPath()), settings_));
    auto* workspace = new WorkspacePage(context_.store, settings_);
    settings_->setWorkspacePage(workspace);
    connect(workspace, &WorkspacePage::status, this, &MainWindow::setStatusMessage);
    addPanel(u"playground"_s, u"Playground"_s, playground_, u"Ctrl+1"_s);
    addPanel(u"traces"_s, u"Traces"_s, traces_, u"Ctrl+2"_s);
    addPanel(u"compare"_s, u"Compare"_s, compare_, u"Ctrl+3"_s);
    cache_ = new cachepanel::CachePanel(context_.store, this);
    addPanel(u"cache"_s, u"Cache"_s, cache_, u"Ctrl+4"_s);
    guard_ = new guardpanel::GuardPanel(context_.store, QString::fromStdString(gatewayConfigPath()), gateway_, this);
    addPanel(u"guardrails"_s, u"Guardrails"_s, guard_, u"Ctrl+5"_s);
    waterfall_ = new WaterfallPanel(context_.store, this);
    addPanel(u"waterfall"_s, u"Waterfall"_s, waterfall_, u"Ctrl+6"_s);
    connectWaterfall();
    addLivePanels();
    addPanel(u"settings"_s, u"Settings"_s, settings_, u"Ctrl+,"_s);
    connect(rail_, &QListWidget::currentRowChanged, stack_, &QStackedWidget::setCurrentIndex);
    if (context_.providers) {
        connect(context_.providers.get(), &ProviderConfig::providersChanged, session_, &PlaygroundSession::modelsChanged);
        connect(context_.providers.get(), &ProviderConfig::providersChanged, compare_, &ComparePanel::refreshModels);
    }
    connect(guard_, &guardpanel::GuardPanel::openTrace, this, [this](const QString& traceId) {
        traces_->selectTrace(traceId);
        showPanel(u"traces"_s);
    });
    connect(guard_, &guardpanel::GuardPanel::policySaved, this, [this] { // Routing shows the file as saved
        if (auto* routing = settings_->routingPage(); routing && !routing->dirty())
            routing->reload();
    });
    connect(traces_, &TracesPanel::status, this, &MainWindow::setStatusMessage);
    connect(traces_, &TracesPanel::openInPlayground, this, [this](const Trace& trace) {
        playground_->openTrace(trace);
        showPanel(u"playground"_s);
    });
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(rail_);
    layout->addWidget(stack_, 1);
    setCentralWidget(central);
    buildStatusBar();
    buildMenus();
    keepRetention();
    setAcceptDrops(true);
    rail_->setCurrentRow(0);
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

namespace {

// The menu bar's commands, submenus included ("Open Recent: ~/work.tokenscope"), without the '&'s.
void addMenuCommands(const QList<QAction*>& actions, const QString& prefix, std::vector<Command>& out)
{
    for (QAction* a : actions) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        QString text = a->text();
        text.remove(u'&');
        if (QMenu* sub = a->menu()) {
            addMenuCommands(sub->actions(), text + u": "_s, out);
        } else if (a->isEnabled() && !text.isEmpty()) {
            out.push_back({prefix + text, a->shortcut().toString(QKeySequence::NativeText), [a] { a->trigger(); }});
        }
    }
}

} // namespace

std::vector<Command> MainWindow::commands() const
{
    std::vector<Command> out;
    for (int row = 0; row < rail_->count(); ++row)
        out.push_back({tr("Go to %1").arg(rail_->item(row)->text()),
                       QKeySequence(panelShortcuts_.value(row)).toString(QKeySequence::NativeText),
                       [this, row] { rail_->setCurrentRow(row); }});
    for (QAction* menu : menuBar()->actions())
        if (QMenu* m = menu->menu())
            addMenuCommands(m->actions(), QString(), out);
    return out;
}

void MainWindow::showCommandPalette()
{
    if (!palette_)
        palette_ = new CommandPalette(this);
    palette_->popup(commands());
}

void MainWindow::showAbout()
{
    if (!about_) {
        about_ = new AboutDialog(context_.workspacePath, this);
        about_->setWindowModality(Qt::WindowModal);
    }
    about_->open();
}

// Retention is applied here as `serve` applies it: at once, then hourly, on the keeper's thread.
void MainWindow::keepRetention()
{
    retention_ = std::make_unique<RetentionKeeper>(*context_.store, std::chrono::hours(1), [this](const std::string& line) {
        QMetaObject::invokeMethod(this, [this, text = QString::fromStdString(line)] { setStatusMessage(text); },
                                  Qt::QueuedConnection);
    });
}

QStringList MainWindow::panelNames()
{
    return {u"playground"_s, u"traces"_s, u"compare"_s, u"cache"_s, u"guardrails"_s, u"waterfall"_s,
            u"latency"_s,    u"cost"_s,   u"drift"_s,   u"replay"_s, u"settings"_s};
}

void MainWindow::addPanel(const QString& name, const QString& title, QWidget* panel, const QString& shortcut)
{
    names_ << name;
    panelShortcuts_ << shortcut;
    auto* item = new QListWidgetItem(title, rail_);
    item->setToolTip(title + u" ("_s + shortcut + u")"_s);
    stack_->addWidget(panel);
    const int row = rail_->count() - 1;
    connect(new QShortcut(QKeySequence(shortcut), this), &QShortcut::activated, this, [this, row] { rail_->setCurrentRow(row); });
}

bool MainWindow::showPanel(const QString& name)
{
    const auto row = names_.indexOf(name);
    if (row < 0)
        return false;
    rail_->setCurrentRow(static_cast<int>(row));
    return true;
}

QString MainWindow::currentPanel() const { return names_.value(rail_->currentRow()); }

// Latency, Cost and Drift read the store's hourly rollups under one shared filter.
void MainWindow::addLivePanels()
{
    liveFilter_ = new LiveFilter(this);
    latency_ = new latency::LatencyPanel(context_.store, liveFilter_, this);
    addPanel(u"latency"_s, u"Latency"_s, latency_, u"Ctrl+7"_s);
    cost_ = new costpanel::CostPanel(context_.store, liveFilter_, QString::fromStdString(gatewayConfigPath()), this);
    addPanel(u"cost"_s, u"Cost"_s, cost_, u"Ctrl+8"_s);
    drift_ = new drift::DriftPanel(context_.store, liveFilter_, this);
    addPanel(u"drift"_s, u"Drift"_s, drift_, u"Ctrl+9"_s);
    replay_ = new replaypanel::ReplayPanel(context_.store, liveFilter_, this);
    addPanel(u"replay"_s, u"Replay"_s, replay_, u"Ctrl+0"_s);
    connect(cost_, &costpanel::CostPanel::openTrace, this, [this](const QString& traceId) {
        traces_->selectTrace(traceId);
        showPanel(u"traces"_s);
    });
}

// The trace list's context menu opens the current trace in the Waterfall panel.
void MainWindow::connectWaterfall()
{
    auto* open = new QAction(u"Open in Waterfall"_s, traces_->table());
    const QList<QAction*> actions = traces_->table()->actions();
    traces_->table()->insertAction(actions.isEmpty() ? nullptr : actions.first(), open);
    traces_->table()->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(open, &QAction::triggered, this, [this] {
        const QVariant id = traces_->table()->currentIndex().siblingAtColumn(0).data(TraceTableModel::TraceIdRole);
        if (!id.isValid())
            return;
        waterfall_->showTrace(id.toString());
        showPanel(u"waterfall"_s);
    });
}

void MainWindow::buildStatusBar()
{
    auto* workspace = new QLabel(context_.workspacePath, this);
    workspace->setToolTip(u"The open workspace"_s);
    statusBar()->addWidget(workspace);
    if (context_.demo) {
        auto* badge = new QLabel(u" DEMO — generated, simulated traffic "_s, this);
        badge->setStyleSheet(u"background: #f5b041; color: black; border-radius: 3px; padding: 0 4px;"_s);
        statusBar()->addWidget(badge);
    }
    statusBar()->addWidget(statusMessage_, 1);
    auto* gatewaySwitch = new GatewaySwitch(gateway_, this);
    connect(gatewaySwitch, &GatewaySwitch::routingSettingsRequested, this, [this] {
        showPanel(u"settings"_s);
        settings_->showTab(u"routing"_s);
    });
    statusBar()->addPermanentWidget(gatewaySwitch);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    workspaces_ = new WorkspaceMenu(file, context_.workspacePath, this);
    connect(workspaces_, &WorkspaceMenu::status, this, &MainWindow::setStatusMessage);
    file->addSeparator();
    QAction* importLogs = file->addAction(tr("&Import trace logs…"), import_, &ImportFlow::chooseFiles);
    importLogs->setShortcut(QKeySequence(u"Ctrl+I"_s));
    importLogs->setStatusTip(tr("OTLP JSON, Langfuse, LangSmith, OpenAI Batch, LiteLLM or Tokenscope exports; "
                                "or drop the files on the window"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* palette = help->addAction(tr("&Command Palette…"), this, &MainWindow::showCommandPalette);
    palette->setShortcut(QKeySequence(u"Ctrl+Shift+P"_s));
    palette->setStatusTip(tr("Every command and panel, found by typing"));
    help->addSeparator();
    help->addAction(tr("&About Tokenscope"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    connect(import_, &ImportFlow::status, this, &MainWindow::setStatusMessage);
    connect(import_, &ImportFlow::imported, this, &MainWindow::showImportProblems);
}

// Problems never hide behind a modal: the box is window-modal and opened, not exec'd.
void MainWindow::showImportProblems(const QString& summary, const QString& details)
{
    if (details.isEmpty())
        return;
    if (!importProblems_) {
        importProblems_ = new QMessageBox(QMessageBox::Warning, tr("Import trace logs"), QString(), QMessageBox::Ok, this);
        importProblems_->setWindowModality(Qt::WindowModal);
    }
    importProblems_->setText(summary);
    importProblems_->setInformativeText(tr("Every record that could be read was imported. Details:"));
    importProblems_->setDetailedText(details);
    importProblems_->open();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!ImportFlow::localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList files = ImportFlow::localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    import_->importFiles(files);
}

void MainWindow::setStatusMessage(const QString& text) { statusMessage_->setText(text); }

} // namespace ts::ui
