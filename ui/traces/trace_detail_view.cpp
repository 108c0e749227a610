#include "traces/trace_detail_view.h"

#include "common/format.h"
#include "traces/conversation_html.h"
#include "traces/exchange_view.h"
#include "traces/span_view.h"
#include "traces/trace_columns.h"
#include "traces/trace_detail_loader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStringList>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

// Escaped, with non-breaking spaces: a narrow pane wraps the header between items, not inside one.
QString nowrap(const QString& text) { return text.toHtmlEscaped().replace(u' ', u"&nbsp;"_s); }
QString nowrap(const std::string& text) { return nowrap(QString::fromStdString(text)); }

QString statusHtml(const TraceSummary& s)
{
    const QString color = s.status == "ok" ? u"#2e8b57"_s : s.status == "error" ? u"#c82828"_s : u"#b07000"_s;
    return u"<b style='color:"_s % color % u"'>"_s % nowrap(s.status) % u"</b>"_s;
}

QString modelHtml(const TraceSummary& s)
{
    const QString model = u"<b>"_s % nowrap(s.model) % u"</b>"_s;
    return s.provider.empty() ? model : model % u"&nbsp;(" % nowrap(s.provider) % u')';
}

QString tokensText(const TraceSummary& s)
{
    return format::tokens(s.inputTokens) % u" → "_s % format::tokens(s.outputTokens) % u" tokens"_s;
}

} // namespace

QString traceHeaderHtml(const TraceSummary& s)
{
    const QString ttft = s.ttftMs ? format::duration(*s.ttftMs) : u"—"_s;
    QStringList items{u"<span style='font-family:monospace'>"_s % nowrap(s.traceId) % u"</span>"_s,
                      nowrap(format::timestamp(s.start)), modelHtml(s)};
    if (s.simulated) // next to the model, so it never wraps away from it
        items << u"<b style='color:#8054be'>SIMULATED</b>"_s;
    items << statusHtml(s) << nowrap(tokensText(s)) << nowrap(format::cost(s.costUsd)) << nowrap(u"TTFT "_s % ttft)
          << nowrap(u"total "_s % format::duration(s.durationMs));
    return items.join(u"&nbsp;&nbsp;·&nbsp; "_s); // the only place a line may break: after a dot
}

TraceDetailView::TraceDetailView(std::shared_ptr<TraceStore> store, QWidget* parent)
    : QWidget(parent), stack_(new QStackedWidget), notice_(new QLabel), header_(new QLabel),
      openInPlayground_(new QPushButton(u"Open in playground"_s)), tabs_(new QTabWidget), spans_(new SpanView),
      messages_(new QTextBrowser), exchange_(new ExchangeView)
{
    if (store) {
        loader_ = new TraceDetailLoader(std::move(store), this);
        connect(loader_, &TraceDetailLoader::traceLoaded, this, &TraceDetailView::setTrace);
        connect(loader_, &TraceDetailLoader::traceMissing, this,
                [this](const QString& id) { showNotice(u"Trace "_s % id % u" is no longer in the workspace."_s); });
        connect(loader_, &TraceDetailLoader::failed, this,
                [this](const QString&, const QString& reason) { showNotice(u"Could not load the trace: "_s % reason); });
    }
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildHeader());
    layout->addWidget(buildTabs(), 1);
    notice_->setAlignment(Qt::AlignCenter);
    notice_->setWordWrap(true);
    stack_->addWidget(notice_);
    stack_->addWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(stack_);
    clear();
}

TraceDetailView::~TraceDetailView() = default;

QWidget* TraceDetailView::buildHeader()
{
    auto* bar = new QWidget;
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(6, 4, 6, 4);
    header_->setTextFormat(Qt::RichText);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    header_->setWordWrap(true); // else its one long line sets the window's minimum width
    layout->addWidget(header_, 1);
    layout->addWidget(openInPlayground_);
    openInPlayground_->setToolTip(u"Open this conversation in the playground to try it again"_s);
    connect(openInPlayground_, &QPushButton::clicked, this, [this] {
        if (trace_)
            Q_EMIT openInPlayground(*trace_);
    });
    return bar;
}

QWidget* TraceDetailView::buildTabs()
{
    messages_->setOpenLinks(false);
    tabs_->setDocumentMode(true);
    tabs_->addTab(spans_, u"Spans"_s);
    tabs_->addTab(messages_, u"Messages"_s);
    tabs_->addTab(exchange_, u"Raw exchange"_s);
    return tabs_;
}

void TraceDetailView::loadTrace(const QString& traceId)
{
    if (!loader_)
        return;
    if (!trace_)
        showNotice(u"Loading…"_s); // otherwise the previous trace stays until this one is in
    loader_->load(traceId);
}

void TraceDetailView::setTrace(const Trace& trace)
{
    trace_ = trace;
    header_->setText(traceHeaderHtml(trace.summary));
    header_->setToolTip(traces::rowToolTip(trace.summary));
    spans_->setTrace(trace);
    messages_->setHtml(conversationHtml(trace));
    exchange_->setTrace(trace);
    tabs_->setTabText(2, u"Raw exchange ("_s % QString::number(trace.exchanges.size()) % u')');
    stack_->setCurrentIndex(1);
    Q_EMIT traceShown(QString::fromStdString(trace.traceId));
}

void TraceDetailView::clear()
{
    trace_.reset();
    spans_->clear();
    messages_->clear();
    exchange_->clear();
    showNotice(u"Select a trace to see its spans, messages and raw exchange."_s);
}

void TraceDetailView::showNotice(const QString& text)
{
    notice_->setText(text);
    stack_->setCurrentIndex(0);
}

QString TraceDetailView::headerText() const { return header_->text(); }

} // namespace ts::ui
