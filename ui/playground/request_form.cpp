#include "playground/request_form.h"

#include "playground/format_form.h"
#include "playground/tools_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QWidget* optionalRow(QCheckBox* toggle, QWidget* editor, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(toggle);
    h->addWidget(editor, 1);
    editor->setEnabled(false);
    QObject::connect(toggle, &QCheckBox::toggled, editor, &QWidget::setEnabled);
    return row;
}

} // namespace

RequestForm::RequestForm(QWidget* parent)
    : QWidget(parent), model_(new QComboBox(this)), useTemperature_(new QCheckBox(this)),
      temperature_(new QDoubleSpinBox(this)), useMaxTokens_(new QCheckBox(this)), maxTokens_(new QSpinBox(this)),
      system_(new QPlainTextEdit(this)), tools_(new ToolsForm(this)), format_(new FormatForm(this)),
      tabs_(new QTabWidget(this))
{
    temperature_->setRange(0.0, 2.0);
    temperature_->setSingleStep(0.1);
    temperature_->setValue(0.7);
    maxTokens_->setRange(1, 1'000'000);
    maxTokens_->setValue(1024);
    system_->setPlaceholderText(u"System prompt (optional)"_s);
    model_->setAccessibleName(u"Model"_s);
    temperature_->setAccessibleName(u"Temperature"_s);
    maxTokens_->setAccessibleName(u"Maximum output tokens"_s);
    system_->setAccessibleName(u"System prompt"_s);
    useTemperature_->setToolTip(u"Send a temperature (otherwise the provider's default)"_s);
    useMaxTokens_->setToolTip(u"Cap the reply's length"_s);

    auto* top = new QFormLayout;
    top->addRow(u"Model"_s, model_);
    tabs_->setDocumentMode(true);
    tabs_->addTab(buildParameters(), u"Parameters"_s);
    tabs_->addTab(tools_, QString());
    tabs_->addTab(format_, u"Format"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(tabs_, 1);
    connect(model_, &QComboBox::currentIndexChanged, this, &RequestForm::changed);
    connect(useMaxTokens_, &QCheckBox::toggled, this, &RequestForm::changed);
    connect(maxTokens_, &QSpinBox::valueChanged, this, &RequestForm::changed);
    connect(system_, &QPlainTextEdit::textChanged, this, &RequestForm::changed);
    connect(tools_, &ToolsForm::changed, this, &RequestForm::updateToolsTab);
    connect(tools_, &ToolsForm::changed, this, &RequestForm::changed);
    connect(format_, &FormatForm::changed, this, &RequestForm::changed);
    updateToolsTab();
}

QWidget* RequestForm::buildParameters()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout;
    form->addRow(u"Temperature"_s, optionalRow(useTemperature_, temperature_, page));
    form->addRow(u"Max tokens"_s, optionalRow(useMaxTokens_, maxTokens_, page));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(form);
    layout->addWidget(new QLabel(u"System prompt"_s, page));
    layout->addWidget(system_, 1);
    return page;
}

void RequestForm::updateToolsTab()
{
    const auto offered = tools_->offeredTools().size();
    tabs_->setTabText(int(Tab::Tools), offered ? u"Tools (%1)"_s.arg(offered) : u"Tools"_s);
}

void RequestForm::showTab(Tab tab) { tabs_->setCurrentIndex(int(tab)); }

void RequestForm::setModels(const std::vector<std::pair<QString, QStringList>>& byProvider)
{
    model_->clear();
    for (const auto& [provider, models] : byProvider)
        for (const QString& m : models)
            model_->addItem(m + u"  ·  "_s + provider, QStringList{provider, m});
    selectModel(u"simulated"_s, u"gpt-4o-mini"_s);
}

bool RequestForm::selectModel(const QString& provider, const QString& model)
{
    for (int i = 0; i < model_->count(); ++i) {
        const QStringList pm = model_->itemData(i).toStringList();
        if (pm.value(0) == provider && pm.value(1) == model) {
            model_->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

QString RequestForm::provider() const { return model_->currentData().toStringList().value(0); }
QString RequestForm::model() const { return model_->currentData().toStringList().value(1); }
QString RequestForm::systemPrompt() const { return system_->toPlainText(); }
void RequestForm::setSystemPrompt(const QString& text) { system_->setPlainText(text); }

void RequestForm::setParameters(std::optional<double> temperature, std::optional<int> maxTokens)
{
    useTemperature_->setChecked(temperature.has_value());
    if (temperature)
        temperature_->setValue(*temperature);
    useMaxTokens_->setChecked(maxTokens.has_value());
    if (maxTokens)
        maxTokens_->setValue(*maxTokens);
}

std::optional<int> RequestForm::maxTokens() const
{
    return useMaxTokens_->isChecked() ? std::optional<int>(maxTokens_->value()) : std::nullopt;
}

ChatRequest RequestForm::request() const
{
    ChatRequest r;
    r.provider = provider().toStdString();
    r.model = model().toStdString();
    if (useTemperature_->isChecked())
        r.temperature = temperature_->value();
    r.maxTokens = maxTokens();
    if (!systemPrompt().trimmed().isEmpty())
        r.messages.push_back({Role::System, systemPrompt().toStdString()});
    r.tools = tools();
    r.responseFormat = format_->format();
    r.meta.source = "playground";
    return r;
}

std::vector<ToolDefinition> RequestForm::tools() const { return tools_->offeredTools(); }

QString RequestForm::problem() const
{
    const QString tools = tools_->problem();
    return tools.isEmpty() ? format_->problem() : tools;
}

} // namespace ts::ui
