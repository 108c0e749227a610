#include "charts/chart_frame.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStackedLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::charts {

ChartFrame::ChartFrame(QWidget* parent)
    : QWidget(parent), view_(new QChartView(new QChart, this)), message_(new QLabel(this)),
      stack_(new QStackedLayout(this))
{
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setMinimumHeight(200);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setBackgroundRoundness(0);
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);
    message_->setMargin(24);
    message_->setStyleSheet(u"color: palette(mid); font-size: 13px;"_s);
    stack_->addWidget(view_);
    stack_->addWidget(message_);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu;
        menu.addAction(u"Export PNG…"_s, this, [this] { exportWithDialog(true); })->setEnabled(hasChart());
        menu.addAction(u"Export CSV…"_s, this, [this] { exportWithDialog(false); })->setEnabled(hasChart());
        menu.exec(mapToGlobal(at));
    });
}

QChart* ChartFrame::chart() const { return view_->chart(); }

void ChartFrame::showMessage(const QString& text)
{
    message_->setText(text);
    stack_->setCurrentWidget(message_);
}

void ChartFrame::showChart() { stack_->setCurrentWidget(view_); }

bool ChartFrame::hasChart() const { return stack_->currentWidget() == view_; }

QString ChartFrame::message() const { return hasChart() ? QString() : message_->text(); }

void ChartFrame::clearChart()
{
    chart()->removeAllSeries();
    for (QAbstractAxis* axis : chart()->axes()) {
        chart()->removeAxis(axis);
        delete axis;
    }
}

bool ChartFrame::exportPng(const QString& file) const { return view_->grab().save(file, "PNG"); }

bool ChartFrame::exportCsv(const QString& file) const
{
    QFile out(file);
    return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(csv().toUtf8()) >= 0;
}

void ChartFrame::exportWithDialog(bool png)
{
    const QString filter = png ? u"PNG image (*.png)"_s : u"CSV (*.csv)"_s;
    const QString file = QFileDialog::getSaveFileName(this, png ? u"Export chart"_s : u"Export data"_s, {}, filter);
    if (!file.isEmpty() && !(png ? exportPng(file) : exportCsv(file)))
        QMessageBox::warning(this, u"Export"_s, u"Could not write "_s + file);
}

} // namespace ts::ui::charts
