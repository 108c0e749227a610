#include "settings/providers_page.h"

#include "settings/connection_bar.h"
#include "settings/connection_test.h"
#include "settings/key_field.h"
#include "settings/models_box.h"
#include "settings/provider_config.h"
#include "settings/provider_editor.h"
#include "settings/provider_list_model.h"
#include "settings/providers_list.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QPushButton* button(const QString& text, QWidget* parent, QLayout* into)
{
    auto* b = new QPushButton(text, parent);
    into->addWidget(b);
    return b;
}

} // namespace

ProvidersPage::ProvidersPage(ProviderConfig* config, QWidget* parent)
    : QWidget(parent), config_(config), list_(new ProvidersList(config->profilesPath(), this)),
      editor_(new ProviderEditor(this)), bar_(new ConnectionBar(this)), test_(new ConnectionTest(this)),
      banner_(new QLabel(this)), saveStatus_(new QLabel(this)), save_(nullptr)
{
    banner_->setWordWrap(true);
    banner_->setStyleSheet(u"background: #fdebd0; color: black; padding: 6px; border-radius: 4px;"_s);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(list_);
    splitter->addWidget(buildEditorPane());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({620, 500});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(banner_);
    layout->addWidget(splitter, 1);
    wire();
    refreshList();
    if (!list_->selectFirst())
        add();
}

QWidget* ProvidersPage::buildEditorPane()
{
    auto* pane = new QWidget(this);
    auto* scroll = new QScrollArea(pane);
    scroll->setWidget(editor_);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* actions = new QHBoxLayout;
    actions->addWidget(saveStatus_, 1);
    connect(button(u"Revert"_s, pane, actions), &QPushButton::clicked, this, &ProvidersPage::revert);
    save_ = button(u"Save"_s, pane, actions);
    save_->setDefault(true);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addWidget(bar_);
    layout->addLayout(actions);
    return pane;
}

void ProvidersPage::wire()
{
    connect(save_, &QPushButton::clicked, this, &ProvidersPage::save);
    connect(list_, &ProvidersList::currentChanged, this, &ProvidersPage::showSelected);
    connect(list_, &ProvidersList::addRequested, this, &ProvidersPage::add);
    connect(list_, &ProvidersList::editRequested, editor_, [this] { editor_->kind()->setFocus(); });
    connect(list_, &ProvidersList::duplicateRequested, this, &ProvidersPage::duplicate);
    connect(list_, &ProvidersList::removeRequested, this, &ProvidersPage::removeSelected);
    connect(editor_, &ProviderEditor::edited, this, [this] {
        dirty_ = true;
        save_->setEnabled(editor_->problems().isEmpty());
    });
    connect(editor_->models(), &ModelsBox::listRequested, this, &ProvidersPage::listModels);
    connect(bar_, &ConnectionBar::testRequested, this, &ProvidersPage::testConnection);
    connect(bar_, &ConnectionBar::cancelRequested, this, &ProvidersPage::cancelTest);
    connect(test_, &ConnectionTest::finished, this, [this](const ConnectionOutcome& outcome) {
        bar_->showOutcome(outcome);
        if (fillModels_ && outcome.ok() && outcome.listed)
            editor_->models()->setModels(outcome.models);
    });
    connect(config_, &ProviderConfig::profilesChanged, this, &ProvidersPage::refreshList);
    connect(config_, &ProviderConfig::saved, this, [this](const QString& id, const QString& problem) {
        if (id != savingId_)
            return;
        savingId_.clear();
        setSaveStatus(problem.isEmpty() ? QString(u"Saved “"_s + id + u"”."_s) : QString(u"Saved, but "_s + problem),
                      !problem.isEmpty());
    });
}

void ProvidersPage::refreshList()
{
    const QString keep = editor_->isNew() ? QString() : selectedId();
    std::vector<ProviderRow> rows;
    for (const ProviderProfile& p : config_->profiles().profiles) {
        const QString id = qs(p.id);
        rows.push_back({id, qs(p.kind), qs(p.baseUrl), qs(defaultBaseUrl(p.kind)), config_->keySourceText(p),
                        config_->inFile(id) ? u"file"_s : u"environment"_s, p.enabled});
    }
    list_->setRows(std::move(rows), keep);
    const QStringList problems = config_->problems();
    banner_->setText(problems.join(u'\n'));
    banner_->setVisible(!problems.isEmpty());
    if (!dirty_ && !keep.isEmpty())
        showSelected(); // the key's source may have changed
}

QString ProvidersPage::selectedId() const { return list_->selectedId(); }
ProviderListModel* ProvidersPage::model() const { return list_->model(); }
void ProvidersPage::select(const QString& id) { list_->select(id); }

void ProvidersPage::showSelected()
{
    if (const ProviderProfile* p = config_->profiles().find(selectedId().toStdString()))
        showProfile(*p, false);
}

void ProvidersPage::showProfile(const ProviderProfile& profile, bool isNew)
{
    test_->cancel();
    editor_->load(profile, isNew);
    const bool stored = !isNew && config_->keySource(profile) == KeySource::Keychain;
    editor_->keyField()->reset(stored, keyFallback(profile));
    dirty_ = false;
    save_->setEnabled(editor_->problems().isEmpty());
}

QString ProvidersPage::keyFallback(const ProviderProfile& profile) const
{
    if (!kindNeedsKey(profile.kind))
        return u"This kind needs no key."_s;
    const QString env = qs(profile.keyEnv.empty() ? defaultKeyEnv(profile.kind) : profile.keyEnv);
    const QString state = environmentKeys()(profile) ? u"it is set"_s : u"it is not set"_s;
    const QString where = config_->hasKeychain() ? u"Without a stored key, "_s : u"No keychain: "_s;
    return where + u"the key comes from "_s + env + u" in the environment ("_s + state + u")."_s;
}

void ProvidersPage::add()
{
    list_->clearSelection();
    showProfile({"", "openai"}, true);
    editor_->id()->setFocus();
}

void ProvidersPage::duplicate()
{
    const ProviderProfile* p = config_->profiles().find(selectedId().toStdString());
    if (!p)
        return;
    ProviderProfile copy = *p;
    copy.id += "-copy";
    list_->clearSelection();
    showProfile(copy, true);
    dirty_ = true;
}

void ProvidersPage::removeSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    savingId_ = id;
    if (const QString error = config_->remove(id); !error.isEmpty()) {
        savingId_.clear();
        return setSaveStatus(error, true);
    }
    setSaveStatus(u"Removed “"_s + id + u"”."_s, false);
    if (!list_->selectFirst())
        add();
}

void ProvidersPage::save()
{
    const ProviderProfile profile = editor_->profile();
    if (const QStringList problems = editor_->problems(); !problems.isEmpty())
        return setSaveStatus(u"Not saved: "_s + problems.first(), true);
    if (editor_->isNew() && config_->profiles().find(profile.id) && config_->inFile(qs(profile.id)))
        return setSaveStatus(u"Not saved: a profile named “"_s + qs(profile.id) + u"” exists already"_s, true);
    savingId_ = qs(profile.id);
    if (const QString error = config_->save(profile, editor_->keyField()->change()); !error.isEmpty()) {
        savingId_.clear();
        return setSaveStatus(u"Not saved: "_s + error, true);
    }
    setSaveStatus(u"Saving…"_s, false);
    dirty_ = false;
    editor_->keyField()->reset(false, {}); // the typed key goes no further than the keychain
    select(savingId_);
    showSelected();
}

void ProvidersPage::revert()
{
    if (editor_->isNew())
        return add();
    showSelected();
}

void ProvidersPage::testConnection() { runTest(false); }
void ProvidersPage::listModels() { runTest(true); }
void ProvidersPage::cancelTest()
{
    ++testRequest_; // a key still being fetched starts nothing
    if (test_->busy())
        return test_->cancel();
    ConnectionOutcome cancelled;
    cancelled.cancelled = true;
    bar_->showOutcome(cancelled);
}

void ProvidersPage::runTest(bool fillModels)
{
    const ProviderProfile profile = editor_->profile();
    if (const QStringList problems = editor_->problems(); !problems.isEmpty())
        return bar_->showProblem(problems.first());
    fillModels_ = fillModels;
    bar_->showBusy(fillModels ? u"Listing models…"_s : u"Testing connection…"_s);
    QPointer<ProvidersPage> self(this);
    const std::uint64_t request = ++testRequest_;
    config_->fetchKey(profile, editor_->keyField()->typedKey(),
                      [self, request, profile](std::optional<std::string> key, const QString& problem) {
                          if (self && self->testRequest_ == request)
                              self->startTest(profile, std::move(key), problem);
                      });
}

void ProvidersPage::startTest(const ProviderProfile& profile, std::optional<std::string> key, const QString& problem)
{
    if (!key && kindNeedsKey(profile.kind) && profile.baseUrl.empty()) {
        const QString env = qs(profile.keyEnv.empty() ? defaultKeyEnv(profile.kind) : profile.keyEnv);
        return bar_->showProblem(problem.isEmpty() ? QString(u"No key: type one above, or set "_s + env + u" in the environment"_s)
                                                   : problem);
    }
    test_->start(profile, key.value_or(std::string()));
}

void ProvidersPage::setSaveStatus(const QString& text, bool error)
{
    saveStatus_->setStyleSheet(error ? u"color: #c0392b;"_s : QString());
    saveStatus_->setText(text);
}

QString ProvidersPage::bannerText() const { return banner_->isVisibleTo(this) ? banner_->text() : QString(); }
QString ProvidersPage::saveStatus() const { return saveStatus_->text(); }
bool ProvidersPage::loading() const { return config_->loading(); }

} // namespace ts::ui
