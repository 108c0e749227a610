#include "playground/schema_editor.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

SchemaEditor::SchemaEditor(Check check, QWidget* parent)
    : QWidget(parent), check_(std::move(check)), edit_(new QPlainTextEdit(this)), error_(new QLabel(this))
{
    edit_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit_->setTabChangesFocus(true);
    edit_->setLineWrapMode(QPlainTextEdit::NoWrap); // JSON reads by its indentation
    edit_->setAccessibleName(u"JSON Schema"_s);
    error_->setObjectName(u"schemaProblem"_s);
    error_->setWordWrap(true);
    error_->setStyleSheet(u"color: #c0392b;"_s);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(edit_, 1);
    layout->addWidget(error_);
    connect(edit_, &QPlainTextEdit::textChanged, this, [this] {
        recheck();
        Q_EMIT changed();
    });
    recheck();
}

QString SchemaEditor::text() const
{
    return edit_->toPlainText();
}
void SchemaEditor::setText(const QString& text)
{
    edit_->setPlainText(text);
}

void SchemaEditor::recheck()
{
    problem_ = check_(text());
    error_->setText(problem_);
    error_->setVisible(!problem_.isEmpty());
}

} // namespace ts::ui
