#pragma once
#include "cache/threshold_tuning.h"

#include <QWidget>

#include <memory>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace ts::ui::charts {
class XYCurveChart;
}

namespace ts::ui::cachepanel {

class PairTable;

// What a similarity threshold would have done to the recorded traffic: the curve, the figures at the
// chosen threshold in a sentence, and the pairs to review before choosing it.
class TuningView : public QWidget
{
    Q_OBJECT
public:
    static constexpr std::size_t kListed = 50;

    explicit TuningView(QWidget* parent = nullptr);

    void setTuning(std::shared_ptr<const ts::cache::TuningResult> tuning);
    void setThreshold(double value); // rounded to 0.01
    double threshold() const;
    QString sentence() const;
    charts::XYCurveChart* chart() const { return chart_; }
    PairTable* nearMisses() const { return nearMisses_; }
    PairTable* riskiestHits() const { return riskiest_; }

Q_SIGNALS:
    // A pair was chosen in either list (nullptr: none).
    void pairChosen(const ts::cache::TuningResult* tuning, const ts::cache::TuningPair* pair);

private:
    QWidget* buildControls();
    void refreshFigures();

    std::shared_ptr<const ts::cache::TuningResult> tuning_;
    charts::XYCurveChart* chart_;
    QDoubleSpinBox* spin_;
    QSlider* slider_;
    QLabel* sentence_;
    PairTable* nearMisses_;
    PairTable* riskiest_;
};

} // namespace ts::ui::cachepanel
