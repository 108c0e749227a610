#include "playground/prompt_library_view.h"

#include "common/search_wiring.h"
#include "playground/prompt_items.h"
#include "playground/prompt_library_jobs.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

using namespace prompt_items;

QTreeView* listView(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTreeView(parent);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

QPushButton* button(const QString& text, const QString& tip, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setToolTip(tip);
    b->setAutoDefault(false);
    return b;
}

QHBoxLayout* row(std::initializer_list<QWidget*> widgets)
{
    auto* layout = new QHBoxLayout;
    for (QWidget* w : widgets)
        layout->addWidget(w);
    layout->addStretch(1);
    return layout;
}

} // namespace

PromptLibraryView::PromptLibraryView(QWidget* parent)
    : QWidget(parent), jobs_(new PromptLibraryJobs(this)), filter_(new QLineEdit(this)),
      promptItems_(new QStandardItemModel(0, PromptColumnCount, this)), promptProxy_(new QSortFilterProxyModel(this)),
      promptView_(nullptr), versions_(new QStandardItemModel(0, VersionColumnCount, this)), versionView_(nullptr),
      versionsTitle_(new QLabel(u"Versions"_s, this)), status_(new QLabel(this)),
      saveAs_(button(u"Save as\u2026"_s, u"Save the playground's prompt under a new name"_s, this)),
      rename_(button(u"Rename\u2026"_s, u"Rename the selected prompt"_s, this)),
      delete_(button(u"Delete\u2026"_s, u"Delete the selected prompt and all its versions"_s, this)),
      openButton_(button(u"Open"_s, u"Load this version into the playground"_s, this)),
      compare_(button(u"Compare\u2026"_s, u"Compare two selected versions, or one with the version before it"_s, this)),
      pin_(button(u"Pin"_s, u"Mark this version as the one to use"_s, this))
{
    promptItems_->setHorizontalHeaderLabels({u"Prompt"_s, u"Versions"_s, u"Pinned"_s});
    versions_->setHorizontalHeaderLabels({u"#"_s, u"When"_s, u"Model"_s, u"Prompt"_s});
    promptProxy_->setSourceModel(promptItems_);
    promptProxy_->setFilterKeyColumn(PromptName);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(buildPromptBox());
    split->addWidget(buildVersionBox());
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split, 1);
    layout->addWidget(status_);
    wire();
    updateButtons();
}

PromptLibraryView::~PromptLibraryView() = default;

QWidget* PromptLibraryView::buildPromptBox()
{
    auto* box = new QWidget(this);
    filter_->setPlaceholderText(u"Filter saved prompts"_s);
    filter_->setAccessibleName(u"Filter saved prompts"_s);
    promptView_ = listView(promptProxy_, box);
    promptView_->setSelectionMode(QAbstractItemView::SingleSelection);
    promptView_->header()->setSectionResizeMode(PromptName, QHeaderView::Stretch);
    promptView_->setAccessibleName(u"Saved prompts"_s);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    top->addWidget(filter_, 1);
    top->addWidget(saveAs_);
    empty_ = new QLabel(u"No saved prompts yet. Write a prompt, then Save as… to keep it: every send of it "
                        u"becomes a version you can reopen, compare and pin. Write {{name}} in it for a variable."_s,
                        box);
    empty_->setWordWrap(true);
    empty_->setStyleSheet(u"color: palette(placeholder-text); padding: 6px 2px;"_s);
    layout->addLayout(top);
    layout->addWidget(empty_);
    layout->addWidget(promptView_, 1);
    layout->addLayout(row({rename_, delete_}));
    return box;
}

QWidget* PromptLibraryView::buildVersionBox()
{
    auto* box = new QWidget(this);
    versionView_ = listView(versions_, box);
    versionView_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    versionView_->header()->setSectionResizeMode(VersionText, QHeaderView::Stretch);
    versionView_->setAccessibleName(u"Versions of the selected prompt"_s);
    versionsTitle_->setTextFormat(Qt::PlainText);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(versionsTitle_);
    layout->addWidget(versionView_, 1);
    layout->addLayout(row({openButton_, compare_, pin_}));
    return box;
}

void PromptLibraryView::wire()
{
    wireSearch(filter_, promptProxy_);
    connect(promptView_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PromptLibraryView::loadVersions);
    connect(versionView_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PromptLibraryView::updateButtons);
    connect(versionView_, &QTreeView::doubleClicked, this, &PromptLibraryView::openSelected);
    connect(saveAs_, &QPushButton::clicked, this, &PromptLibraryView::askSaveAs);
    connect(rename_, &QPushButton::clicked, this, &PromptLibraryView::askRename);
    connect(delete_, &QPushButton::clicked, this, &PromptLibraryView::askDelete);
    connect(openButton_, &QPushButton::clicked, this, &PromptLibraryView::openSelected);
    connect(compare_, &QPushButton::clicked, this, &PromptLibraryView::compareSelected);
    connect(pin_, &QPushButton::clicked, this, &PromptLibraryView::togglePinSelected);
}

void PromptLibraryView::setWorkspace(const QString& path)
{
    open_ = false;
    prompts_.clear();
    versionList_.clear();
    fillPrompts(promptItems_, {});
    fillVersions(versions_, {}, 0);
    updateButtons();
    jobs_->open(path, [this](const QString& error) {
        open_ = error.isEmpty();
        report(error.toStdString());
        refresh();
    });
}

void PromptLibraryView::setDraftSource(DraftSource source)
{
    draftSource_ = std::move(source);
    updateButtons();
}

void PromptLibraryView::refresh()
{
    const std::uint64_t generation = ++listGeneration_;
    jobs_->run([](prompts::PromptLibrary& lib) { return lib.list(); },
               [this, generation](const prompts::Result<std::vector<prompts::PromptSummary>>& r) {
                   if (!r.error.empty()) // a write's message stays until the next write
                       report(r.error);
                   listLanded(generation, r.value);
               });
}

void PromptLibraryView::listLanded(std::uint64_t generation, const std::vector<prompts::PromptSummary>& list)
{
    if (generation != listGeneration_)
        return; // a newer refresh is on its way
    const std::int64_t keepId = selectedPromptId();
    QString keep = std::exchange(pendingSelect_, QString());
    prompts_ = list;
    empty_->setVisible(prompts_.empty());
    {
        const QSignalBlocker block(promptView_->selectionModel());
        fillPrompts(promptItems_, prompts_);
    }
    for (const prompts::PromptSummary& p : prompts_)
        if (keep.isEmpty() && p.id == keepId)
            keep = QString::fromStdString(p.name); // the same prompt, even if renamed elsewhere
    if (keep.isEmpty() || !selectPrompt(keep))
        loadVersions();
    Q_EMIT listLoaded();
}

bool PromptLibraryView::selectPrompt(const QString& name)
{
    for (int r = 0; r < promptProxy_->rowCount(); ++r) {
        const QModelIndex index = promptProxy_->index(r, PromptName);
        if (index.data().toString().compare(name, Qt::CaseInsensitive) == 0) {
            promptView_->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
            promptView_->setCurrentIndex(index);
            promptView_->scrollTo(index);
            loadVersions();
            return true;
        }
    }
    return false;
}

std::int64_t PromptLibraryView::selectedPromptId() const
{
    const QModelIndexList rows = promptView_->selectionModel()->selectedRows(PromptName);
    return rows.isEmpty() ? 0 : rows.first().data(IdRole).toLongLong();
}

const prompts::PromptSummary* PromptLibraryView::selectedPrompt() const
{
    const std::int64_t id = selectedPromptId();
    for (const prompts::PromptSummary& p : prompts_)
        if (p.id == id)
            return &p;
    return nullptr;
}

void PromptLibraryView::loadVersions()
{
    const std::uint64_t generation = ++versionGeneration_;
    const std::int64_t id = selectedPromptId();
    const prompts::PromptSummary* prompt = selectedPrompt();
    versionsTitle_->setText(prompt ? QString(u"Versions of "_s % QString::fromStdString(prompt->name)) : u"Versions"_s);
    updateButtons();
    if (id == 0) {
        versionsLanded(generation, 0, {});
        return;
    }
    jobs_->run([id](prompts::PromptLibrary& lib) { return lib.versions(id); },
               [this, generation, id](const prompts::Result<std::vector<prompts::PromptVersion>>& r) {
                   if (!r.error.empty())
                       report(r.error);
                   versionsLanded(generation, id, r.value);
               });
}

void PromptLibraryView::versionsLanded(std::uint64_t generation, std::int64_t promptId,
                                       const std::vector<prompts::PromptVersion>& versions)
{
    if (generation != versionGeneration_)
        return;
    std::vector<int> keep;
    if (promptId == versionsOf_)
        for (const prompts::PromptVersion* v : selectedVersions())
            keep.push_back(v->number);
    versionsOf_ = promptId;
    versionList_ = versions;
    {
        const QSignalBlocker block(versionView_->selectionModel());
        fillVersions(versions_, versionList_, wallNowNs());
        for (int r = 0; r < versions_->rowCount(); ++r)
            if (std::find(keep.begin(), keep.end(), versions_->index(r, 0).data(NumberRole).toInt()) != keep.end())
                versionView_->selectionModel()->select(versions_->index(r, 0),
                                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    updateButtons();
    Q_EMIT versionsLoaded();
}

std::vector<const prompts::PromptVersion*> PromptLibraryView::selectedVersions() const
{
    std::vector<const prompts::PromptVersion*> out;
    for (const QModelIndex& index : versionView_->selectionModel()->selectedRows(VersionNumber)) {
        const int number = index.data(NumberRole).toInt();
        for (const prompts::PromptVersion& v : versionList_)
            if (v.number == number)
                out.push_back(&v);
    }
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->number < b->number; });
    return out;
}

void PromptLibraryView::updateButtons()
{
    const bool prompt = selectedPromptId() != 0;
    const auto versions = selectedVersions();
    saveAs_->setEnabled(open_ && draftSource_ != nullptr);
    rename_->setEnabled(prompt);
    delete_->setEnabled(prompt);
    openButton_->setEnabled(versions.size() == 1);
    compare_->setEnabled(versions.size() == 2 || (versions.size() == 1 && versionList_.size() > 1));
    pin_->setEnabled(versions.size() == 1);
    pin_->setText(versions.size() == 1 && versions.front()->pinned ? u"Unpin"_s : u"Pin"_s);
}

void PromptLibraryView::report(const std::string& error)
{
    status_->setVisible(!error.empty());
    status_->setText(QString::fromStdString(error));
    if (!error.empty())
        Q_EMIT failed(QString::fromStdString(error));
}

QString PromptLibraryView::statusText() const
{
    return status_->text();
}

void PromptLibraryView::setCurrentPrompt(const QString& name)
{
    if (name == current_)
        return;
    current_ = name;
    Q_EMIT currentPromptChanged(current_);
}

} // namespace ts::ui
