#include "playground/variables_form.h"

#include "playground/template_preview.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

std::vector<std::string> mergedNames(const prompts::ParsedTemplate& a, const prompts::ParsedTemplate& b)
{
    std::vector<std::string> names = a.variables;
    for (const std::string& n : b.variables)
        if (std::find(names.begin(), names.end(), n) == names.end())
            names.push_back(n);
    return names;
}

QString braced(const QString& name)
{
    return u"{{"_s % name % u"}}"_s;
}

} // namespace

VariablesForm::VariablesForm(QWidget* parent)
    : QWidget(parent), hint_(new QLabel(u"No {{variables}} in this prompt."_s, this)), fields_(new QFormLayout),
      status_(new QLabel(this)), previewTitle_(new QLabel(u"Preview"_s, this)), preview_(new QTextBrowser(this))
{
    hint_->setTextFormat(Qt::PlainText);
    hint_->setEnabled(false);
    status_->setTextFormat(Qt::PlainText);
    status_->setWordWrap(true);
    preview_->setAccessibleName(u"Rendered prompt"_s);
    preview_->setOpenLinks(false);
    fields_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hint_);
    layout->addLayout(fields_);
    layout->addWidget(status_);
    layout->addWidget(previewTitle_);
    layout->addWidget(preview_, 1);
    refresh();
}

void VariablesForm::setTemplate(const QString& system, const QString& text)
{
    system_ = system.toStdString();
    text_ = text.toStdString();
    parsedSystem_ = prompts::parseTemplate(system_);
    parsedText_ = prompts::parseTemplate(text_);
    std::vector<std::string> names = mergedNames(parsedSystem_, parsedText_);
    if (names != names_) {
        names_ = std::move(names);
        rebuildFields();
    }
    refresh();
}

void VariablesForm::setPromptKey(const QString& key)
{
    if (key == key_)
        return;
    remembered_[key_] = typed_;
    key_ = key;
    typed_ = remembered_[key_];
    rebuildFields();
    refresh();
}

void VariablesForm::setValues(const prompts::VariableValues& values)
{
    for (const auto& [name, value] : values)
        typed_[name] = value;
    rebuildFields();
    refresh();
}

void VariablesForm::rebuildFields()
{
    while (fields_->rowCount() > 0)
        fields_->removeRow(0);
    edits_.clear();
    for (const std::string& n : names_) {
        const QString name = QString::fromStdString(n);
        auto* edit = new QLineEdit(this);
        const auto value = typed_.find(n);
        edit->setText(value == typed_.end() ? QString() : QString::fromStdString(value->second));
        edit->setPlaceholderText(u"value of "_s % braced(name));
        edit->setAccessibleName(name);
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textEdited, this, [this, name](const QString& v) { edited(name, v); });
        fields_->addRow(name, edit);
        edits_.emplace_back(name, edit);
    }
}

void VariablesForm::edited(const QString& name, const QString& value)
{
    if (value.isEmpty())
        typed_.erase(name.toStdString());
    else
        typed_[name.toStdString()] = value.toStdString();
    refresh();
    Q_EMIT changed();
}

void VariablesForm::refresh()
{
    const QStringList gaps = missing();
    QStringList lines;
    if (!gaps.isEmpty()) {
        QStringList shown;
        for (const QString& g : gaps)
            shown << braced(g);
        lines << u"Missing: "_s % shown.join(u", "_s);
    }
    for (const QString& w : {templateWarningsText(system_, parsedSystem_), templateWarningsText(text_, parsedText_)})
        if (!w.isEmpty())
            lines << w;
    status_->setText(lines.join(u'\n'));
    status_->setStyleSheet(gaps.isEmpty() ? QString() : u"color: #b9770e;"_s);
    status_->setVisible(!lines.isEmpty());
    for (const auto& [name, edit] : edits_)
        edit->setStyleSheet(gaps.contains(name) ? u"QLineEdit { border: 1px solid #e0a000; }"_s : QString());
    const bool any = !names_.empty();
    hint_->setVisible(!any);
    previewTitle_->setVisible(any);
    preview_->setVisible(any);
    if (any)
        preview_->setHtml(previewHtml());
}

prompts::VariableValues VariablesForm::values() const
{
    prompts::VariableValues out;
    for (const std::string& n : names_)
        if (const auto it = typed_.find(n); it != typed_.end() && !it->second.empty())
            out[n] = it->second;
    return out;
}

QStringList VariablesForm::variables() const
{
    QStringList out;
    for (const std::string& n : names_)
        out << QString::fromStdString(n);
    return out;
}

QStringList VariablesForm::missing() const
{
    const prompts::VariableValues have = values();
    QStringList out;
    for (const std::string& n : names_)
        if (!have.contains(n))
            out << QString::fromStdString(n);
    return out;
}

QString VariablesForm::renderedSystem() const
{
    return QString::fromStdString(prompts::render(parsedSystem_, values()).text);
}

QString VariablesForm::renderedText() const
{
    return QString::fromStdString(prompts::render(parsedText_, values()).text);
}

QLineEdit* VariablesForm::field(const QString& name) const
{
    for (const auto& [n, edit] : edits_)
        if (n == name)
            return edit;
    return nullptr;
}

QString VariablesForm::previewHtml() const
{
    const prompts::VariableValues have = values();
    QString html;
    if (!parsedSystem_.pieces.empty())
        html += u"<p style=\"color:#808080; margin:0;\">System</p>"_s % templatePreviewHtml(parsedSystem_, have) %
                u"<p style=\"color:#808080; margin:0;\">User</p>"_s;
    return html % templatePreviewHtml(parsedText_, have);
}

QString VariablesForm::statusText() const
{
    return status_->text();
}

} // namespace ts::ui
