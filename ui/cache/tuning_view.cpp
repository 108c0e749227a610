#include "cache/tuning_view.h"

#include "cache/cache_series.h"
#include "cache/cache_text.h"
#include "cache/pair_table.h"
#include "cache/semantic_threshold.h"
#include "charts/xy_curve_chart.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ts::ui::cachepanel {

namespace {

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setStyleSheet(u"font-weight: 600; margin-top: 6px;"_s);
    return label;
}

} // namespace

TuningView::TuningView(QWidget* parent)
    : QWidget(parent), chart_(new charts::XYCurveChart(this)), spin_(new QDoubleSpinBox(this)),
      slider_(new QSlider(Qt::Horizontal, this)), sentence_(new QLabel(this)),
      nearMisses_(new PairTable(u"No near misses: no question came within 0.05 below this threshold."_s, this)),
      riskiest_(new PairTable(u"No hits at this threshold."_s, this))
{
    chart_->showMessage(u"Comparing the recorded questions…"_s);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(chart_);
    splitter->addWidget(buildControls());
    splitter->setChildrenCollapsible(false);
    chart_->setMinimumWidth(420);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({460, 700});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    setThreshold(ts::cache::kLexicalThreshold);
}

QWidget* TuningView::buildControls()
{
    auto* box = new QWidget(this);
    spin_->setRange(ts::cache::kFirstThresholdPercent / 100.0, ts::cache::kLastThresholdPercent / 100.0);
    spin_->setSingleStep(0.01);
    spin_->setDecimals(2);
    spin_->setAccessibleName(u"Similarity threshold"_s);
    slider_->setRange(ts::cache::kFirstThresholdPercent, ts::cache::kLastThresholdPercent);
    slider_->setAccessibleName(u"Similarity threshold"_s);
    sentence_->setWordWrap(true);
    sentence_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sentence_->setStyleSheet(u"font-size: 14px; padding: 4px 0;"_s);
    auto* threshold = new QHBoxLayout;
    threshold->addWidget(new QLabel(u"Threshold"_s, box));
    threshold->addWidget(spin_);
    threshold->addWidget(slider_, 1);
    auto* hint = new QLabel(u"Questions compared with the built-in lexical embedder, within the same model, "
                            u"conversation and user, and with questions of the previous 24 hours (the semantic "
                            u"cache's time to live). Its default threshold is "_s +
                                text::threshold(ts::cache::kLexicalThreshold) + u'.',
                            box);
    hint->setWordWrap(true);
    hint->setStyleSheet(u"color: palette(mid);"_s);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addLayout(threshold);
    layout->addWidget(sentence_);
    layout->addWidget(hint);
    layout->addWidget(heading(u"Riskiest hits — different answers first, then the least similar"_s, box));
    layout->addWidget(riskiest_, 1);
    layout->addWidget(heading(u"Near misses — just below the threshold"_s, box));
    layout->addWidget(nearMisses_, 1);
    connect(spin_, &QDoubleSpinBox::valueChanged, this, &TuningView::setThreshold);
    connect(slider_, &QSlider::valueChanged, this, [this](int percent) { setThreshold(percent / 100.0); });
    connect(chart_, &charts::XYCurveChart::markerMoved, this, &TuningView::setThreshold);
    for (PairTable* table : {riskiest_, nearMisses_}) {
        connect(table, &QTableWidget::itemSelectionChanged, this, [this, table] {
            PairTable* other = table == riskiest_ ? nearMisses_ : riskiest_;
            if (table->currentPair()) {
                const QSignalBlocker block(other);
                other->clearSelection();
            }
            Q_EMIT pairChosen(table->tuning(), table->currentPair());
        });
    }
    return box;
}

double TuningView::threshold() const { return spin_->value(); }

QString TuningView::sentence() const { return sentence_->text(); }

void TuningView::setThreshold(double value)
{
    const int percent = static_cast<int>(std::lround(value * 100));
    const QSignalBlocker blockSpin(spin_);
    const QSignalBlocker blockSlider(slider_);
    spin_->setValue(percent / 100.0);
    slider_->setValue(percent);
    chart_->setMarker(spin_->value());
    refreshFigures();
}

void TuningView::setTuning(std::shared_ptr<const ts::cache::TuningResult> tuning)
{
    tuning_ = std::move(tuning);
    if (tuning_->matches.empty())
        chart_->showMessage(tuning_->requests.empty()
                                ? u"No recorded request ends with a user's question: nothing to compare yet."_s
                                : u"No question was asked twice within 24 hours in the same model, conversation and user, "
                                  u"so no threshold would have served anything from a semantic cache."_s);
    else
        chart_->setData(tuningCurves(*tuning_));
    chart_->setMarker(threshold());
    refreshFigures();
}

void TuningView::refreshFigures()
{
    if (!tuning_) {
        sentence_->setText(u"Comparing the recorded questions…"_s);
        return;
    }
    const auto t = static_cast<float>(std::lround(threshold() * 100)) / 100.0f;
    sentence_->setText(text::tuningSentence(tuning_->at(t)));
    riskiest_->setPairs(tuning_, tuning_->riskiestHits(t, kListed));
    nearMisses_->setPairs(tuning_, tuning_->nearMisses(t, kListed));
}

} // namespace ts::ui::cachepanel
