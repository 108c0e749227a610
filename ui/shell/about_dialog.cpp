#include "shell/about_dialog.h"

#include "engine/build_info.h"
#include "trace/store.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QList<QPair<QString, QString>> rows(const QString& workspacePath)
{
    QList<QPair<QString, QString>> out;
    for (const Component& c : buildComponents())
        out.append({QString::fromStdString(c.name), QString::fromStdString(c.version)});
    out.insert(1, {u"Qt"_s, QString::fromLatin1(qVersion()) + u" (built with "_s + QStringLiteral(QT_VERSION_STR) + u')'});
    out.append({u"Workspace"_s, workspacePath});
    out.append({u"Workspace schema"_s, QString::number(TraceStore::kSchemaVersion)});
    return out;
}

} // namespace

AboutDialog::AboutDialog(const QString& workspacePath, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(this))
{
    setWindowTitle(tr("About Tokenscope"));
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon::fromTheme(u"tokenscope"_s, QApplication::windowIcon()).pixmap(64, 64));
    auto* title = new QLabel(u"<h2>Tokenscope %1</h2>"_s.arg(QString::fromLatin1(TOKENSCOPE_VERSION)), this);
    auto* blurb = new QLabel(tr("A workbench for people who build on large language models: prompts, traces, "
                                "cost, latency, guardrails and replay, on your own machine."),
                             this);
    blurb->setWordWrap(true);
    auto* heading = new QVBoxLayout;
    heading->addWidget(title);
    heading->addWidget(blurb);
    auto* top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(heading, 1);

    const auto parts = rows(workspacePath);
    table_->setColumnCount(2);
    table_->setRowCount(static_cast<int>(parts.size()));
    table_->setHorizontalHeaderLabels({tr("Component"), tr("Version")});
    table_->setAccessibleName(tr("Components and versions"));
    for (int r = 0; r < parts.size(); ++r) {
        table_->setItem(r, 0, new QTableWidgetItem(parts[r].first));
        table_->setItem(r, 1, new QTableWidgetItem(parts[r].second));
    }
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->resizeColumnToContents(0);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy the versions as text, for a bug report"));
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(table_, 1);
    layout->addWidget(buttons);
    resize(560, 440);
}

QString AboutDialog::text() const
{
    QString out;
    for (int r = 0; r < table_->rowCount(); ++r)
        out += table_->item(r, 0)->text() + u": "_s + table_->item(r, 1)->text() + u'\n';
    return out;
}

} // namespace ts::ui
