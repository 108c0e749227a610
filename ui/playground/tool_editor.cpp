#include "playground/tool_editor.h"

#include "playground/reply_checks.h"
#include "playground/schema_editor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QToolButton* smallButton(const QString& text, const QString& tip, QWidget* parent)
{
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    b->setAutoRaise(true);
    return b;
}

} // namespace

ToolEditor::ToolEditor(const ToolDefinition& tool, QWidget* parent)
    : QFrame(parent), enabled_(new QCheckBox(this)),
      name_(new QLineEdit(QString::fromStdString(tool.name), this)), nameError_(new QLabel(this)),
      description_(new QLineEdit(QString::fromStdString(tool.description), this)),
      schema_(new SchemaEditor(&checks::parametersProblem, this))
{
    setObjectName(u"toolEditor"_s);
    setFrameShape(QFrame::StyledPanel);
    enabled_->setChecked(true);
    enabled_->setToolTip(u"Offer this tool to the model"_s);
    name_->setPlaceholderText(u"function_name"_s);
    name_->setAccessibleName(u"Tool name"_s);
    description_->setPlaceholderText(u"What it does, for the model"_s);
    description_->setAccessibleName(u"Tool description"_s);
    nameError_->setStyleSheet(u"color: #c0392b;"_s);
    nameError_->setWordWrap(true);
    schema_->setText(QString::fromStdString(tool.parametersJson));
    schema_->editor()->setMinimumHeight(90);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(buildHeader());
    layout->addWidget(nameError_);
    layout->addWidget(description_);
    layout->addWidget(new QLabel(u"Parameters (JSON Schema)"_s, this));
    layout->addWidget(schema_, 1);
    connect(name_, &QLineEdit::textChanged, this, &ToolEditor::recheckName);
    for (auto* edit : {name_, description_})
        connect(edit, &QLineEdit::textChanged, this, &ToolEditor::changed);
    connect(enabled_, &QCheckBox::toggled, this, &ToolEditor::changed);
    connect(schema_, &SchemaEditor::changed, this, &ToolEditor::changed);
    recheckName();
}

QWidget* ToolEditor::buildHeader()
{
    auto* header = new QWidget(this);
    auto* row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    auto* duplicate = smallButton(u"Duplicate"_s, u"Duplicate this tool"_s, header);
    auto* remove = smallButton(u"Remove"_s, u"Remove this tool"_s, header);
    row->addWidget(enabled_);
    row->addWidget(name_, 1);
    row->addWidget(duplicate);
    row->addWidget(remove);
    connect(duplicate, &QToolButton::clicked, this, &ToolEditor::duplicateRequested);
    connect(remove, &QToolButton::clicked, this, &ToolEditor::removeRequested);
    return header;
}

void ToolEditor::recheckName()
{
    nameError_->setText(checks::toolNameProblem(name_->text()));
    nameError_->setVisible(!nameError_->text().isEmpty());
}

ToolDefinition ToolEditor::definition() const
{
    return {name_->text().trimmed().toStdString(), description_->text().toStdString(),
            schema_->text().toStdString()};
}

bool ToolEditor::isOffered() const
{
    return enabled_->isChecked();
}
void ToolEditor::setOffered(bool on)
{
    enabled_->setChecked(on);
}

QString ToolEditor::problem() const
{
    const QString name = checks::toolNameProblem(name_->text().trimmed());
    return name.isEmpty() ? schema_->problem() : name;
}

} // namespace ts::ui
