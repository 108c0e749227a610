#pragma once
#include "waterfall/waterfall_data.h"

#include <QTableWidget>

namespace ts::ui {

// The selected span beside the waterfall: what the waterfall knows of it (critical time, first
// token, chunks, attempt), then its status, attributes and events as the Traces panel lists them.
class SpanDetailTable : public QTableWidget
{
    Q_OBJECT
public:
    explicit SpanDetailTable(QWidget* parent = nullptr);

    void showRow(const WaterfallData* data, int row); // row < 0: empty
    QString valueOf(const QString& key) const;        // the first row with that key, for tests

private:
    void addRow(const QString& key, const QString& value);
    void addWaterfallRows(const WaterfallData& data, std::size_t row);
};

} // namespace ts::ui
