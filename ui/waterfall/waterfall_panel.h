#pragma once
#include "waterfall/waterfall_data.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QToolButton;

namespace ts {
class TraceStore;
}

namespace ts::ui {

class SpanDetailTable;
class StoreWatcher;
class WaterfallLoader;
class WaterfallView;

// The Waterfall panel: one trace on a time axis. A header line (name, model, duration, spans, errors,
// critical path), a toolbar (fit, zoom, critical path, a trace id box, "largest recent"), the view,
// and the selected span's attributes. Traces are read and laid out off the GUI thread; until one is
// in, the panel says "Loading…". Shown without a trace asked for, it opens the largest recent one.
class WaterfallPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WaterfallPanel(std::shared_ptr<TraceStore> store, QWidget* parent = nullptr);
    ~WaterfallPanel() override;

    void showTrace(const QString& traceId);
    void showLargestRecent();

    WaterfallView* view() const { return view_; }
    SpanDetailTable* detailTable() const { return detail_; }
    QLineEdit* traceBox() const { return traceBox_; }
    QString headerText() const;
    QString noticeText() const;
    bool loading() const { return loading_; }
    bool settled() const { return requested_ && !loading_; } // a trace or a notice is on screen
    QString shownTraceId() const;
    std::vector<std::string> criticalPathSpanIds() const;
    std::optional<double> firstTokenMs() const; // the trace's, since its root started

Q_SIGNALS:
    void traceShown(const QString& traceId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildToolbar();
    QWidget* buildBody();
    void connectLoader();
    void startLoading();
    void onLoaded(std::shared_ptr<const WaterfallData> data);
    void showNotice(const QString& text);

    WaterfallLoader* loader_;
    StoreWatcher* watcher_;
    QLabel* header_;
    QLineEdit* traceBox_;
    QToolButton* critical_ = nullptr;
    QStackedWidget* stack_;
    QLabel* notice_;
    WaterfallView* view_;
    SpanDetailTable* detail_;
    std::shared_ptr<const WaterfallData> data_;
    bool requested_ = false; // something was asked for: the first show need not pick a trace
    bool loading_ = false;
    bool emptyWorkspace_ = false;
};

} // namespace ts::ui
