#pragma once
#include <QWidget>

#include <string>
#include <utility>
#include <vector>

class QTableWidget;

namespace ts::ui {

// A profile's custom, non-secret HTTP headers: name/value rows with Add and Remove.
class HeadersTable : public QWidget
{
    Q_OBJECT
public:
    using Headers = std::vector<std::pair<std::string, std::string>>;
    explicit HeadersTable(QWidget* parent = nullptr);

    void setHeaders(const Headers& headers);
    Headers headers() const; // rows with an empty name are left out
    QTableWidget* table() const { return table_; }

Q_SIGNALS:
    void changed();

private:
    QTableWidget* table_;
};

} // namespace ts::ui
