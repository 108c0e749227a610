#include "playground/format_form.h"

#include "playground/reply_checks.h"
#include "playground/schema_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

QString exampleSchema()
{
    return u"{\n  \"type\": \"object\",\n  \"properties\": {\n    \"answer\": {\"type\": \"string\"},\n"
           u"    \"confidence\": {\n      \"type\": \"number\",\n      \"minimum\": 0,\n      \"maximum\": "
           u"1\n    }\n  },\n"
           u"  \"required\": [\"answer\", \"confidence\"],\n  \"additionalProperties\": false\n}"_s;
}

FormatForm::FormatForm(QWidget* parent)
    : QWidget(parent), type_(new QComboBox(this)), schemaFields_(new QWidget(this)),
      name_(new QLineEdit(u"answer"_s, schemaFields_)), strict_(new QCheckBox(u"Strict"_s, schemaFields_)),
      schema_(new SchemaEditor(&checks::schemaProblem, schemaFields_))
{
    type_->addItem(u"Text"_s, QVariant::fromValue(int(ResponseFormat::Type::Text)));
    type_->addItem(u"JSON object"_s, QVariant::fromValue(int(ResponseFormat::Type::JsonObject)));
    type_->addItem(u"JSON schema"_s, QVariant::fromValue(int(ResponseFormat::Type::JsonSchema)));
    type_->setAccessibleName(u"Response format"_s);
    name_->setAccessibleName(u"Schema name"_s);
    strict_->setChecked(true);
    strict_->setToolTip(u"Ask the provider to enforce the schema exactly (OpenAI strict mode)"_s);
    schema_->setText(exampleSchema());
    auto* fields = new QFormLayout(schemaFields_);
    fields->setContentsMargins(0, 0, 0, 0);
    fields->addRow(u"Name"_s, name_);
    fields->addRow(QString(), strict_);
    fields->addRow(schema_);
    auto* note = new QLabel(u"Replies are checked: valid JSON, and whether they match the schema."_s, this);
    note->setWordWrap(true);
    note->setStyleSheet(u"color: palette(placeholder-text);"_s);
    auto* form = new QFormLayout;
    form->addRow(u"Response"_s, type_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(schemaFields_, 1);
    connect(type_, &QComboBox::currentIndexChanged, this, [this] {
        showFields();
        Q_EMIT changed();
    });
    connect(name_, &QLineEdit::textChanged, this, &FormatForm::changed);
    connect(strict_, &QCheckBox::toggled, this, &FormatForm::changed);
    connect(schema_, &SchemaEditor::changed, this, &FormatForm::changed);
    showFields();
}

void FormatForm::showFields()
{
    schemaFields_->setVisible(format().type == ResponseFormat::Type::JsonSchema);
}

ResponseFormat FormatForm::format() const
{
    ResponseFormat f;
    f.type = static_cast<ResponseFormat::Type>(type_->currentData().toInt());
    if (f.type != ResponseFormat::Type::JsonSchema)
        return f;
    f.name = name_->text().trimmed().toStdString();
    f.strict = strict_->isChecked();
    f.schemaJson = schema_->text().toStdString();
    return f;
}

void FormatForm::setFormat(const ResponseFormat& format)
{
    type_->setCurrentIndex(type_->findData(int(format.type)));
    if (format.type != ResponseFormat::Type::JsonSchema)
        return;
    name_->setText(QString::fromStdString(format.name));
    strict_->setChecked(format.strict);
    schema_->setText(QString::fromStdString(format.schemaJson));
}

QString FormatForm::problem() const
{
    if (format().type != ResponseFormat::Type::JsonSchema)
        return {};
    if (name_->text().trimmed().isEmpty())
        return u"Response format: give the schema a name"_s;
    return schema_->problem().isEmpty() ? QString() : QString(u"Response format: "_s + schema_->problem());
}

} // namespace ts::ui
