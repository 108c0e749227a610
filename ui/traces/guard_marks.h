#pragma once
#include "guard/guard_record.h"
#include "model/trace.h"

#include <QColor>
#include <QList>
#include <QPair>
#include <QString>
#include <string>
#include <vector>

// What the guard stages flagged in a trace, for the Messages tab (highlights) and the Spans tab
// (the finding list of a guard span). Offsets are byte offsets into the stored UTF-8 text.
namespace ts::ui::guardmarks {

// Every finding recorded on the trace's guard.input and guard.output spans, in span order.
std::vector<ts::guard::RecordedFinding> findingsOf(const Trace& trace);
// The findings that fall on one message: an input message's index, or ts::guard::kOutputMessage.
std::vector<ts::guard::RecordedFinding> findingsFor(const std::vector<ts::guard::RecordedFinding>& all,
                                                    int message);

QColor categoryColor(ts::guard::Category category); // a light background a text stays readable on
QString actionPastTense(ts::guard::Action action);  // redacted, masked, hashed, blocked, warned, logged
QString tooltipOf(const ts::guard::RecordedFinding& finding); // "email — redacted"

// The text HTML-escaped, with each flagged range in a coloured <span title="email — redacted">.
// Ranges past the end are clamped, ranges inside a character widened to whole characters, empty
// or reversed ones skipped; overlapping ranges split into pieces that carry every tooltip.
QString markedHtml(const std::string& text, const std::vector<ts::guard::RecordedFinding>& findings);

// A guard span's findings as (label, value) rows for the span's attribute table; none for other spans.
QList<QPair<QString, QString>> findingRows(const Span& span);

} // namespace ts::ui::guardmarks
