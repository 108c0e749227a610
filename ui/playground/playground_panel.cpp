#include "playground/playground_panel.h"

#include "common/format.h"
#include "playground/attachment_strip.h"
#include "playground/composer.h"
#include "playground/conversation_view.h"
#include "playground/meter_controller.h"
#include "playground/prompt_library_view.h"
#include "playground/request_form.h"
#include "playground/token_meter.h"
#include "playground/tool_calls_view.h"
#include "playground/trace_turns.h"
#include "playground/variables_form.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

using namespace turns;

PlaygroundPanel::PlaygroundPanel(PlaygroundSession* session, QWidget* parent)
    : QWidget(parent), session_(session), form_(new RequestForm(this)),
      conversation_(new ConversationView(this)), composer_(new Composer(this)),
      attachments_(new AttachmentStrip(this)), sendButton_(new QPushButton(u"Send"_s, this)),
      stopButton_(new QPushButton(u"Stop"_s, this)), notice_(new QLabel(this)), meter_(new TokenMeter(this)),
      meterController_(new MeterController(
          meter_, [this] { return draft(); }, this)),
      library_(new PromptLibraryView(this)), variables_(new VariablesForm(this))
{
    form_->setModels(session_->models());
    connect(session_, &PlaygroundSession::modelsChanged, this, [this] {
        const QString provider = form_->provider(), model = form_->model();
        form_->setModels(session_->models());
        form_->selectModel(provider, model); // keep the pick when its provider is still there
    });
    auto* right = new QWidget(this);
    auto* column = new QVBoxLayout(right);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(notice_);
    column->addWidget(conversation_, 1);
    column->addWidget(meter_);
    column->addWidget(variables_);
    column->addWidget(attachments_);
    column->addWidget(buildComposer());
    auto* splitter = new QSplitter(this);
    form_->setMinimumWidth(260);
    library_->setMinimumWidth(200);
    splitter->addWidget(library_);
    splitter->addWidget(form_);
    splitter->addWidget(right);
    splitter->setStretchFactor(2, 1);
    splitter->setCollapsible(0, true);
    splitter->setSizes({230, 300, 740});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);
    notice_->setVisible(false);
    notice_->setWordWrap(true);
    variables_->setVisible(false);
    wire();
    wirePrompts();
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
    edit->setToolTip(
        u"Take the last message (and its reply) back into the composer to change and resend it"_s);
    sendButton_->setDefault(true);
    buttons->addWidget(sendButton_);
    buttons->addWidget(stopButton_);
    buttons->addWidget(edit);
    buttons->addWidget(newChat);
    connect(edit, &QPushButton::clicked, this, &PlaygroundPanel::editLastMessage);
    row->addWidget(buildComposerColumn(), 1);
    row->addLayout(buttons);
    connect(newChat, &QPushButton::clicked, this, &PlaygroundPanel::newChat);
    return box;
}

QWidget* PlaygroundPanel::buildComposerColumn()
{
    auto* box = new QWidget(this);
    auto* column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto* attach = new QToolButton(box);
    attach->setText(u"Attach image…"_s);
    attach->setToolTip(
        u"Attach PNG, JPEG, WebP or GIF images (up to 20 MB each); you can also drop or paste them"_s);
    attach->setAutoRaise(true);
    auto* hint = new QLabel(u"or drop / paste images into the message"_s, box);
    hint->setStyleSheet(u"color: palette(placeholder-text); font-size: 11px;"_s);
    auto* row = new QHBoxLayout;
    row->addWidget(attach);
    row->addWidget(hint, 1);
    column->addWidget(composer_, 1);
    column->addLayout(row);
    connect(attach, &QToolButton::clicked, this, &PlaygroundPanel::attach);
    return box;
}

void PlaygroundPanel::attach()
{
    auto* dialog = new QFileDialog(this, u"Attach images"_s);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters({u"Images (*.png *.jpg *.jpeg *.webp *.gif)"_s, u"All files (*)"_s});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, attachments_, &AttachmentStrip::addFiles);
    dialog->open();
}

void PlaygroundPanel::wire()
{
    connect(sendButton_, &QPushButton::clicked, this, &PlaygroundPanel::send);
    connect(stopButton_, &QPushButton::clicked, this, &PlaygroundPanel::stop);
    connect(new QShortcut(QKeySequence(u"Ctrl+Return"_s), this), &QShortcut::activated, this,
            &PlaygroundPanel::send);
    connect(new QShortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this,
            &PlaygroundPanel::stop);
    connect(session_, &PlaygroundSession::textArrived, this, [this](const QString& delta) {
        if (streaming_) {
            streaming_->appendText(delta);
            conversation_->scrollToEnd();
        }
    });
    connect(session_, &PlaygroundSession::finished, this, &PlaygroundPanel::onFinished);
    connect(composer_, &QPlainTextEdit::textChanged, this, &PlaygroundPanel::promptChanged);
    connect(form_, &RequestForm::changed, this, &PlaygroundPanel::promptChanged);
    connect(composer_, &Composer::filesOffered, attachments_, &AttachmentStrip::addFiles);
    connect(composer_, &Composer::imageOffered, attachments_, &AttachmentStrip::addImage);
}

void PlaygroundPanel::promptChanged()
{
    meterController_->changed();
}

PromptDraft PlaygroundPanel::draft() const
{
    PromptDraft d;
    d.model = form_->model();
    d.maxTokens = form_->maxTokens();
    d.messages = form_->request().messages;
    if (!variables_->variables().isEmpty() && !d.messages.empty() && d.messages.front().role == Role::System)
        d.messages.front().content = variables_->renderedSystem().toStdString();
    d.messages.insert(d.messages.end(), history_.begin(), history_.end());
    d.draft = variables_->variables().isEmpty() ? composer_->toPlainText() : variables_->renderedText();
    return d;
}

void PlaygroundPanel::setPrompt(const QString& text)
{
    composer_->setPlainText(text);
}

void PlaygroundPanel::send()
{
    const QString text = composer_->toPlainText().trimmed();
    const std::vector<ImagePart> images = attachments_->images();
    if ((text.isEmpty() && images.empty() && !attachments_->loading()) || session_->busy() ||
        form_->model().isEmpty())
        return;
    if (const QString problem = sendProblem(); !problem.isEmpty())
        return showNotice(problem);
    const bool templated = !variables_->variables().isEmpty();
    const QString sent = templated ? variables_->renderedText().trimmed() : text;
    pendingDraft_ = promptDraft();
    Message user{Role::User, sent.toStdString()};
    user.images = images;
    if (templated)
        typedOf_[history_.size()] = composer_->toPlainText();
    remember(user, conversation_->count());
    conversation_->add(MessageBubble::Kind::User, u"You"_s, sent)->showImages(images);
    composer_->clear();
    attachments_->clear();
    sendHistory();
}

QString PlaygroundPanel::sendProblem() const
{
    if (attachments_->loading())
        return u"The attached images are still being read; send again in a moment."_s;
    if (const QStringList missing = variables_->missing(); !missing.isEmpty())
        return u"Fill in "_s + u"{{"_s + missing.join(u"}}, {{"_s) + u"}}"_s +
               u" below first, or take the braces out of the prompt."_s;
    return form_->problem();
}

void PlaygroundPanel::sendHistory()
{
    ChatRequest request = form_->request();
    if (!variables_->variables().isEmpty() && !request.messages.empty() && request.messages.front().role == Role::System)
        request.messages.front().content = variables_->renderedSystem().toStdString();
    request.messages.insert(request.messages.end(), history_.begin(), history_.end());
    sentTools_ = request.tools;
    sentFormat_ = request.responseFormat;
    streaming_ = conversation_->add(MessageBubble::Kind::Assistant, replyTitle(), {});
    notice_->setVisible(false);
    session_->send(request);
    updateButtons();
}

void PlaygroundPanel::stop()
{
    session_->stop();
}

void PlaygroundPanel::onFinished(const ReplyOutcome& outcome)
{
    if (streaming_) {
        streaming_->setOutcome(outcome);
        showReplyParts(streaming_, outcome);
    }
    streaming_ = nullptr;
    if (pendingDraft_ && !outcome.traceId.isEmpty())
        library_->recordSend(*pendingDraft_, outcome.traceId);
    pendingDraft_.reset();
    // A failed reply stays on screen with its error but is not sent as history next time.
    if (outcome.error.isEmpty() && (!outcome.text.isEmpty() || !outcome.toolCalls.empty())) {
        Message reply{Role::Assistant, outcome.text.toStdString()};
        if (!outcome.cancelled) // half-streamed calls cannot be answered
            reply.toolCalls = outcome.toolCalls;
        remember(reply, conversation_->count() - 1);
    }
    updateButtons();
    Q_EMIT replyFinished(outcome);
}

void PlaygroundPanel::showReplyParts(MessageBubble* bubble, const ReplyOutcome& o)
{
    const bool complete = o.error.isEmpty() && !o.cancelled;
    if (!o.toolCalls.empty()) {
        auto* view = bubble->showToolCalls(o.toolCalls, sentTools_, complete);
        connect(view, &ToolCallsView::resultsSubmitted, this, [this, bubble] { sendToolResults(bubble); });
    } else if (complete && sentFormat_.type != ResponseFormat::Type::Text) {
        bubble->showCheck(checks::checkReply(o.text, sentFormat_));
    }
}

void PlaygroundPanel::sendToolResults(MessageBubble* bubble)
{
    if (session_->busy() || history_.empty() || history_.back().toolCalls.empty() ||
        bubble != conversation_->last())
        return;
    const QStringList answers = bubble->toolCalls()->answers();
    if (answers.contains(QString()))
        return showNotice(u"Write a result for each tool call first (even \"ok\" will do)."_s);
    const std::vector<ToolCall> calls = history_.back().toolCalls;
    for (size_t i = 0; i < calls.size(); ++i) {
        Message result{Role::Tool, answers.at(static_cast<qsizetype>(i)).toStdString()};
        result.toolCallId = calls[i].id;
        result.name = calls[i].name;
        addTurn(result);
    }
    bubble->toolCalls()->setAnswered();
    sendHistory();
}

void PlaygroundPanel::newChat()
{
    if (session_->busy())
        return;
    history_.clear();
    bubbleOf_.clear();
    typedOf_.clear();
    conversation_->clear();
    promptChanged();
    notice_->setVisible(false);
    composer_->setFocus();
}

void PlaygroundPanel::editLastMessage()
{
    if (session_->busy())
        return;
    auto lastUser = std::find_if(history_.rbegin(), history_.rend(),
                                 [](const Message& m) { return m.role == Role::User; });
    if (lastUser == history_.rend())
        return;
    const auto pos = static_cast<size_t>(std::distance(history_.begin(), std::next(lastUser).base()));
    const auto typed = typedOf_.find(pos); // a prompt with {{variables}} comes back as typed
    composer_->setPlainText(typed != typedOf_.end() ? typed->second : QString::fromStdString(history_[pos].content));
    typedOf_.erase(typedOf_.lower_bound(pos), typedOf_.end());
    attachments_->setImages(history_[pos].images);
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
    for (const Message& m : withToolNames(trace.input)) {
        if (m.role == Role::System)
            form_->setSystemPrompt(QString::fromStdString(m.content));
        else
            addTurn(m);
    }
    const TraceSummary& s = trace.summary;
    form_->selectModel(QString::fromStdString(s.simulated ? "simulated" : s.provider),
                       QString::fromStdString(s.model));
    const Message reply = trace.output.empty() ? Message{Role::Assistant, {}} : trace.output.front();
    ReplyOutcome outcome = outcomeOf(s, shownText(reply));
    outcome.toolCalls = reply.toolCalls;
    auto* bubble = conversation_->add(MessageBubble::Kind::Assistant,
                                      u"Assistant · "_s + QString::fromStdString(s.model), {});
    bubble->setOutcome(outcome);
    sentTools_ = form_->tools();
    sentFormat_ = form_->request().responseFormat;
    showReplyParts(bubble, outcome);
    if (!trace.output.empty())
        remember(reply, conversation_->count() - 1);
    showNotice(u"Opened trace "_s + QString::fromStdString(trace.traceId).left(12) + u" from "_s +
               format::timestamp(s.start) +
               u". Continue the conversation, or Edit last message to change and resend it."_s);
}

// One recorded turn as a bubble: its text, images and tool calls (answered already, so read-only).
void PlaygroundPanel::addTurn(const Message& m)
{
    remember(m, conversation_->count());
    MessageBubble* bubble = conversation_->add(kindOf(m.role), titleOf(m), shownText(m));
    bubble->showImages(m.images);
    if (!m.toolCalls.empty())
        bubble->showToolCalls(m.toolCalls, form_->tools(), false);
}

void PlaygroundPanel::showNotice(const QString& text)
{
    notice_->setText(text);
    notice_->setVisible(true);
}

QString PlaygroundPanel::noticeText() const
{
    return notice_->isHidden() ? QString() : notice_->text();
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
    return u"Assistant · "_s + form_->model() +
           (form_->provider() == u"simulated"_s ? u" (simulated)"_s : QString());
}

} // namespace ts::ui
