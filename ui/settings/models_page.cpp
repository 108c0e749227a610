#include "settings/models_page.h"

#include "common/search_wiring.h"
#include "settings/catalog_columns.h"
#include "settings/catalog_editor.h"
#include "settings/catalog_table_model.h"

#include <QDesktopServices>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString issuesText(const Catalog& catalog, const QString& fileError)
{
    QStringList lines;
    if (!fileError.isEmpty())
        lines << fileError;
    for (const CatalogIssue& i : catalog.issues())
        lines << QString::fromStdString(describeIssue(i));
    if (lines.isEmpty())
        return {};
    return u"Problems in the override file; the shipped values stay in force where it could not be read:\n"_s +
           lines.join(u'\n');
}

// ~/.config/... rather than the full home folder: shorter, and the same for everyone.
QString shownPath(const QString& path)
{
    const QString home = QDir::homePath();
    return path.startsWith(home + u'/') ? u'~' + path.mid(home.size()) : path;
}

} // namespace

ModelsPage::ModelsPage(CatalogEditor* editor, QWidget* parent)
    : QWidget(parent), editor_(editor), model_(new CatalogTableModel(editor, this)),
      proxy_(new QSortFilterProxyModel(this)), view_(new QTableView(this)), search_(new QLineEdit(this)),
      banner_(new QLabel(this)), source_(new QLabel(this)), shown_(new QLabel(this)),
      error_(new QLabel(this)), reset_(new QPushButton(u"Reset to shipped"_s, this)),
      open_(new QPushButton(u"Open override file"_s, this))
{
    banner_->setObjectName(u"catalogIssues"_s);
    banner_->setWordWrap(true);
    banner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    banner_->setStyleSheet(
        u"QLabel { background: #fdf2d0; color: #5c4400; border: 1px solid #e0b84a; border-radius: 4px; padding: 6px 8px; }"_s);
    source_->setWordWrap(true);
    source_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    source_->setStyleSheet(u"color: palette(placeholder-text);"_s);
    error_->setStyleSheet(u"color: #c0392b;"_s);
    error_->setWordWrap(true);
    buildView();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(banner_);
    layout->addWidget(source_);
    layout->addWidget(buildToolbar());
    layout->addWidget(error_);
    layout->addWidget(view_, 1);
    connect(editor_, &CatalogEditor::catalogChanged, this, [this] {
        showError({});
        refresh();
    });
    connect(editor_, &CatalogEditor::failed, this, &ModelsPage::showError);
    connect(reset_, &QPushButton::clicked, this, &ModelsPage::resetSelected);
    connect(open_, &QPushButton::clicked, this, &ModelsPage::openOverrideFile);
    connect(proxy_, &QSortFilterProxyModel::rowsInserted, this, &ModelsPage::refresh);
    connect(proxy_, &QSortFilterProxyModel::rowsRemoved, this, &ModelsPage::refresh);
    connect(proxy_, &QSortFilterProxyModel::modelReset, this, &ModelsPage::refresh);
    connect(proxy_, &QSortFilterProxyModel::layoutChanged, this, &ModelsPage::refresh);
    refresh();
}

QWidget* ModelsPage::buildToolbar()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    search_->setPlaceholderText(u"Filter by model or provider"_s);
    search_->setAccessibleName(u"Filter models"_s);
    search_->setMaximumWidth(320);
    reset_->setToolTip(u"Remove the selected model's overrides and use the shipped values again"_s);
    open_->setToolTip(editor_->path());
    row->addWidget(search_, 1);
    row->addWidget(shown_);
    row->addStretch(1);
    row->addWidget(reset_);
    row->addWidget(open_);
    return bar;
}

void ModelsPage::buildView()
{
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(CatalogTableModel::SortRole);
    proxy_->setFilterRole(CatalogTableModel::SearchRole);
    proxy_->setFilterKeyColumn(catalogcol::Model);
    wireSearch(search_, proxy_);
    view_->setModel(proxy_);
    view_->setSortingEnabled(true);
    view_->sortByColumn(catalogcol::Provider, Qt::AscendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->verticalHeader()->setVisible(false);
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 8);
    view_->horizontalHeader()->setHighlightSections(false);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setTextElideMode(Qt::ElideMiddle);
    for (int c = 0; c < catalogcol::Count; ++c)
        view_->setColumnWidth(c, catalogcol::width(c));
    view_->setAccessibleName(u"Models and prices"_s);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ModelsPage::updateButtons);
}

void ModelsPage::refresh()
{
    const auto catalog = editor_->catalog();
    const QString issues = issuesText(*catalog, editor_->fileError());
    banner_->setText(issues);
    banner_->setVisible(!issues.isEmpty());
    const QString snapshot = QString::fromStdString(catalog->snapshotSource());
    const int overrides = editor_->overrideCount();
    source_->setText(
        u"Shipped prices and limits: "_s + (snapshot.isEmpty() ? u"the built-in snapshot"_s : snapshot) +
        u". Prices in USD per million tokens.\nDouble-click a price or limit to override it (clear it to go back to the shipped value). Overrides ("_s +
        QString::number(overrides) + (overrides == 1 ? u" model) are in "_s : u" models) are in "_s) +
        shownPath(editor_->path()) + u'.');
    const QString all = QString::number(model_->rowCount()) + u" models"_s;
    shown_->setText(proxy_->rowCount() == model_->rowCount()
                        ? all
                        : QString::number(proxy_->rowCount()) + u" of "_s + all);
    updateButtons();
}

void ModelsPage::showError(const QString& message)
{
    error_->setText(message);
    error_->setVisible(!message.isEmpty());
}

int ModelsPage::selectedRow() const
{
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : proxy_->mapToSource(rows.first()).row();
}

void ModelsPage::updateButtons()
{
    reset_->setEnabled(model_->overridden(selectedRow()));
    error_->setVisible(!error_->text().isEmpty());
}

void ModelsPage::resetSelected()
{
    if (const ModelInfo* m = model_->modelAt(selectedRow())) {
        const ModelInfo copy = *m;
        showError({});
        editor_->resetToShipped(copy);
    }
}

void ModelsPage::openOverrideFile()
{
    if (editor_->createFileIfMissing())
        QDesktopServices::openUrl(QUrl::fromLocalFile(editor_->path()));
}

QString ModelsPage::bannerText() const
{
    return banner_->text();
}

} // namespace ts::ui
