#include "settings/routing_page.h"

#include "gateway/config_editor.h"
#include "gateway/config_file.h"
#include "gateway/config_summary.h"
#include "gateway/gateway_controller.h"
#include "gateway/governor_status.h"
#include "gateway/listen_field.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QtConcurrent/QtConcurrent>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QWidget* boxed(const QString& title, QWidget* content, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(content);
    return box;
}

QString problems(std::size_t n) { return QString::number(n) + (n == 1 ? u" problem"_s : u" problems"_s); }

} // namespace

RoutingPage::RoutingPage(GatewayController* controller, QString configPath, QWidget* parent)
    : QWidget(parent), controller_(controller), path_(std::move(configPath)), editor_(new ConfigEditor(this)),
      summary_(new ConfigSummary(this)), status_(new GovernorStatus(controller, this)),
      listen_(new ListenField(controller, this)), message_(new QLabel(this)),
      save_(new QPushButton(u"Save"_s, this)), apply_(new QPushButton(u"Apply"_s, this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildHeader());
    layout->addWidget(listen_);
    layout->addWidget(buildBody(), 1);
    layout->addWidget(buildFooter());
    connect(editor_, &ConfigEditor::validated, this, &RoutingPage::onValidated);
    connect(editor_, &ConfigEditor::edited, this, [this] {
        dirty_ = true;
        say(u"Unsaved changes."_s);
    });
    connect(save_, &QPushButton::clicked, this, &RoutingPage::save);
    connect(apply_, &QPushButton::clicked, this, &RoutingPage::apply);
    reload();
}

QWidget* RoutingPage::buildHeader()
{
    auto* header = new QWidget(this);
    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* file = new QLabel(u"Config file: "_s + (path_.isEmpty() ? u"(none: no home folder)"_s : path_), header);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    file->setToolTip(u"Set TOKENSCOPE_GATEWAY_CONFIG to use another file. tokenscope-cli serve --config FILE reads "
                     u"the same format."_s);
    auto* reload = new QPushButton(u"Reload"_s, header);
    reload->setToolTip(u"Read the file again, dropping unsaved changes"_s);
    connect(reload, &QPushButton::clicked, this, &RoutingPage::reload);
    layout->addWidget(file, 1);
    layout->addWidget(reload);
    return header;
}

QWidget* RoutingPage::buildBody()
{
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(boxed(u"What it means"_s, summary_, right));
    right->addWidget(boxed(u"Live status"_s, status_, right));
    auto* body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(boxed(u"Config (JSON)"_s, editor_, body));
    body->addWidget(right);
    body->setStretchFactor(0, 1);
    body->setStretchFactor(1, 1);
    return body;
}

QWidget* RoutingPage::buildFooter()
{
    auto* footer = new QWidget(this);
    auto* layout = new QHBoxLayout(footer);
    layout->setContentsMargins(0, 0, 0, 0);
    message_->setWordWrap(true);
    save_->setToolTip(u"Write the file (atomically). A file with problems can be saved but is never applied."_s);
    apply_->setToolTip(u"Put these routes, tiers, limits and budgets to work now, in the playground and the gateway"_s);
    apply_->setDefault(true);
    layout->addWidget(message_, 1);
    layout->addWidget(save_);
    layout->addWidget(apply_);
    return footer;
}

QString RoutingPage::message() const { return message_->text(); }

void RoutingPage::say(const QString& text, bool problem)
{
    message_->setText(text);
    message_->setStyleSheet(problem ? u"color: #c62828;"_s : QString());
}

void RoutingPage::reload()
{
    if (loading_)
        return;
    loading_ = true;
    say(u"Reading "_s + path_ + u"…"_s);
    QtConcurrent::run([path = path_] { return readConfigFile(path); }).then(this, [this](const ConfigFileText& file) {
        onLoaded(file);
    });
}

void RoutingPage::onLoaded(const ConfigFileText& file)
{
    loading_ = false;
    dirty_ = false;
    const bool first = std::exchange(firstLoad_, false);
    if (!file.error.isEmpty()) {
        editor_->setText(QString());
        say(file.error, true);
    } else if (!file.exists) {
        editor_->setText(exampleConfigText());
        say(u"No config file yet. This example routes over the simulated provider: Save keeps it, Apply tries it."_s);
    } else {
        editor_->setText(file.text);
        const auto& result = editor_->result();
        if (!result.ok())
            say(u"The file has "_s + problems(result.errors.size()) + u": it is not applied until they are fixed."_s, true);
        else if (first && !controller_->config())
            apply(); // the saved config is what the user runs with
        else
            say(u"Read "_s + path_ + u'.');
    }
    Q_EMIT loaded();
}

void RoutingPage::onValidated()
{
    const auto& result = editor_->result();
    apply_->setEnabled(result.ok());
    if (result.ok())
        summary_->showConfig(result.config);
    else
        summary_->showNothing(u"Fix the problems on the left to see what this config means."_s);
}

void RoutingPage::save()
{
    if (saving_)
        return;
    saving_ = true;
    save_->setEnabled(false);
    editor_->validateNow();
    const std::size_t problemCount = editor_->result().errors.size();
    QtConcurrent::run([path = path_, text = editor_->text()] { return writeConfigFile(path, text); })
        .then(this, [this, problemCount](const QString& problem) {
            saving_ = false;
            save_->setEnabled(true);
            if (!problem.isEmpty())
                say(u"Not saved: "_s + problem, true);
            else if (problemCount > 0)
                say(u"Saved with "_s + problems(problemCount) + u": this file is not applied (here or by tokenscope-cli "
                                                                 u"serve) until they are fixed."_s,
                    true);
            else
                say(u"Saved to "_s + path_ + u'.');
            if (problem.isEmpty())
                dirty_ = false;
            Q_EMIT saved(problem);
        });
}

void RoutingPage::apply()
{
    editor_->validateNow();
    const auto& result = editor_->result();
    if (!result.ok()) {
        say(u"Not applied: fix the "_s + problems(result.errors.size()) + u" first."_s, true);
        return;
    }
    controller_->apply(std::make_shared<const GatewayConfig>(result.config));
    const auto n = result.config.routes.size();
    say(u"Applied: "_s + QString::number(n) + (n == 1 ? u" route"_s : u" routes"_s) +
        u" in use for new requests"_s + (dirty_ ? u" (not saved yet)."_s : u"."_s));
}

} // namespace ts::ui
