#pragma once
#include "waterfall/waterfall_data.h"

#include <QString>

namespace ts::ui::waterfalltext {

QString spanName(const WaterfallData& data, std::size_t row);
// Beside a bar: "812 ms", "1.24 s · retry 2", "640 ms · fallback", "error · 30 ms".
QString barLabel(const WaterfallData& data, std::size_t row);
// The hover text: name, kind, start offset, duration, status, attempt, critical time, first token.
QString toolTip(const WaterfallData& data, std::size_t row);
// The panel's header line: trace name, model, duration, spans, errors, critical path.
QString headline(const WaterfallData& data);

} // namespace ts::ui::waterfalltext
