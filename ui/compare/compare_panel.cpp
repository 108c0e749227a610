#include "compare/compare_panel.h"

#include "compare/answer_diff.h"
#include "compare/compare_column.h"
#include "compare/compare_prompt.h"
#include "compare/compare_session.h"
#include "compare/compare_summary.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

const std::pair<QString, QString> kDefaultPicks[] = {{u"simulated"_s, u"gpt-4o-mini"_s},
                                                     {u"simulated"_s, u"claude-sonnet-4"_s},
                                                     {u"simulated"_s, u"gemini-2.5-flash"_s}};

ChatRequest requestFor(const CompareColumn& column, const QString& system, const QString& user)
{
    ChatRequest r;
    r.provider = column.provider().toStdString();
    r.model = column.model().toStdString();
    if (!system.trimmed().isEmpty())
        r.messages.push_back({Role::System, system.toStdString()});
    r.messages.push_back({Role::User, user.toStdString()});
    return r;
}

// A new column offers a model no other column shows yet.
std::optional<std::pair<QString, QString>> firstUnused(const ModelChoices& choices,
                                                       const std::vector<CompareColumn*>& columns)
{
    for (const auto& [provider, models] : choices)
        for (const QString& m : models)
            if (std::ranges::none_of(columns, [&](const CompareColumn* c) {
                    return c->provider() == provider && c->model() == m;
                }))
                return std::pair{provider, m};
    return std::nullopt;
}

QLabel* noEngineNotice(QWidget* parent)
{
    auto* label = new QLabel(u"Compare needs the engine to send requests, and none was given to this "
                             "panel. Start Tokenscope normally (not as a viewer) to compare models."_s,
                             parent);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    return label;
}

} // namespace

ComparePanel::ComparePanel(std::shared_ptr<Pipeline> pipeline, QWidget* parent)
    : QWidget(parent), pipeline_(std::move(pipeline))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    if (!pipeline_) {
        layout->addWidget(noEngineNotice(this));
        return;
    }
    session_ = new CompareSession(pipeline_, this);
    build();
    wire();
    resetColumns();
    updateState();
}

ComparePanel::~ComparePanel()
{
    delete session_; // stops and waits for the workers before the columns go
}

void ComparePanel::build()
{
    prompt_ = new ComparePrompt(this);
    columnsBox_ = new QWidget(this);
    columnsRow_ = new QHBoxLayout(columnsBox_);
    columnsRow_->setContentsMargins(0, 0, 0, 0);
    diff_ = new AnswerDiff(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(prompt_);
    split->addWidget(columnsBox_);
    split->addWidget(diff_);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 1);
    split->setSizes({120, 470, 190});
    layout()->addWidget(split);
}

void ComparePanel::wire()
{
    connect(prompt_, &ComparePrompt::sendRequested, this, &ComparePanel::send);
    connect(prompt_, &ComparePrompt::stopRequested, this, &ComparePanel::stopAll);
    connect(prompt_, &ComparePrompt::addColumnRequested, this, [this] { addColumn(); });
    connect(session_, &CompareSession::textArrived, this, [this](int c, const QString& delta) {
        columns_[static_cast<std::size_t>(c)]->appendText(delta);
    });
    connect(session_, &CompareSession::finished, this, &ComparePanel::onFinished);
    connect(session_, &CompareSession::allFinished, this, &ComparePanel::onAllFinished);
    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)})
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &ComparePanel::send);
    connect(new QShortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this,
            &ComparePanel::stopAll);
}

void ComparePanel::resetColumns()
{
    while (columnCount() > 0) {
        CompareColumn* c = columns_.back();
        columns_.pop_back();
        delete c;
    }
    outcomes_.clear();
    for (const auto& [provider, model] : kDefaultPicks)
        addColumn(provider, model);
}

bool ComparePanel::addColumn(const QString& provider, const QString& model)
{
    if (!session_ || columnCount() >= kMaxColumns || busy())
        return false;
    const ModelChoices choices = modelChoices(pipeline_->providers());
    auto* c = new CompareColumn(choices, columnsBox_);
    if (!provider.isEmpty())
        c->selectModel(provider, model);
    else if (const auto unused = firstUnused(choices, columns_))
        c->selectModel(unused->first, unused->second);
    columns_.push_back(c);
    outcomes_.emplace_back();
    columnsRow_->addWidget(c, 1);
    connect(c, &CompareColumn::removeRequested, this, [this, c] {
        const auto it = std::ranges::find(columns_, c);
        if (it != columns_.end())
            removeColumn(static_cast<int>(it - columns_.begin()));
    });
    connect(c, &CompareColumn::modelChanged, this, &ComparePanel::updateDiff);
    updateState();
    return true;
}

void ComparePanel::refreshModels()
{
    if (!pipeline_)
        return;
    const ModelChoices choices = modelChoices(pipeline_->providers());
    for (CompareColumn* c : columns_)
        c->setChoices(choices);
}

void ComparePanel::removeColumn(int index)
{
    if (busy() || columnCount() <= kMinColumns || index < 0 || index >= columnCount())
        return;
    CompareColumn* c = columns_[static_cast<std::size_t>(index)];
    columns_.erase(columns_.begin() + index);
    outcomes_.erase(outcomes_.begin() + index);
    c->hide();
    c->deleteLater(); // it may be the sender of the click that got us here
    updateState();
}

CompareColumn* ComparePanel::column(int index) const
{
    return index >= 0 && index < columnCount() ? columns_[static_cast<std::size_t>(index)] : nullptr;
}

QString ComparePanel::status() const { return prompt_ ? prompt_->status() : QString(); }

void ComparePanel::setPrompt(const QString& user, const QString& system)
{
    if (prompt_)
        prompt_->setPrompt(user, system);
}

void ComparePanel::send()
{
    if (!session_ || busy())
        return;
    const QString user = prompt_->userPrompt();
    if (user.trimmed().isEmpty()) {
        prompt_->setStatus(u"Write a prompt first."_s);
        return;
    }
    std::vector<ChatRequest> requests;
    for (CompareColumn* c : columns_)
        requests.push_back(requestFor(*c, prompt_->systemPrompt(), user));
    outcomes_.assign(columns_.size(), std::nullopt);
    for (CompareColumn* c : columns_)
        c->begin();
    const QString id = session_->start(std::move(requests));
    sent_ = true;
    prompt_->setStatus(u"Streaming "_s + QString::number(columnCount()) + u" answers…  ·  session "_s + id);
    updateState();
}

void ComparePanel::stopAll()
{
    if (session_)
        session_->stopAll();
}

void ComparePanel::runExample()
{
    if (!session_ || busy())
        return;
    resetColumns();
    setPrompt(u"Explain in three sentences why LLM responses are streamed token by token."_s);
    send();
}

bool ComparePanel::busy() const { return session_ && session_->busy(); }
bool ComparePanel::allFinished() const { return !session_ || (sent_ && !busy()); }

void ComparePanel::onFinished(int column, const CompareOutcome& outcome)
{
    columns_[static_cast<std::size_t>(column)]->finish(outcome);
    outcomes_[static_cast<std::size_t>(column)] = outcome;
    Q_EMIT columnFinished(column, outcome);
}

void ComparePanel::onAllFinished()
{
    const auto best = bestPerMetric(outcomes_);
    QStringList titles;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        columns_[i]->setEmphasis(best[i]);
        titles << columns_[i]->model();
    }
    prompt_->setStatus(compareSummary(outcomes_, titles, session_->sessionId()));
    updateState(); // also diffs the finished answers
    Q_EMIT comparisonFinished();
}

void ComparePanel::updateState()
{
    const bool running = busy();
    prompt_->setBusy(running);
    prompt_->setCanAddColumn(!running && columnCount() < kMaxColumns);
    for (CompareColumn* c : columns_)
        c->setRemovable(!running && columnCount() > kMinColumns);
    updateDiff();
}

void ComparePanel::updateDiff()
{
    std::vector<DiffAnswer> answers;
    for (std::size_t i = 0; i < columns_.size(); ++i)
        answers.push_back({columns_[i]->model(), columns_[i]->text(),
                           outcomes_[i].has_value() && !columns_[i]->streaming()});
    diff_->setAnswers(answers);
}

} // namespace ts::ui
