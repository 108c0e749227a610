#pragma once
#include "common/tree_model.h"
#include "model/trace.h"

#include <QVariant>

namespace ts::ui {

struct SpanRow
{
    Span span;
    Nanos traceStart = 0;
    int depth = 0;
};

// The span tree of one trace: name, stage, start offset, duration, status and the attributes worth a
// glance. Start/end/depth roles are there for painted timelines.
class SpanTreeModel : public TreeModel<SpanRow, SpanTreeModel>
{
public:
    enum Column { Name, Stage, Start, Duration, Status, Details, ColumnCount };
    enum Role {
        SpanIdRole = Qt::UserRole + 1, // QString
        StartOffsetRole,               // qint64 ns since the trace started
        EndOffsetRole,                 // qint64 ns since the trace started
        DepthRole,                     // int, 0 for the root
    };
    static constexpr int kColumnCount = ColumnCount;

    explicit SpanTreeModel(QObject* parent = nullptr);

    void setTrace(const Trace& trace);
    void clear();
    const Span* spanAt(const QModelIndex& index) const;
    QModelIndex indexOfSpan(const std::string& spanId) const;

    QVariant cell(const SpanRow& row, int column, int role) const;
    QVariant header(int section, int role) const;

private:
    QVariant display(const SpanRow& row, int column) const;
    QVariant toolTip(const SpanRow& row, int column) const;
};

// The attributes worth a glance, e.g. "gpt-4o-mini · 1,234 → 56 tokens · $0.0012".
QString spanHighlights(const Span& span);
QString stageOf(const Span& span);

} // namespace ts::ui
