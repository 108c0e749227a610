#pragma once
#include "cache/threshold_tuning.h"

#include <QTableWidget>

#include <memory>

namespace ts::ui::cachepanel {

// Pairs of recorded questions side by side with their similarity and whether their answers differed.
class PairTable : public QTableWidget
{
    Q_OBJECT
public:
    enum Column { Similarity, Question, Earlier, Answers, ColumnCount };

    explicit PairTable(const QString& emptyText, QWidget* parent = nullptr);

    void setPairs(std::shared_ptr<const ts::cache::TuningResult> tuning, std::vector<ts::cache::TuningPair> pairs);
    // The pair on the current row, if any.
    const ts::cache::TuningPair* currentPair() const;
    const ts::cache::TuningResult* tuning() const { return tuning_.get(); }

private:
    void setCell(int row, int column, const QString& text, const QString& tip = {});

    QString emptyText_;
    std::shared_ptr<const ts::cache::TuningResult> tuning_;
    std::vector<ts::cache::TuningPair> pairs_;
};

} // namespace ts::ui::cachepanel
