#include "replay/alternatives_editor.h"

#include "catalog/catalog.h"
#include "common/format.h"
#include "common/gui_settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::replaypanel {

namespace {

const QString kSettingsKey = u"replay/alternatives"_s;
const QString kAsRecorded = u"(as recorded)"_s;

} // namespace

QString describe(const replay::Alternative& a)
{
    QStringList parts;
    if (a.model) {
        QStringList from;
        for (const std::string& f : a.from)
            from << QString::fromStdString(f);
        parts << (from.isEmpty() ? u"all on "_s : from.join(u", "_s) + u" → "_s) + QString::fromStdString(*a.model);
    }
    if (a.batch)
        parts << u"batch API"_s;
    if (a.promptCaching)
        parts << u"prompt caching %1 s, ≥ %2 tokens"_s.arg(a.promptCaching->ttlSeconds)
                     .arg(format::grouped(a.promptCaching->minTokens));
    return parts.isEmpty() ? u"as recorded"_s : parts.join(u" · "_s);
}

std::vector<replay::Alternative> AlternativesEditor::starters()
{
    return {{"All on gpt-4o-mini", std::string("gpt-4o-mini"), {}, false, {}},
            {"Batch API", {}, {}, true, {}},
            {"Prompt caching", {}, {}, false, replay::PromptCaching{}}};
}

AlternativesEditor::AlternativesEditor(QWidget* parent)
    : QWidget(parent), table_(new QTableWidget(0, 2, this)), name_(new QLineEdit(this)), model_(new QComboBox(this)),
      from_(new QLineEdit(this)), batch_(new QCheckBox(tr("Through the batch API"), this)),
      caching_(new QCheckBox(tr("Prompt caching of the stable prefix"), this)), ttl_(new QSpinBox(this)),
      minTokens_(new QSpinBox(this)), add_(new QPushButton(tr("Add"), this)),
      remove_(new QPushButton(tr("Remove"), this))
{
    table_->setHorizontalHeaderLabels({tr("Alternative"), tr("What changes")});
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAccessibleName(tr("Alternatives"));
    auto* save = new QPushButton(tr("Save Config…"), this);
    save->setToolTip(tr("Writes these alternatives as a config for tokenscope-cli replay --config FILE"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(remove_);
    buttons->addStretch(1);
    buttons->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);
    layout->addWidget(buildForm());
    connect(add_, &QPushButton::clicked, this, &AlternativesEditor::addFromForm);
    connect(remove_, &QPushButton::clicked, this, &AlternativesEditor::removeSelected);
    connect(save, &QPushButton::clicked, this, &AlternativesEditor::saveConfig);
    connect(table_, &QTableWidget::itemSelectionChanged, this,
            [this] { remove_->setEnabled(!table_->selectedItems().isEmpty()); });
    remove_->setEnabled(false);

    std::vector<replay::Alternative> saved = starters();
    const QString text = guiSettings().value(kSettingsKey).toString();
    if (!text.isEmpty()) {
        try {
            saved = replay::parseRepriceConfig(text.toStdString()).alternatives;
        } catch (const std::invalid_argument&) {
            // A settings file edited by hand into something unreadable: start again from the starters.
        }
    }
    alternatives_ = std::move(saved);
    fill();
}

QWidget* AlternativesEditor::buildForm()
{
    auto* form = new QWidget(this);
    auto* layout = new QFormLayout(form);
    layout->setContentsMargins(0, 8, 0, 0);
    name_->setPlaceholderText(tr("e.g. Haiku for the support bot"));
    name_->setAccessibleName(tr("Alternative name"));
    model_->setEditable(true);
    model_->addItem(kAsRecorded);
    for (const ModelInfo& m : Catalog::current()->models())
        if (m.prices.input && m.prices.output)
            model_->addItem(QString::fromStdString(m.id));
    model_->setAccessibleName(tr("Price at model"));
    from_->setPlaceholderText(tr("every model (or: gpt-4o, claude-sonnet-4-5)"));
    from_->setAccessibleName(tr("Only the calls of these models"));
    ttl_->setRange(1, 86'400);
    ttl_->setValue(300);
    ttl_->setSuffix(tr(" s"));
    ttl_->setAccessibleName(tr("Cache lifetime"));
    minTokens_->setRange(0, 1'000'000);
    minTokens_->setValue(1024);
    minTokens_->setAccessibleName(tr("Shortest cached prefix"));
    auto* caching = new QHBoxLayout;
    caching->addWidget(caching_);
    caching->addWidget(new QLabel(tr("lifetime"), form));
    caching->addWidget(ttl_);
    caching->addWidget(new QLabel(tr("at least"), form));
    caching->addWidget(minTokens_);
    caching->addWidget(new QLabel(tr("tokens"), form));
    caching->addStretch(1);
    layout->addRow(tr("Name"), name_);
    layout->addRow(tr("Price at"), model_);
    layout->addRow(tr("Only calls of"), from_);
    layout->addRow(QString(), batch_);
    layout->addRow(QString(), caching);
    layout->addRow(QString(), add_);
    return form;
}

replay::Alternative AlternativesEditor::formAlternative(QString& why) const
{
    replay::Alternative a;
    const QString name = name_->text().trimmed();
    const QString model = model_->currentText().trimmed();
    if (!model.isEmpty() && model != kAsRecorded) {
        if (!Catalog::current()->find(model.toStdString())) {
            why = tr("No model '%1' in the catalog.").arg(model);
            return {};
        }
        a.model = model.toStdString();
    }
    for (const QString& f : from_->text().split(u',', Qt::SkipEmptyParts))
        if (!f.trimmed().isEmpty())
            a.from.push_back(f.trimmed().toStdString());
    if (!a.from.empty() && !a.model) {
        why = tr("Pick the model those calls move to.");
        return {};
    }
    a.batch = batch_->isChecked();
    if (caching_->isChecked())
        a.promptCaching = replay::PromptCaching{ttl_->value(), minTokens_->value()};
    if (!a.model && !a.batch && !a.promptCaching) {
        why = tr("Change something: a model, the batch API or prompt caching.");
        return {};
    }
    a.name = (name.isEmpty() ? describe(a) : name).toStdString();
    for (const replay::Alternative& other : alternatives_)
        if (other.name == a.name) {
            why = tr("Another alternative is already named '%1'.").arg(QString::fromStdString(a.name));
            return {};
        }
    return a;
}

void AlternativesEditor::addFromForm()
{
    QString why;
    replay::Alternative a = formAlternative(why);
    if (a.name.empty()) {
        Q_EMIT problem(why);
        return;
    }
    alternatives_.push_back(std::move(a));
    name_->clear();
    save();
    fill();
    Q_EMIT changed();
}

void AlternativesEditor::removeSelected()
{
    const int row = table_->currentRow();
    if (row < 0 || row >= static_cast<int>(alternatives_.size()))
        return;
    alternatives_.erase(alternatives_.begin() + row);
    save();
    fill();
    Q_EMIT changed();
}

void AlternativesEditor::setAlternatives(std::vector<replay::Alternative> alternatives)
{
    alternatives_ = std::move(alternatives);
    save();
    fill();
    Q_EMIT changed();
}

void AlternativesEditor::saveConfig()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Replay Config"), u"replay.json"_s,
                                                      tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    const std::string text = replay::repriceConfigToJson({alternatives_});
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()))
        Q_EMIT problem(tr("Could not write %1: %2").arg(path, file.errorString()));
}

void AlternativesEditor::fill()
{
    table_->setRowCount(static_cast<int>(alternatives_.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const replay::Alternative& a = alternatives_[static_cast<std::size_t>(row)];
        table_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(a.name)));
        table_->setItem(row, 1, new QTableWidgetItem(describe(a)));
    }
}

void AlternativesEditor::save() const
{
    guiSettings().setValue(kSettingsKey, QString::fromStdString(replay::repriceConfigToJson({alternatives_})));
}

} // namespace ts::ui::replaypanel
