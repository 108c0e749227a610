#pragma once
#include "analytics/drift_report.h"
#include "analytics/segment_drift.h"
#include "drift/drift_windows.h"

#include <QColor>
#include <QString>

// How the Drift panel words its figures; free functions so tests can check them alone.
namespace ts::ui::drift::text {

enum class Severity { Quiet, Steady, Moderate, Large }; // Quiet: too little traffic to judge

QString length(std::int64_t hours);               // 1 hour, 6 hours, 1 day, 7 days
QString windows(const DriftWindows& windows);     // Baseline: Jan 1 15:00 – Jan 8 15:00 (7 days) · Current: ...
QString bucketLabel(const DriftWindows& windows, std::int64_t index);
QString level(const std::string& id, double value); // 412 tokens, 1.24 s, 2.1%
QString level(const analytics::DriftMetric& metric, bool current);
QString change(const analytics::DriftMetric& metric);    // +80%, +1.2 pts, shift 0.041
QString psi(const analytics::DriftMetric& metric);       // 0.45, – for the centroid
QString ksD(const analytics::DriftMetric& metric);
QString evidence(const analytics::DriftMetric& metric);  // p < 0.001, z = 4.2, 3× the floor
QString verdict(const analytics::DriftMetric& metric);   // Drifted, Steady, Too little traffic
// A cell's tooltip: the metric's sentence, and for its statistics the threshold each is held to.
QString tip(const analytics::DriftMetric& metric, int column);

// The report's summary; when the whole held steady but a route, model or tag drifted, that instead.
QString headline(const analytics::DriftReport& report, const std::vector<analytics::SegmentDrift>& segments);
// "route:rag-default": the filter term that narrows to a segment (quoted when it has spaces).
QString filterTerm(const analytics::SegmentDrift& segment);
// Links to the drifted segments, each naming its drifted metrics; empty when none.
QString segmentLinks(const std::vector<analytics::SegmentDrift>& segments);

Severity severity(const analytics::DriftReport& report, const std::vector<analytics::SegmentDrift>& segments);
QColor color(Severity severity);

} // namespace ts::ui::drift::text
