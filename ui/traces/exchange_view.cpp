#include "traces/exchange_view.h"

#include "common/format.h"
#include "providers/curl_command.h"
#include "traces/exchange_text.h"

#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QPlainTextEdit* codeEdit()
{
    auto* edit = new QPlainTextEdit;
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

QTableWidget* chunkTable()
{
    auto* table = new QTableWidget(0, 2);
    table->setHorizontalHeaderLabels({u"Arrived"_s, u"Data"_s});
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnWidth(0, 90);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return table;
}

QLabel* emptyLabel()
{
    auto* label = new QLabel(u"No raw exchange was recorded for this trace "
                             "(a cache hit, or traffic imported without wire data)."_s);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    return label;
}

} // namespace

ExchangeView::ExchangeView(QWidget* parent)
    : QWidget(parent), stack_(new QStackedWidget), calls_(new QComboBox),
      copyCurl_(new QPushButton(u"Copy as curl"_s)), request_(codeEdit()), chunks_(chunkTable()),
      response_(codeEdit())
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildCallBar());
    layout->addWidget(buildPanes(), 1);
    stack_->addWidget(emptyLabel());
    stack_->addWidget(page);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(stack_);
}

QWidget* ExchangeView::buildCallBar()
{
    auto* bar = new QWidget;
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(calls_, 1);
    layout->addWidget(copyCurl_);
    copyCurl_->setToolTip(u"Copy a curl command that sends this request again (keys stay out of it)"_s);
    connect(calls_, &QComboBox::currentIndexChanged, this, &ExchangeView::showCall);
    connect(copyCurl_, &QPushButton::clicked, this, &ExchangeView::copyAsCurl);
    return bar;
}

QWidget* ExchangeView::buildPanes()
{
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(captioned(u"Request"_s, request_));
    splitter->addWidget(captioned(u"Streamed chunks"_s, chunks_, &chunksCaption_));
    splitter->addWidget(captioned(u"Response"_s, response_));
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({420, 380, 300});
    return splitter;
}

QWidget* ExchangeView::captioned(const QString& caption, QWidget* content, QLabel** label)
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* title = new QLabel(u"<b>"_s % caption % u"</b>"_s);
    layout->addWidget(title);
    layout->addWidget(content, 1);
    if (label)
        *label = title;
    return box;
}

void ExchangeView::setTrace(const Trace& trace)
{
    exchanges_ = trace.exchanges;
    spanStarts_.clear();
    const Span* root = trace.root();
    for (const Exchange& e : exchanges_) {
        const Span* span = trace.findSpan(e.spanId);
        spanStarts_.push_back(span ? span->start : root ? root->start : 0);
    }
    const QSignalBlocker block(calls_);
    calls_->clear();
    for (size_t i = 0; i < exchanges_.size(); ++i)
        calls_->addItem(exchange_text::title(exchanges_[i], static_cast<int>(i)));
    stack_->setCurrentIndex(exchanges_.empty() ? 0 : 1);
    if (!exchanges_.empty())
        showCall(0);
}

void ExchangeView::clear() { setTrace({}); }

void ExchangeView::showCall(int index)
{
    if (index < 0 || static_cast<size_t>(index) >= exchanges_.size())
        return;
    const Exchange& e = exchanges_[static_cast<size_t>(index)];
    request_->setPlainText(exchange_text::request(e));
    response_->setPlainText(exchange_text::response(e));
    fillChunks(e, spanStarts_[static_cast<size_t>(index)]);
}

void ExchangeView::fillChunks(const Exchange& e, Nanos requestStart)
{
    chunks_->setRowCount(static_cast<int>(e.chunks.size()));
    for (int row = 0; row < chunks_->rowCount(); ++row) {
        const Exchange::Chunk& chunk = e.chunks[static_cast<size_t>(row)];
        auto* at = new QTableWidgetItem(format::offset(nsToMs(chunk.at - requestStart)));
        at->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        chunks_->setItem(row, 0, at);
        chunks_->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(chunk.data).trimmed()));
    }
    chunksCaption_->setText(u"<b>Streamed chunks</b> ("_s % format::grouped(chunks_->rowCount()) % u")"_s);
}

QString ExchangeView::currentCurlCommand() const
{
    const int index = calls_->currentIndex();
    if (index < 0 || static_cast<size_t>(index) >= exchanges_.size())
        return {};
    return QString::fromStdString(curlCommand(exchanges_[static_cast<size_t>(index)]));
}

void ExchangeView::copyAsCurl()
{
    const QString command = currentCurlCommand();
    if (command.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(command);
    copyCurl_->setText(u"Copied"_s);
    QTimer::singleShot(1500, copyCurl_, [button = copyCurl_] { button->setText(u"Copy as curl"_s); });
}

} // namespace ts::ui
