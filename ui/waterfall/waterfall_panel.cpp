#include "waterfall/waterfall_panel.h"

#include "bridge/store_watcher.h"
#include "waterfall/span_category.h"
#include "waterfall/span_detail_table.h"
#include "waterfall/waterfall_loader.h"
#include "waterfall/waterfall_text.h"
#include "waterfall/waterfall_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QToolButton* button(const QString& text, const QString& tip, QWidget* parent)
{
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(false);
    return b;
}

// Colour chips for the kinds of span, and the marks drawn on bars.
QString legendHtml()
{
    QString html;
    for (auto c : {SpanCategory::LlmCall, SpanCategory::Guard, SpanCategory::Cache, SpanCategory::Route,
                   SpanCategory::Tool, SpanCategory::Request})
        html += u"<span style=\"color:"_s % categoryColor(c).name() % u"\">■</span>&nbsp;"_s % categoryName(c) %
                u"&nbsp;&nbsp; "_s;
    return html % u"<span style=\"color:#d64545\">▨</span>&nbsp;error&nbsp;&nbsp; <b>━</b>&nbsp;critical path&nbsp;&nbsp; "
                  u"<b>▼</b>&nbsp;first token&nbsp;&nbsp; <b>┆</b>&nbsp;chunks"_s;
}

} // namespace

WaterfallPanel::WaterfallPanel(std::shared_ptr<TraceStore> store, QWidget* parent)
    : QWidget(parent), loader_(new WaterfallLoader(store, this)), watcher_(new StoreWatcher(store, this)),
      header_(new QLabel(this)), traceBox_(new QLineEdit(this)), stack_(new QStackedWidget(this)),
      notice_(new QLabel(this)), view_(new WaterfallView(this)), detail_(new SpanDetailTable(this))
{
    header_->setTextFormat(Qt::RichText);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    notice_->setAlignment(Qt::AlignCenter);
    notice_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addWidget(header_);
    layout->addWidget(buildToolbar());
    layout->addWidget(buildBody(), 1);
    auto* legend = new QLabel(legendHtml(), this);
    legend->setTextFormat(Qt::RichText);
    legend->setToolTip(u"Ctrl+wheel or +/− zooms, drag or Shift+wheel pans, 0 fits, double-click zooms to a span"_s);
    layout->addWidget(legend);
    connectLoader();
    // An empty workspace gets its first traces: show the largest of them.
    connect(watcher_, &StoreWatcher::tracesChanged, this, [this] {
        if (emptyWorkspace_ && !loading_)
            showLargestRecent();
    });
    showNotice(u"No trace yet."_s);
}

WaterfallPanel::~WaterfallPanel() = default;

QWidget* WaterfallPanel::buildToolbar()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 4, 0, 4);
    auto* fit = button(u"Fit"_s, u"Show the whole trace (0)"_s, bar);
    auto* zoomIn = button(u"Zoom in"_s, u"Zoom in (+, Ctrl+wheel)"_s, bar);
    auto* zoomOut = button(u"Zoom out"_s, u"Zoom out (−, Ctrl+wheel)"_s, bar);
    critical_ = button(u"Critical path"_s, u"Draw the chain of spans the trace's end waited on"_s, bar);
    critical_->setCheckable(true);
    critical_->setChecked(true);
    connect(fit, &QToolButton::clicked, view_, &WaterfallView::fit);
    connect(zoomIn, &QToolButton::clicked, view_, &WaterfallView::zoomIn);
    connect(zoomOut, &QToolButton::clicked, view_, &WaterfallView::zoomOut);
    connect(critical_, &QToolButton::toggled, view_, &WaterfallView::setCriticalPathShown);
    traceBox_->setPlaceholderText(u"Trace id"_s);
    traceBox_->setClearButtonEnabled(true);
    traceBox_->setMinimumWidth(290); // a whole 32-hex-digit trace id
    connect(traceBox_, &QLineEdit::returnPressed, this, [this] {
        if (!traceBox_->text().trimmed().isEmpty())
            showTrace(traceBox_->text().trimmed());
    });
    auto* largest = button(u"Largest recent"_s, u"The trace with the most spans among the 500 newest"_s, bar);
    connect(largest, &QToolButton::clicked, this, &WaterfallPanel::showLargestRecent);
    for (QWidget* w : std::initializer_list<QWidget*>{fit, zoomIn, zoomOut, critical_})
        row->addWidget(w);
    row->addStretch(1);
    row->addWidget(traceBox_);
    row->addWidget(largest);
    return bar;
}

QWidget* WaterfallPanel::buildBody()
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(view_);
    splitter->addWidget(detail_);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({1000, 380});
    splitter->setChildrenCollapsible(false);
    stack_->addWidget(notice_);
    stack_->addWidget(splitter);
    connect(view_, &WaterfallView::selectionChanged, this, [this](int row) { detail_->showRow(data_.get(), row); });
    return stack_;
}

void WaterfallPanel::connectLoader()
{
    connect(loader_, &WaterfallLoader::loaded, this, &WaterfallPanel::onLoaded);
    connect(loader_, &WaterfallLoader::missing, this, [this](const QString& traceId) {
        loading_ = false;
        emptyWorkspace_ = traceId.isEmpty();
        showNotice(traceId.isEmpty() ? u"No traces in this workspace yet: send a request from the Playground or "
                                       u"through the gateway, and the largest recent trace shows here."_s
                                     : u"No trace with id "_s % traceId % u" in this workspace."_s);
    });
    connect(loader_, &WaterfallLoader::failed, this, [this](const QString& reason) {
        loading_ = false;
        showNotice(u"Could not read the trace: "_s % reason);
    });
}

void WaterfallPanel::showTrace(const QString& traceId)
{
    startLoading();
    traceBox_->setText(traceId);
    loader_->load(traceId);
}

void WaterfallPanel::showLargestRecent()
{
    startLoading();
    loader_->loadLargestRecent();
}

void WaterfallPanel::startLoading()
{
    requested_ = true;
    loading_ = true;
    emptyWorkspace_ = false;
    if (!data_) { // a trace on screen stays until the next one is ready
        showNotice(u"Loading…"_s);
        header_->setText(u"<b>Waterfall</b> · loading…"_s);
    }
}

void WaterfallPanel::onLoaded(std::shared_ptr<const WaterfallData> data)
{
    loading_ = false;
    data_ = std::move(data);
    header_->setText(waterfalltext::headline(*data_));
    traceBox_->setText(QString::fromStdString(data_->trace->traceId));
    view_->setData(data_);
    stack_->setCurrentIndex(1);
    if (!data_->rows.empty())
        view_->selectRow(0);
    Q_EMIT traceShown(QString::fromStdString(data_->trace->traceId));
}

void WaterfallPanel::showNotice(const QString& text)
{
    notice_->setText(text);
    stack_->setCurrentIndex(0);
    if (!loading_) {
        data_.reset();
        view_->clear();
        header_->setText(u"<b>Waterfall</b>"_s);
    }
}

void WaterfallPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!requested_)
        showLargestRecent();
}

QString WaterfallPanel::headerText() const { return header_->text(); }
QString WaterfallPanel::noticeText() const { return stack_->currentIndex() == 0 ? notice_->text() : QString(); }

QString WaterfallPanel::shownTraceId() const
{
    return data_ ? QString::fromStdString(data_->trace->traceId) : QString();
}

std::vector<std::string> WaterfallPanel::criticalPathSpanIds() const
{
    std::vector<std::string> ids;
    if (data_)
        for (std::uint32_t span : data_->criticalSpans)
            ids.push_back(data_->trace->spans[span].spanId);
    return ids;
}

std::optional<double> WaterfallPanel::firstTokenMs() const
{
    if (!data_ || !data_->firstToken)
        return std::nullopt;
    return nsToMs(*data_->firstToken - data_->trace->root()->start);
}

} // namespace ts::ui
