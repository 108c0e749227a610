#pragma once
#include "model/trace.h"
#include "trace/store.h"

#include <QColor>
#include <QString>
#include <QVariant>

#include <array>
#include <optional>

// What each column of the traces table shows. Pure functions of a TraceSummary, so cell text can be
// built off the GUI thread when a page arrives, and tested without a view.
namespace ts::ui::traces {

enum Column { Time, Name, Model, Provider, Status, InputTokens, OutputTokens, Cost, Ttft, Duration, Source, ColumnCount };

// A summary with its cell text already formatted.
struct RowData
{
    TraceSummary summary;
    std::array<QString, ColumnCount> text;
    bool missing = false; // listed, but gone from the store by the time its page was fetched
};

RowData makeRow(TraceSummary summary);
RowData missingRow(std::int64_t rowId);

QString columnTitle(int column);
QString columnToolTip(int column);
bool isNumeric(int column);
std::optional<TraceOrderKey> orderKeyFor(int column);
int columnFor(TraceOrderKey key);

QString rowToolTip(const TraceSummary& summary);
std::optional<QColor> foreground(const RowData& row, int column);
std::optional<QColor> background(const TraceSummary& summary);

} // namespace ts::ui::traces
