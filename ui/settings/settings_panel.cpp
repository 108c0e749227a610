#include "settings/settings_panel.h"

#include "settings/catalog_editor.h"
#include "settings/models_page.h"
#include "settings/providers_page.h"
#include "settings/routing_page.h"
#include "settings/workspace_page.h"

#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

SettingsPanel::SettingsPanel(const QString& overridesPath, QWidget* parent)
    : SettingsPanel(overridesPath, nullptr, parent)
{
}

SettingsPanel::SettingsPanel(const QString& overridesPath, ProviderConfig* providers, QWidget* parent)
    : QWidget(parent), editor_(new CatalogEditor(overridesPath, this)), tabs_(new QTabWidget(this)),
      models_(new ModelsPage(editor_, tabs_))
{
    tabs_->setDocumentMode(true);
    if (providers) {
        providers_ = new ProvidersPage(providers, tabs_);
        tabs_->addTab(providers_, u"Providers"_s);
    }
    tabs_->addTab(models_, u"Models && prices"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(tabs_);
}

void SettingsPanel::setRoutingPage(RoutingPage* page)
{
    routing_ = page;
    tabs_->insertTab(tabs_->indexOf(models_), page, u"Routing"_s);
}

void SettingsPanel::setWorkspacePage(WorkspacePage* page)
{
    workspace_ = page;
    tabs_->addTab(page, u"Workspace"_s);
}

bool SettingsPanel::showTab(const QString& name)
{
    QWidget* page = name == u"providers"_s ? static_cast<QWidget*>(providers_)
                    : name == u"routing"_s ? static_cast<QWidget*>(routing_)
                    : name == u"models"_s  ? static_cast<QWidget*>(models_)
                    : name == u"workspace"_s ? static_cast<QWidget*>(workspace_)
                                           : nullptr;
    if (page)
        tabs_->setCurrentWidget(page);
    return page != nullptr;
}

} // namespace ts::ui
