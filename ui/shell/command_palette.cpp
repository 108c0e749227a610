#include "shell/command_palette.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

// Lower is better; -1: the command does not match. Each word must occur; a command that starts
// with the first word, then one where a word of it does, rank before one that merely contains it.
int rank(const QString& text, const QStringList& words)
{
    int score = 0;
    for (const QString& word : words) {
        const auto at = text.indexOf(word, 0, Qt::CaseInsensitive);
        if (at < 0)
            return -1;
        score += at == 0 ? 0 : !text[at - 1].isLetterOrNumber() ? 1 : 2;
    }
    return score;
}

} // namespace

CommandPalette::CommandPalette(QWidget* parent)
    : QDialog(parent, Qt::Popup | Qt::FramelessWindowHint), query_(new QLineEdit(this)), list_(new QListWidget(this))
{
    setAccessibleName(tr("Command palette"));
    query_->setPlaceholderText(tr("Type a command or a panel"));
    query_->setAccessibleName(tr("Command"));
    query_->setClearButtonEnabled(true);
    list_->setAccessibleName(tr("Matching commands"));
    list_->setUniformItemSizes(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(query_);
    layout->addWidget(list_);
    query_->installEventFilter(this);
    connect(query_, &QLineEdit::textChanged, this, &CommandPalette::narrow);
    connect(query_, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);
    connect(list_, &QListWidget::itemActivated, this, &CommandPalette::runCurrent);
    resize(520, 360);
}

void CommandPalette::popup(std::vector<Command> commands)
{
    commands_ = std::move(commands);
    query_->clear();
    narrow();
    if (QWidget* window = parentWidget() ? parentWidget()->window() : nullptr) {
        const QRect area = window->geometry();
        move(area.center().x() - width() / 2, area.top() + area.height() / 6);
    }
    show();
    query_->setFocus();
}

void CommandPalette::narrow()
{
    const QStringList words = query_->text().split(u' ', Qt::SkipEmptyParts);
    std::vector<std::pair<int, std::size_t>> matches;
    for (std::size_t i = 0; i < commands_.size(); ++i)
        if (const int r = rank(commands_[i].text, words); r >= 0)
            matches.emplace_back(r, i);
    std::stable_sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    list_->clear();
    for (const auto& [score, i] : matches) {
        const Command& c = commands_[i];
        auto* item = new QListWidgetItem(c.shortcut.isEmpty() ? c.text : c.text + u"    "_s + c.shortcut, list_);
        item->setData(Qt::UserRole, static_cast<int>(i));
    }
    list_->setCurrentRow(list_->count() ? 0 : -1);
}

QStringList CommandPalette::shown() const
{
    QStringList out;
    for (int r = 0; r < list_->count(); ++r)
        out.append(commands_[static_cast<std::size_t>(list_->item(r)->data(Qt::UserRole).toInt())].text);
    return out;
}

void CommandPalette::runCurrent()
{
    QListWidgetItem* item = list_->currentItem();
    if (!item)
        return;
    const std::function<void()> run = commands_[static_cast<std::size_t>(item->data(Qt::UserRole).toInt())].run;
    hide();
    if (run)
        run();
}

// Up and Down move through the list while the query keeps the focus.
bool CommandPalette::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == query_ && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Up) && list_->count()) {
            const int step = key == Qt::Key_Down ? 1 : -1;
            list_->setCurrentRow(std::clamp(list_->currentRow() + step, 0, list_->count() - 1));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace ts::ui
