#pragma once
#include "compare/compare_outcome.h"

#include <QWidget>

class QLabel;

namespace ts::ui {

// The figures under one answer, caption over value: tokens in → out, cost, TTFT, tokens/s, total
// time, trace id. The best value of a metric across the columns is set in bold.
class CompareFigures : public QWidget
{
    Q_OBJECT
public:
    explicit CompareFigures(QWidget* parent = nullptr);

    void clear();
    void setOutcome(const CompareOutcome& outcome);
    void setEmphasis(const Emphasis& emphasis);
    Emphasis emphasis() const { return emphasis_; }
    QString text() const; // "Tokens 12 → 220 · Cost $0.0001 · ...", for tests and copying

private:
    enum Field { Tokens, Cost, Ttft, Speed, Total, Trace, FieldCount };
    QLabel* captions_[FieldCount] = {};
    QLabel* values_[FieldCount] = {};
    Emphasis emphasis_;
};

} // namespace ts::ui
