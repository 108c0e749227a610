#include "guard/guard_policy_editor.h"

#include "gateway/config_file.h"
#include "gateway/gateway_controller.h"
#include "guard/guard_policy_section.h"
#include "guard/policy.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

using namespace Qt::StringLiterals;

namespace ts::ui::guardpanel {

namespace {

constexpr int kValidateDelayMs = 300;
constexpr int kAidWidth = 270;

struct Loaded
{
    QString text;
    QString note;
    bool usable = false;
};

Loaded readGuardSection(const QString& path)
{
    const ConfigFileText file = readConfigFile(path);
    if (!file.error.isEmpty())
        return {{}, file.error, false};
    if (!file.exists)
        return {{},
                u"No config file yet: \"Default policy\" gives a starting point, and Save creates "_s + path +
                    u'.',
                true};
    const GuardSection section = guardSectionOf(file.text);
    if (!section.error.isEmpty())
        return {{}, path + u": "_s + section.error, false};
    if (!section.present)
        return {
            {}, u"The config has no guard section yet: \"Default policy\" gives a starting point."_s, true};
    return {section.text, u"Read the guard section of "_s + path + u'.', true};
}

struct Written
{
    QString problem;
    QString configText;
};

Written writeGuardSection(const QString& path, const QString& guardText)
{
    const ConfigFileText file = readConfigFile(path); // the file as it is now, not as it was read
    if (!file.error.isEmpty())
        return {file.error, {}};
    const SplicedConfig spliced = withGuardSection(file.text, guardText);
    if (!spliced.error.isEmpty())
        return {spliced.error, {}};
    return {writeConfigFile(path, spliced.text), spliced.text};
}

// What double-clicking a rule name inserts: the rules that take settings come with them.
QString ruleSnippet(const QString& name)
{
    if (name == u"injection"_s || name == u"system_prompt_leak"_s)
        return u"\""_s + name + u"\": {\"action\": \"warn\", \"threshold\": 0.5}"_s;
    if (name == u"banned_words"_s)
        return u"\"banned_words\": {\"action\": \"block\", \"words\": [\"example\"]}"_s;
    if (name == u"max_length"_s)
        return u"\"max_length\": {\"action\": \"block\", \"bytes\": 20000}"_s;
    return u"\""_s + name + u"\": \"log\""_s;
}

QString actionsText()
{
    return u"<b>Actions</b><br><b>block</b> stops the request (or the answer)<br><b>redact</b> swaps the "
           u"text for a "
           u"placeholder, [EMAIL_1]<br><b>mask</b> keeps a hint, j***@e***.com<br><b>hash</b> puts a short "
           u"SHA-256"
           u"<br><b>warn</b> passes it, marking the trace<br><b>log</b> passes it, recording the "
           u"finding<br><br>"
           u"A rule names a category (personal_data, secret) or a type, which wins over its category. "
           u"injection and system_prompt_leak take a threshold from 0 to 1."_s;
}

QListWidgetItem* headingItem(const QString& text, QListWidget* list)
{
    auto* item = new QListWidgetItem(text, list);
    item->setFlags(Qt::ItemIsEnabled);
    QFont bold = list->font();
    bold.setBold(true);
    item->setFont(bold);
    return item;
}

} // namespace

PolicyEditor::PolicyEditor(QString configPath, GatewayController* gateway, QWidget* parent)
    : QWidget(parent), path_(std::move(configPath)), gateway_(gateway), edit_(new QPlainTextEdit(this)),
      verdict_(new QLabel(this)), rules_(new QListWidget(this)), message_(new QLabel(this)),
      reload_(new QPushButton(u"Reload"_s, this)), default_(new QPushButton(u"Default policy"_s, this)),
      save_(new QPushButton(u"Save and apply"_s, this))
{
    edit_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit_->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit_->setTabStopDistance(edit_->fontMetrics().horizontalAdvance(u' ') * 2);
    edit_->setAccessibleName(u"Guard policy (JSON)"_s);
    edit_->setPlaceholderText(
        u"{\"name\": \"strict\", \"input\": {\"personal_data\": \"redact\"}, \"output\": {...}}"_s);
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    debounce_.setSingleShot(true);
    debounce_.setInterval(kValidateDelayMs);
    auto* left = new QVBoxLayout;
    left->addWidget(edit_, 1);
    left->addWidget(verdict_);
    auto* body = new QHBoxLayout;
    body->addLayout(left, 1);
    body->addWidget(buildAid());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(buildHeader());
    layout->addLayout(body, 1);
    layout->addWidget(buildFooter());
    connect(edit_, &QPlainTextEdit::textChanged, this, [this] {
        debounce_.start();
        save_->setEnabled(false); // until the pause's check says the text is a policy
    });
    connect(&debounce_, &QTimer::timeout, this, &PolicyEditor::validateNow);
    connect(rules_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (item->flags() & Qt::ItemIsSelectable)
            insertRule(item->text());
    });
    connect(reload_, &QPushButton::clicked, this, &PolicyEditor::reload);
    connect(default_, &QPushButton::clicked, this, &PolicyEditor::insertDefaultPolicy);
    connect(save_, &QPushButton::clicked, this, &PolicyEditor::save);
    reload();
}

QWidget* PolicyEditor::buildHeader()
{
    auto* header = new QWidget(this);
    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* file = new QLabel(u"The \"guard\" section of "_s +
                                (path_.isEmpty() ? u"(no config file: no home folder)"_s : path_) +
                                u" — the rest of the file is edited in Settings › Routing."_s,
                            header);
    file->setWordWrap(true);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    reload_->setToolTip(u"Read the file again, dropping unsaved changes"_s);
    default_->setToolTip(
        u"Replace the text with the default policy: personal data and secrets redacted on the way "
        u"in and masked on the way out, prompt injection warned at 0.5"_s);
    layout->addWidget(file, 1);
    layout->addWidget(reload_);
    layout->addWidget(default_);
    return header;
}

QWidget* PolicyEditor::buildAid()
{
    auto* aid = new QWidget(this);
    aid->setFixedWidth(kAidWidth);
    auto* layout = new QVBoxLayout(aid);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(u"<b>Rule names</b> — double-click one to insert it"_s, aid);
    title->setWordWrap(true);
    rules_->setAccessibleName(u"Known rule names"_s);
    fillRuleList();
    auto* actions = new QLabel(actionsText(), aid);
    actions->setWordWrap(true);
    actions->setTextFormat(Qt::RichText);
    layout->addWidget(title);
    layout->addWidget(rules_, 1);
    layout->addWidget(actions);
    return aid;
}

QWidget* PolicyEditor::buildFooter()
{
    auto* footer = new QWidget(this);
    auto* layout = new QHBoxLayout(footer);
    layout->setContentsMargins(0, 0, 0, 0);
    message_->setWordWrap(true);
    save_->setToolTip(
        u"Write the guard section into the config file (its other sections stay as they are) and put "
        u"the config to work for new requests"_s);
    save_->setDefault(true);
    layout->addWidget(message_, 1);
    layout->addWidget(save_);
    return footer;
}

void PolicyEditor::fillRuleList()
{
    const auto input = ts::guard::knownRuleNames(false);
    headingItem(u"Input and output"_s, rules_);
    for (const std::string& name : input)
        new QListWidgetItem(QString::fromStdString(name), rules_);
    headingItem(u"Output only"_s, rules_);
    for (const std::string& name : ts::guard::knownRuleNames(true))
        if (std::find(input.begin(), input.end(), name) == input.end())
            new QListWidgetItem(QString::fromStdString(name), rules_);
}

QString PolicyEditor::verdict() const
{
    return verdict_->text();
}

QString PolicyEditor::message() const
{
    return message_->text();
}

QString PolicyEditor::text() const
{
    return edit_->toPlainText();
}

void PolicyEditor::say(const QString& text, bool problem)
{
    message_->setText(text);
    message_->setStyleSheet(problem ? u"color: #c62828;"_s : QString());
}

void PolicyEditor::updateSave()
{
    save_->setEnabled(valid_ && usable_ && !loading_ && !saving_ && !path_.isEmpty());
}

void PolicyEditor::reload()
{
    if (loading_)
        return;
    loading_ = true;
    updateSave();
    say(u"Reading "_s + path_ + u"…"_s);
    QtConcurrent::run([path = path_] {
        return readGuardSection(path);
    }).then(this, [this](const Loaded& loaded) { onLoaded(loaded.text, loaded.note, loaded.usable); });
}

void PolicyEditor::onLoaded(const QString& text, const QString& note, bool usable)
{
    loading_ = false;
    usable_ = usable;
    {
        const QSignalBlocker quiet(edit_);
        edit_->setPlainText(text);
    }
    validateNow();
    say(note, !usable);
    Q_EMIT loaded();
}

void PolicyEditor::validateNow()
{
    debounce_.stop();
    const QString text = edit_->toPlainText();
    problem_.clear();
    policyName_.clear();
    if (text.trimmed().isEmpty()) {
        valid_ = true;
        verdict_->setText(u"Empty: saving removes the guard section from the config."_s);
        verdict_->setStyleSheet(QString());
    } else {
        try {
            policyName_ = QString::fromStdString(ts::guard::parsePolicyText(text.toStdString()).name);
        } catch (const std::exception& e) {
            problem_ = QString::fromUtf8(e.what());
        }
        valid_ = problem_.isEmpty();
        verdict_->setText(valid_ ? u"✓ Valid policy \""_s + policyName_ + u'"' : problem_);
        verdict_->setStyleSheet(valid_ ? u"color: #2e7d32;"_s : u"color: #c62828;"_s);
    }
    updateSave();
    Q_EMIT validated();
}

void PolicyEditor::insertDefaultPolicy()
{
    const auto json = ts::guard::policyToJson(ts::guard::defaultPolicy());
    QTextCursor cursor(edit_->document()); // one edit, so Undo brings the old text back
    cursor.select(QTextCursor::Document);
    cursor.insertText(QString::fromStdString(json.dump(2)));
    validateNow();
}

void PolicyEditor::insertRule(const QString& name)
{
    edit_->textCursor().insertText(ruleSnippet(name));
    edit_->setFocus();
}

void PolicyEditor::save()
{
    validateNow();
    if (saving_ || !valid_ || !usable_)
        return;
    saving_ = true;
    updateSave();
    say(u"Saving…"_s);
    QtConcurrent::run([path = path_, text = edit_->toPlainText()] {
        return writeGuardSection(path, text);
    }).then(this, [this](const Written& written) { afterSave(written.problem, written.configText); });
}

void PolicyEditor::afterSave(const QString& problem, const QString& configText)
{
    saving_ = false;
    updateSave();
    if (!problem.isEmpty())
        say(u"Not saved: "_s + problem, true);
    else
        applyConfig(configText);
    Q_EMIT saved(problem);
}

// As Settings › Routing's Apply: the whole config, checked, goes to the running pipeline.
void PolicyEditor::applyConfig(const QString& configText)
{
    if (!gateway_)
        return say(u"Saved to "_s + path_ + u'.');
    const GatewayConfigResult result = parseGatewayConfig(configText.toStdString());
    if (!result.ok())
        return say(u"Saved to "_s + path_ + u", but not applied: the config has problems (the first: "_s +
                       QString::fromStdString(result.errors.front()) + u"). Settings › Routing lists them."_s,
                   true);
    gateway_->apply(std::make_shared<const GatewayConfig>(result.config));
    say(policyName_.isEmpty()
            ? u"Saved and applied: new requests run without a guard section."_s
            : u"Saved and applied: new requests are checked under policy \""_s + policyName_ + u"\"."_s);
}

} // namespace ts::ui::guardpanel
