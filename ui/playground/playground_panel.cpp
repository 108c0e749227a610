#include "playground/playground_panel.h"

#include "common/format.h"
#include "playground/conversation_view.h"
#include "playground/meter_controller.h"
#include "playground/request_form.h"
#include "playground/token_meter.h"
#include "playground/trace_turns.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

using namespace turns;

PlaygroundPanel::PlaygroundPanel(PlaygroundSession* session, QWidget* parent)
    : QWidget(parent), session_(session), form_(new RequestForm(this)), conversation_(new ConversationView(this)),
      composer_(new QPlainTextEdit(this)), sendButton_(new QPushButton(u"Send"_s, this)),
      stopButton_(new QPushButton(u"Stop"_s, this)), notice_(new QLabel(this)), meter_(new TokenMeter(this)),
      meterController_(new MeterController(meter_, [this] { return draft(); }, this))
{
    form_->setModels(session_->models());
    auto* right = new QWidget(this);
    auto* column = new QVBoxLayout(right);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(notice_);
    column->addWidget(conversation_, 1);
    column->addWidget(meter_);
    column->addWidget(buildComposer());
    auto* splitter = new QSplitter(this);
    form_->setMinimumWidth(260);
    splitter->addWidget(form_);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 900});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);
    notice_->setVisible(false);
    notice_->setWordWrap(true);
    wire();
    updateButtons();
    promptChanged();
}

QWidget* PlaygroundPanel::buildComposer()
{
    auto* box = new QWidget(this);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    composer_->setPlaceholderText(u"Message  (Ctrl+Enter to send, Esc to stop)"_s);
    composer_->setAccessibleName(u"Message"_s);
    composer_->setObjectName(u"composer"_s);
    composer_->setFixedHeight(84);
    auto* buttons = new QVBoxLayout;
    auto* newChat = new QPushButton(u"New chat"_s, box);
    auto* edit = new QPushButton(u"Edit last"_s, box);
    edit->setToolTip(u"Take the last message (and its reply) back into the composer to change and resend it"_s);
    sendButton_->setDefault(true);
    buttons->addWidget(sendButton_);
    buttons->addWidget(stopButton_);
    buttons->addWidget(edit);
    buttons->addWidget(newChat);
    connect(edit, &QPushButton::clicked, this, &PlaygroundPanel::editLastMessage);
    row->addWidget(composer_, 1);
    row->addLayout(buttons);
    connect(newChat, &QPushButton::clicked, this, &PlaygroundPanel::newChat);
    return box;
}

void PlaygroundPanel::wire()
{
    connect(sendButton_, &QPushButton::clicked, this, &PlaygroundPanel::send);
    connect(stopButton_, &QPushButton::clicked, this, &PlaygroundPanel::stop);
    connect(new QShortcut(QKeySequence(u"Ctrl+Return"_s), this), &QShortcut::activated, this, &PlaygroundPanel::send);
    connect(new QShortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this, &PlaygroundPanel::stop);
    connect(session_, &PlaygroundSession::textArrived, this, [this](const QString& delta) {
        if (streaming_) {
            streaming_->appendText(delta);
            conversation_->scrollToEnd();
        }
    });
    connect(session_, &PlaygroundSession::finished, this, &PlaygroundPanel::onFinished);
    connect(composer_, &QPlainTextEdit::textChanged, this, &PlaygroundPanel::promptChanged);
    connect(form_, &RequestForm::changed, this, &PlaygroundPanel::promptChanged);
}

void PlaygroundPanel::promptChanged() { meterController_->changed(); }

PromptDraft PlaygroundPanel::draft() const
{
    PromptDraft d;
    d.model = form_->model();
    d.maxTokens = form_->maxTokens();
    d.messages = form_->request().messages;
    d.messages.insert(d.messages.end(), history_.begin(), history_.end());
    d.draft = composer_->toPlainText();
    return d;
}

void PlaygroundPanel::setPrompt(const QString& text) { composer_->setPlainText(text); }

void PlaygroundPanel::send()
{
    const QString text = composer_->toPlainText().trimmed();
    if (text.isEmpty() || session_->busy() || form_->model().isEmpty())
        return;
    remember({Role::User, text.toStdString()}, conversation_->count());
    ChatRequest request = form_->request();
    request.messages.insert(request.messages.end(), history_.begin(), history_.end());
    conversation_->add(MessageBubble::Kind::User, u"You"_s, text);
    streaming_ = conversation_->add(MessageBubble::Kind::Assistant, replyTitle(), {});
    composer_->clear();
    notice_->setVisible(false);
    session_->send(request);
    updateButtons();
}

void PlaygroundPanel::stop() { session_->stop(); }

void PlaygroundPanel::onFinished(const ReplyOutcome& outcome)
{
    if (streaming_)
        streaming_->setOutcome(outcome);
    streaming_ = nullptr;
    // A failed reply stays on screen with its error but is not sent as history next time.
    if (outcome.error.isEmpty() && (!outcome.text.isEmpty() || !outcome.toolCalls.isEmpty()))
        remember({Role::Assistant, outcome.text.toStdString()}, conversation_->count() - 1);
    updateButtons();
    Q_EMIT replyFinished(outcome);
}

void PlaygroundPanel::newChat()
{
    if (session_->busy())
        return;
    history_.clear();
    bubbleOf_.clear();
    conversation_->clear();
    promptChanged();
    notice_->setVisible(false);
    composer_->setFocus();
}

void PlaygroundPanel::editLastMessage()
{
    if (session_->busy())
        return;
    auto lastUser = std::find_if(history_.rbegin(), history_.rend(), [](const Message& m) { return m.role == Role::User; });
    if (lastUser == history_.rend())
        return;
    const auto pos = static_cast<size_t>(std::distance(history_.begin(), std::next(lastUser).base()));
    composer_->setPlainText(QString::fromStdString(history_[pos].content));
    conversation_->removeLast(conversation_->count() - bubbleOf_[pos]);
    history_.resize(pos);
    bubbleOf_.resize(pos);
    promptChanged();
    composer_->setFocus();
}

void PlaygroundPanel::openTrace(const Trace& trace)
{
    newChat();
    form_->setSystemPrompt({});
    for (const Message& m : trace.input) {
        if (m.role == Role::System) {
            form_->setSystemPrompt(QString::fromStdString(m.content));
            continue;
        }
        remember(m, conversation_->count());
        conversation_->add(kindOf(m.role), titleOf(m), shownText(m));
    }
    const TraceSummary& s = trace.summary;
    form_->selectModel(QString::fromStdString(s.simulated ? "simulated" : s.provider), QString::fromStdString(s.model));
    const QString reply = trace.output.empty() ? QString() : shownText(trace.output.front());
    conversation_->add(MessageBubble::Kind::Assistant, u"Assistant · "_s + QString::fromStdString(s.model), {})
        ->setOutcome(outcomeOf(s, reply));
    if (!trace.output.empty())
        remember(trace.output.front(), conversation_->count() - 1);
    notice_->setText(u"Opened trace "_s + QString::fromStdString(trace.traceId).left(12) + u" from "_s
                     + format::timestamp(s.start) + u". Continue the conversation, or Edit last message to change and resend it."_s);
    notice_->setVisible(true);
}

void PlaygroundPanel::remember(Message message, int bubble)
{
    history_.push_back(std::move(message));
    bubbleOf_.push_back(bubble);
    promptChanged();
}

void PlaygroundPanel::updateButtons()
{
    const bool busy = session_->busy();
    sendButton_->setEnabled(!busy);
    stopButton_->setEnabled(busy);
}

QString PlaygroundPanel::replyTitle() const
{
    return u"Assistant · "_s + form_->model() + (form_->provider() == u"simulated"_s ? u" (simulated)"_s : QString());
}

} // namespace ts::ui
