#pragma once
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace ts::ui {

class LiveFilter;

// A live panel's filter row: time range, filter text (applied on Enter or after a pause in typing)
// and, under it, why a filter was not taken. Several bars may show one LiveFilter; each follows it.
class LiveFilterBar : public QWidget
{
    Q_OBJECT
public:
    LiveFilterBar(LiveFilter* filter, QWidget* parent = nullptr);

    QLineEdit* edit() const { return edit_; }
    QComboBox* range() const { return range_; }
    QLabel* error() const { return error_; }

private:
    void follow();

    LiveFilter* filter_;
    QComboBox* range_;
    QLineEdit* edit_;
    QLabel* error_;
};

} // namespace ts::ui
