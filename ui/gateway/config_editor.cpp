#include "gateway/config_editor.h"

#include "gateway/json_locator.h"

#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {
constexpr int kValidateDelayMs = 300;
}

ConfigEditor::ConfigEditor(QWidget* parent)
    : QWidget(parent), edit_(new QPlainTextEdit(this)), verdict_(new QLabel(this)), errors_(new QListWidget(this))
{
    edit_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit_->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit_->setTabStopDistance(edit_->fontMetrics().horizontalAdvance(u' ') * 2);
    edit_->setAccessibleName(u"Gateway config (JSON)"_s);
    errors_->setAccessibleName(u"Problems in the config"_s);
    errors_->setMaximumHeight(110);
    errors_->setWordWrap(true);
    verdict_->setWordWrap(true);
    debounce_.setSingleShot(true);
    debounce_.setInterval(kValidateDelayMs);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit_, 1);
    layout->addWidget(verdict_);
    layout->addWidget(errors_);
    connect(edit_, &QPlainTextEdit::textChanged, this, [this] {
        debounce_.start();
        Q_EMIT edited();
    });
    connect(&debounce_, &QTimer::timeout, this, &ConfigEditor::validateNow);
    connect(errors_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { goToError(errors_->row(item)); });
    connect(errors_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { goToError(errors_->row(item)); });
}

void ConfigEditor::setText(const QString& text)
{
    const QSignalBlocker quiet(edit_);
    edit_->setPlainText(text);
    validateNow();
}

QString ConfigEditor::text() const { return edit_->toPlainText(); }

void ConfigEditor::validateNow()
{
    debounce_.stop();
    result_ = parseGatewayConfig(text().toStdString());
    showErrors();
    Q_EMIT validated();
}

void ConfigEditor::showErrors()
{
    errors_->clear();
    for (const std::string& e : result_.errors)
        errors_->addItem(QString::fromStdString(e));
    errors_->setVisible(!result_.ok());
    const auto n = result_.errors.size();
    verdict_->setText(result_.ok() ? u"✓ Valid"_s
                                   : QString::number(n) + (n == 1 ? u" problem"_s : u" problems"_s) +
                                         u" — click one to go there. A config with problems is never applied."_s);
    verdict_->setStyleSheet(result_.ok() ? u"color: #2e7d32;"_s : u"color: #c62828;"_s);
}

void ConfigEditor::goToError(int row)
{
    if (row < 0 || row >= errors_->count())
        return;
    const auto at = locateConfigError(text(), errors_->item(row)->text());
    if (!at)
        return;
    QTextCursor cursor = edit_->textCursor();
    cursor.setPosition(std::min(*at, static_cast<int>(text().size())));
    edit_->setTextCursor(cursor);
    edit_->centerCursor();
    edit_->setFocus();
}

} // namespace ts::ui
