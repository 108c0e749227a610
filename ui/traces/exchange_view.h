#pragma once
#include "model/trace.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace ts::ui {

// The "Raw exchange" tab: per model call, the request (line, headers, pretty JSON body), the streamed
// chunks with their arrival time after the request started, the response, and "Copy as curl".
class ExchangeView : public QWidget
{
    Q_OBJECT
public:
    explicit ExchangeView(QWidget* parent = nullptr);

    void setTrace(const Trace& trace);
    void clear();
    int callCount() const { return static_cast<int>(exchanges_.size()); }
    QString currentCurlCommand() const;

public Q_SLOTS:
    void showCall(int index);
    void copyAsCurl();

private:
    QWidget* buildCallBar();
    QWidget* buildPanes();
    QWidget* captioned(const QString& caption, QWidget* content, QLabel** label = nullptr);
    void fillChunks(const Exchange& exchange, Nanos requestStart);

    std::vector<Exchange> exchanges_;
    std::vector<Nanos> spanStarts_; // when each call's request started
    QStackedWidget* stack_;
    QComboBox* calls_;
    QPushButton* copyCurl_;
    QPlainTextEdit* request_;
    QTableWidget* chunks_;
    QLabel* chunksCaption_ = nullptr;
    QPlainTextEdit* response_;
};

} // namespace ts::ui
