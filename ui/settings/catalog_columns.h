#pragma once
#include "catalog/model_info.h"

#include <QString>
#include <QVariant>
#include <optional>

// The columns of the Models & prices table: what each shows, how it sorts, and for the editable
// ones the override field it writes and how typed text becomes that field's value.
namespace ts::ui::catalogcol {

enum Column {
    Provider,
    Model,
    Context,
    MaxOutput,
    Input,
    Cached,
    Write5m,
    Write1h,
    Output,
    Batch,
    Tokenizer,
    Source,
    Origin,
    Count
};

QString header(int column);
int width(int column); // a starting width in pixels that fits the usual values
QString headerTip(int column);
QString display(const ModelInfo& m, int column);
QVariant sortKey(const ModelInfo& m, int column);
QString editText(const ModelInfo& m, int column); // what the editor starts with

bool editable(int column);
// The override entry's field, dotted under "prices" for prices: "contextWindow", "prices.input",
// "batchDiscount" (a fraction).
QString fieldKey(int column);
// Typed text as the field's value: a number (percent for the batch discount); nullopt if it is not one.
std::optional<double> parse(int column, QString text);
// Whether the cell's value differs between two versions of the model (the shipped one and the override).
bool differs(const ModelInfo& a, const ModelInfo& b, int column);

QString price(const std::optional<TieredPrice>& p); // "2.50", "1.25 · 2.50" (a long-context tier), "–"
QString tiers(const ModelInfo& m, int column);      // a tiered price in words; empty when it is flat

} // namespace ts::ui::catalogcol
