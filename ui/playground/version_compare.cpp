#include "playground/version_compare.h"

#include "common/format.h"
#include "compare/word_diff.h"
#include "prompts/version_changes.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString styled(const diff::Piece& piece)
{
    const QString text = piece.text.toHtmlEscaped();
    switch (piece.op) {
    case diff::Op::Same:
        return text;
    case diff::Op::Removed:
        return u"<span style=\"color:#c0392b; background-color:rgba(192,57,43,0.12); "
               "text-decoration:line-through;\">"_s % text % u"</span>"_s;
    case diff::Op::Added:
        return u"<span style=\"color:#1e8449; background-color:rgba(30,132,73,0.14);\">"_s % text % u"</span>"_s;
    }
    return text;
}

QString heading(const prompts::PromptVersion& v)
{
    QString text = u"<b>v"_s % QString::number(v.number) % u"</b>"_s;
    if (v.pinned)
        text += u" \u2605"_s;
    text += u" \u00b7 "_s % format::timestamp(v.created);
    if (!v.content.model.empty())
        text += u" \u00b7 "_s % QString::fromStdString(v.content.model).toHtmlEscaped();
    return text;
}

QLabel* sectionLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::RichText);
    return label;
}

QTextBrowser* textView(const QString& html, const QString& name, QWidget* parent)
{
    auto* view = new QTextBrowser(parent);
    view->setOpenLinks(false);
    view->setAccessibleName(name);
    view->setHtml(html);
    return view;
}

} // namespace

QString sideHtml(const diff::Result& result, DiffSide side)
{
    const diff::Op hidden = side == DiffSide::Before ? diff::Op::Added : diff::Op::Removed;
    QString body;
    for (const diff::Piece& piece : result.pieces)
        if (piece.op != hidden)
            body += styled(piece);
    return u"<div style=\"white-space: pre-wrap;\">"_s % body % u"</div>"_s;
}

VersionCompareDialog::VersionCompareDialog(const prompts::PromptVersion& before, const prompts::PromptVersion& after,
                                           QWidget* parent)
    : QDialog(parent), before_(before), after_(after), settings_(new QTableWidget(this))
{
    setWindowTitle(u"Compare "_s % QString::fromStdString(after.promptName) % u" v"_s %
                   QString::number(before.number) % u" and v"_s % QString::number(after.number));
    auto* grid = new QGridLayout;
    grid->addWidget(sectionLabel(heading(before), this), 0, 0);
    grid->addWidget(sectionLabel(heading(after), this), 0, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    addSection(Section::System, u"System prompt"_s, before.content.system, after.content.system);
    addSection(Section::Template, u"Prompt template"_s, before.content.templateText, after.content.templateText);
    fillSettings();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 640);
}

void VersionCompareDialog::addSection(Section section, const QString& title, const std::string& before,
                                      const std::string& after)
{
    const QString a = QString::fromStdString(before);
    const QString b = QString::fromStdString(after);
    const diff::Result result = diff::wordDiff(a, b);
    const QString note = a == b ? u"  <span style=\"color:#808080;\">(same in both)</span>"_s : QString();
    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    layout->addWidget(sectionLabel(u"<b>"_s % title % u"</b>"_s % note, this));
    auto* sides = new QHBoxLayout;
    const int s = static_cast<int>(section);
    views_[s][0] = textView(sideHtml(result, DiffSide::Before), title % u", before"_s, this);
    views_[s][1] = textView(sideHtml(result, DiffSide::After), title % u", after"_s, this);
    sides->addWidget(views_[s][0]);
    sides->addWidget(views_[s][1]);
    // The template is what changes most; an unchanged system prompt gets less room.
    layout->addLayout(sides, section == Section::Template ? 4 : (a == b ? 1 : 3));
}

void VersionCompareDialog::fillSettings()
{
    const auto changes = prompts::settingChanges(before_, after_);
    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    layout->addWidget(sectionLabel(changes.empty() ? u"<b>Settings</b>  (same in both)"_s : u"<b>Settings</b>"_s, this));
    settings_->setColumnCount(3);
    settings_->setHorizontalHeaderLabels({u"Setting"_s, u"v"_s % QString::number(before_.number),
                                          u"v"_s % QString::number(after_.number)});
    settings_->setRowCount(static_cast<int>(changes.size()));
    for (int r = 0; r < settings_->rowCount(); ++r) {
        const prompts::SettingChange& c = changes[static_cast<std::size_t>(r)];
        settings_->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(c.setting)));
        settings_->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(c.before)));
        settings_->setItem(r, 2, new QTableWidgetItem(QString::fromStdString(c.after)));
    }
    settings_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    settings_->setSelectionMode(QAbstractItemView::NoSelection);
    settings_->setFocusPolicy(Qt::NoFocus);
    settings_->verticalHeader()->hide();
    settings_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Every changed setting in view without scrolling, up to a dozen or so.
    const int height = settings_->horizontalHeader()->sizeHint().height() + settings_->verticalHeader()->length() +
                       2 * settings_->frameWidth();
    settings_->setFixedHeight(std::min(height, 300));
    settings_->setVisible(!changes.empty());
    settings_->setAccessibleName(u"Settings that differ"_s);
    layout->addWidget(settings_);
}

QTextBrowser* VersionCompareDialog::view(Section section, DiffSide side) const
{
    return views_[static_cast<int>(section)][static_cast<int>(side)];
}

} // namespace ts::ui
