#pragma once
#include "drift/drift_windows.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace ts::ui::drift {

// The two windows' lengths (current, and the baseline just before it; Auto splits the filter's time range)
// and, beside them, the dates they cover as last read.
class DriftWindowBar : public QWidget
{
    Q_OBJECT
public:
    explicit DriftWindowBar(QWidget* parent = nullptr);

    WindowChoice choice() const;
    // Picks these lengths (adding an entry for a length the lists lack); emits choiceChanged when it moves.
    void setChoice(const WindowChoice& choice);
    void showWindows(const DriftWindows& windows);

    QComboBox* currentBox() const { return current_; }
    QComboBox* baselineBox() const { return baseline_; }
    QString datesText() const;

Q_SIGNALS:
    void choiceChanged();

private:
    QComboBox* current_;
    QComboBox* baseline_;
    QLabel* dates_;
};

} // namespace ts::ui::drift
