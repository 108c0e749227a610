#pragma once
#include "trace/filter.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace ts::ui {

// The traces filter: a line edit parsed ~300 ms after the last keystroke (Enter applies at once).
// A filter that does not parse is shown inline in red and the previous filter stays applied.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 300;

    explicit FilterBar(QWidget* parent = nullptr);

    QLineEdit* edit() const { return edit_; }
    QString errorText() const;  // empty while no error is shown
    QString appliedText() const { return applied_; } // the text of the filter last applied
    void setText(const QString& text); // applies at once
    void showError(const QString& reason);
    void clearError();

Q_SIGNALS:
    void filterChanged(const ts::TraceFilter& filter);

private:
    void apply();

    QLineEdit* edit_;
    QLabel* error_;
    QTimer debounce_;
    QString applied_;
};

} // namespace ts::ui
