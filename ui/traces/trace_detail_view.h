#pragma once
#include "model/trace.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;

namespace ts {
class TraceStore;
}

namespace ts::ui {

class ExchangeView;
class SpanView;
class TraceDetailLoader;

// One trace in detail: a header line (id, start, model, status, tokens, cost, TTFT), and tabs for the
// span tree, the conversation, and the raw exchange of each model call. loadTrace() reads the trace
// off the GUI thread; the newest request wins.
class TraceDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit TraceDetailView(std::shared_ptr<TraceStore> store, QWidget* parent = nullptr);
    ~TraceDetailView() override;

    void loadTrace(const QString& traceId);
    void setTrace(const Trace& trace);
    void clear();
    const std::optional<Trace>& trace() const { return trace_; }
    QString headerText() const;
    QTabWidget* tabs() const { return tabs_; }
    SpanView* spanView() const { return spans_; }
    ExchangeView* exchangeView() const { return exchange_; }
    QTextBrowser* messagesView() const { return messages_; }

Q_SIGNALS:
    void openInPlayground(const ts::Trace& trace);
    void traceShown(const QString& traceId);

private:
    QWidget* buildHeader();
    QWidget* buildTabs();
    void showNotice(const QString& text);

    std::optional<Trace> trace_;
    TraceDetailLoader* loader_ = nullptr;
    QStackedWidget* stack_;
    QLabel* notice_;
    QLabel* header_;
    QPushButton* openInPlayground_;
    QTabWidget* tabs_;
    SpanView* spans_;
    QTextBrowser* messages_;
    ExchangeView* exchange_;
};

// The header line of a trace as rich text.
QString traceHeaderHtml(const TraceSummary& summary);

} // namespace ts::ui
