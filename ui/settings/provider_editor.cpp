#include "settings/provider_editor.h"

#include "settings/headers_table.h"
#include "settings/key_field.h"
#include "settings/models_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QDoubleSpinBox* secondsBox(QWidget* parent, const QString& zeroText)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0, 3600);
    box->setDecimals(1);
    box->setSuffix(u" s"_s);
    box->setSpecialValueText(zeroText);
    return box;
}

std::chrono::milliseconds millis(const QDoubleSpinBox* box)
{
    return std::chrono::milliseconds(std::llround(box->value() * 1000.0));
}

double seconds(std::chrono::milliseconds ms) { return static_cast<double>(ms.count()) / 1000.0; }

} // namespace

ProviderEditor::ProviderEditor(QWidget* parent)
    : QWidget(parent), form_(new QFormLayout), kind_(new QComboBox(this)), id_(new QLineEdit(this)),
      label_(new QLineEdit(this)), baseUrl_(new QLineEdit(this)), key_(new KeyField(this)),
      keyEnv_(new QLineEdit(this)), headers_(new HeadersTable(this)), proxy_(new QLineEdit(this)),
      connectTimeout_(secondsBox(this, u"libcurl default"_s)), idleTimeout_(secondsBox(this, u"none"_s)),
      totalTimeout_(secondsBox(this, u"none"_s)), models_(new ModelsBox(this)),
      azureDeployment_(new QLineEdit(this)), azureApiVersion_(new QLineEdit(this)),
      enabled_(new QCheckBox(u"Offer this provider's models"_s, this)), validation_(new QLabel(this))
{
    build();
    wire();
    load({"", "openai"}, true);
}

void ProviderEditor::build()
{
    for (const std::string& k : profileKinds())
        kind_->addItem(qs(k));
    id_->setPlaceholderText(u"a short name: openai, groq, local-vllm"_s);
    label_->setPlaceholderText(u"shown in model pickers; empty: the id"_s);
    proxy_->setPlaceholderText(u"http://proxy:3128; empty: the system's"_s);
    azureDeployment_->setPlaceholderText(u"the deployment name in Azure"_s);
    azureApiVersion_->setPlaceholderText(u"default"_s);
    validation_->setWordWrap(true);
    validation_->setStyleSheet(u"color: #c0392b;"_s);
    form_->addRow(u"Kind"_s, kind_);
    form_->addRow(u"Id"_s, id_);
    form_->addRow(u"Label"_s, label_);
    form_->addRow(u"Base URL"_s, baseUrl_);
    form_->addRow(u"API key"_s, key_);
    form_->addRow(u"Key variable"_s, keyEnv_);
    form_->addRow(u"Azure deployment"_s, azureDeployment_);
    form_->addRow(u"Azure API version"_s, azureApiVersion_);
    form_->addRow(u"Models"_s, models_);
    form_->addRow(u"Headers"_s, headers_);
    form_->addRow(u"Proxy"_s, proxy_);
    auto* timeouts = new QHBoxLayout;
    for (auto [text, box] : {std::pair{u"connect"_s, connectTimeout_}, {u"idle"_s, idleTimeout_}, {u"total"_s, totalTimeout_}}) {
        timeouts->addWidget(new QLabel(text, this));
        timeouts->addWidget(box, 1);
    }
    form_->addRow(u"Timeouts"_s, timeouts);
    form_->addRow(QString(), enabled_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form_);
    layout->addWidget(validation_);
    layout->addStretch();
}

void ProviderEditor::wire()
{
    connect(kind_, &QComboBox::currentIndexChanged, this, &ProviderEditor::onKindChanged);
    for (QLineEdit* e : {id_, label_, baseUrl_, keyEnv_, proxy_, azureDeployment_, azureApiVersion_})
        connect(e, &QLineEdit::textChanged, this, &ProviderEditor::validate);
    for (QDoubleSpinBox* b : {connectTimeout_, idleTimeout_, totalTimeout_})
        connect(b, &QDoubleSpinBox::valueChanged, this, &ProviderEditor::validate);
    connect(enabled_, &QCheckBox::toggled, this, &ProviderEditor::validate);
    connect(headers_, &HeadersTable::changed, this, &ProviderEditor::validate);
    connect(models_, &ModelsBox::changed, this, &ProviderEditor::validate);
    connect(key_, &KeyField::changed, this, &ProviderEditor::edited);
}

void ProviderEditor::load(const ProviderProfile& p, bool isNew)
{
    isNew_ = isNew;
    const QSignalBlocker quiet(this);
    kind_->setCurrentText(qs(p.kind));
    id_->setText(qs(p.id));
    id_->setReadOnly(!isNew);
    id_->setToolTip(isNew ? QString() : u"Traces name the provider by its id, so it stays; Duplicate makes a copy with a new one"_s);
    label_->setText(qs(p.label));
    baseUrl_->setText(qs(p.baseUrl));
    keyEnv_->setText(qs(p.keyEnv));
    headers_->setHeaders(p.headers);
    proxy_->setText(qs(p.proxy));
    connectTimeout_->setValue(seconds(p.connectTimeout));
    idleTimeout_->setValue(seconds(p.idleTimeout));
    totalTimeout_->setValue(seconds(p.totalTimeout));
    QStringList models;
    for (const std::string& m : p.models)
        models << qs(m);
    models_->setModels(models);
    azureDeployment_->setText(qs(p.azureDeployment));
    azureApiVersion_->setText(qs(p.azureApiVersion));
    enabled_->setChecked(p.enabled);
    onKindChanged();
}

ProviderProfile ProviderEditor::profile() const
{
    ProviderProfile p;
    p.id = id_->text().trimmed().toStdString();
    p.kind = kind_->currentText().toStdString();
    p.label = label_->text().trimmed().toStdString();
    p.baseUrl = baseUrl_->text().trimmed().toStdString();
    p.headers = headers_->headers();
    p.proxy = proxy_->text().trimmed().toStdString();
    p.connectTimeout = millis(connectTimeout_);
    p.idleTimeout = millis(idleTimeout_);
    p.totalTimeout = millis(totalTimeout_);
    for (const QString& m : models_->models())
        p.models.push_back(m.toStdString());
    if (p.kind == "azure") {
        p.azureDeployment = azureDeployment_->text().trimmed().toStdString();
        p.azureApiVersion = azureApiVersion_->text().trimmed().toStdString();
    }
    p.keyEnv = keyEnv_->text().trimmed().toStdString();
    p.enabled = enabled_->isChecked();
    return p;
}

QStringList ProviderEditor::problems() const
{
    QStringList out;
    for (const std::string& problem : validateProfile(profile()))
        out << qs(problem);
    return out;
}

bool ProviderEditor::azureRowsShown() const { return form_->isRowVisible(azureDeployment_); }

void ProviderEditor::onKindChanged()
{
    const std::string kind = kind_->currentText().toStdString();
    baseUrl_->setPlaceholderText(qs(defaultBaseUrl(kind)));
    const QString env = qs(defaultKeyEnv(kind));
    keyEnv_->setPlaceholderText(env.isEmpty() ? u"none: this kind needs no key"_s : env);
    form_->setRowVisible(azureDeployment_, kind == "azure");
    form_->setRowVisible(azureApiVersion_, kind == "azure");
    validate();
}

void ProviderEditor::validate()
{
    const QStringList problems = this->problems();
    validation_->setText(problems.join(u'\n'));
    validation_->setVisible(!problems.isEmpty());
    Q_EMIT edited();
}

} // namespace ts::ui
