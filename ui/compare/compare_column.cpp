#include "compare/compare_column.h"

#include "compare/compare_figures.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString choiceText(const QString& provider, const QString& model) { return model + u"  ·  "_s + provider; }

} // namespace

CompareColumn::CompareColumn(const ModelChoices& choices, QWidget* parent)
    : QFrame(parent), model_(new QComboBox(this)), remove_(new QToolButton(this)),
      busy_(new QProgressBar(this)), view_(new QPlainTextEdit(this)), error_(new QLabel(this)),
      figures_(new CompareFigures(this))
{
    setObjectName(u"compareColumn"_s);
    setStyleSheet(u"QFrame#compareColumn { border: 1px solid palette(mid); border-radius: 6px; }"_s);
    for (const auto& [provider, models] : choices)
        for (const QString& m : models)
            model_->addItem(choiceText(provider, m), QStringList{provider, m});
    model_->setAccessibleName(u"Model"_s);
    model_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    model_->setMinimumContentsLength(12);
    remove_->setText(u"✕"_s);
    remove_->setAutoRaise(true);
    remove_->setToolTip(u"Remove this column"_s);
    busy_->setRange(0, 0); // indeterminate: it only says "still streaming"
    busy_->setTextVisible(false);
    busy_->setFixedHeight(3);
    busy_->setVisible(false);
    view_->setReadOnly(true);
    view_->setFrameShape(QFrame::NoFrame);
    view_->setPlaceholderText(u"The answer streams in here."_s);
    view_->setAccessibleName(u"Answer"_s);
    error_->setWordWrap(true);
    error_->setStyleSheet(u"color: #c0392b;"_s);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setVisible(false);

    auto* header = new QHBoxLayout;
    header->addWidget(model_, 1);
    header->addWidget(remove_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(busy_);
    layout->addWidget(view_, 1);
    layout->addWidget(error_);
    layout->addWidget(figures_);
    connect(remove_, &QToolButton::clicked, this, &CompareColumn::removeRequested);
    connect(model_, &QComboBox::currentIndexChanged, this, &CompareColumn::modelChanged);
}

void CompareColumn::selectModel(const QString& provider, const QString& model)
{
    const int index = model_->findData(QStringList{provider, model});
    if (index >= 0) {
        model_->setCurrentIndex(index);
        return;
    }
    model_->addItem(choiceText(provider, model), QStringList{provider, model});
    model_->setCurrentIndex(model_->count() - 1);
}

void CompareColumn::setChoices(const ModelChoices& choices)
{
    const QString provider = this->provider(), model = this->model();
    {
        const QSignalBlocker quiet(model_);
        model_->clear();
        for (const auto& [p, models] : choices)
            for (const QString& m : models)
                model_->addItem(choiceText(p, m), QStringList{p, m});
    }
    if (!provider.isEmpty())
        selectModel(provider, model);
}

QString CompareColumn::provider() const { return model_->currentData().toStringList().value(0); }
QString CompareColumn::model() const { return model_->currentData().toStringList().value(1); }
QString CompareColumn::title() const { return model() + u" · "_s + provider(); }
void CompareColumn::setRemovable(bool removable)
{
    removable_ = removable;
    remove_->setEnabled(removable_ && !streaming_);
}

void CompareColumn::begin()
{
    streaming_ = true;
    text_.clear();
    view_->clear();
    error_->clear();
    error_->setVisible(false);
    figures_->clear();
    busy_->setVisible(true);
    model_->setEnabled(false);
    remove_->setEnabled(false);
}

void CompareColumn::appendText(const QString& delta)
{
    QScrollBar* bar = view_->verticalScrollBar();
    const bool following = bar->value() >= bar->maximum() - 4; // the user scrolled up: leave them there
    text_ += delta;
    QTextCursor cursor(view_->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(delta);
    if (following)
        bar->setValue(bar->maximum());
}

void CompareColumn::finish(const CompareOutcome& o)
{
    streaming_ = false;
    busy_->setVisible(false);
    model_->setEnabled(true);
    remove_->setEnabled(removable_);
    if (o.reply.text != text_) { // the pipeline's final text wins (output guards may have changed it)
        text_ = o.reply.text;
        view_->setPlainText(text_);
    }
    if (o.reply.cancelled)
        error_->setText(u"Stopped."_s);
    else if (!o.reply.error.isEmpty())
        error_->setText(o.reply.error);
    error_->setStyleSheet(o.reply.cancelled ? u"color: palette(placeholder-text);"_s : u"color: #c0392b;"_s);
    error_->setVisible(!o.ok());
    figures_->setOutcome(o);
}

void CompareColumn::setEmphasis(const Emphasis& emphasis) { figures_->setEmphasis(emphasis); }

QString CompareColumn::errorText() const { return error_->isVisibleTo(this) ? error_->text() : QString(); }

} // namespace ts::ui
