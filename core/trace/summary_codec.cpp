#include "trace/summary_codec.h"

#include "trace/sqlite_statement.h"

namespace ts::codec {

TraceSummary readSummary(const sql::Statement& row)
{
    TraceSummary s;
    s.rowId = row.columnInt(0);
    s.traceId = row.columnText(1);
    s.name = row.columnText(2);
    s.start = row.columnInt(3);
    s.durationMs = row.columnReal(4);
    s.model = row.columnText(5);
    s.provider = row.columnText(6);
    s.status = row.columnText(7);
    s.error = row.columnText(8);
    s.inputTokens = row.columnInt(9);
    s.outputTokens = row.columnInt(10);
    s.cacheReadTokens = row.columnInt(11);
    s.reasoningTokens = row.columnInt(12);
    s.costUsd = row.columnReal(13);
    s.ttftMs = row.columnOptReal(14);
    s.source = row.columnText(15);
    s.simulated = row.columnInt(16) != 0;
    s.user = row.columnText(17);
    s.session = row.columnText(18);
    s.tags = row.columnText(19);
    s.spanCount = static_cast<int>(row.columnInt(20));
    s.preview = row.columnText(21);
    TraceFacts& f = s.facts;
    f.route = row.columnText(22);
    f.cacheHit = row.columnInt(23) != 0;
    f.refused = row.columnInt(24) != 0;
    f.streamed = row.columnInt(25) != 0;
    f.guardFindings = static_cast<int>(row.columnInt(26));
    f.guardBlocked = row.columnInt(27) != 0;
    f.cacheSavedUsd = row.columnReal(28);
    TracePhases& p = f.phases;
    p.guardMs = row.columnReal(29);
    p.cacheMs = row.columnReal(30);
    p.queueMs = row.columnReal(31);
    p.networkMs = row.columnReal(32);
    p.generationMs = row.columnReal(33);
    p.toolsMs = row.columnReal(34);
    p.otherMs = row.columnReal(35);
    return s;
}

void bindSummary(sql::Statement& insert, const TraceSummary& s)
{
    insert.bindTextRef(1, s.traceId).bindTextRef(2, s.name).bindInt(3, s.start).bindReal(4, s.durationMs);
    insert.bindTextRef(5, s.model)
        .bindTextRef(6, s.provider)
        .bindTextRef(7, s.status)
        .bindTextRef(8, s.error);
    insert.bindInt(9, s.inputTokens).bindInt(10, s.outputTokens).bindInt(11, s.cacheReadTokens);
    insert.bindInt(12, s.reasoningTokens).bindReal(13, s.costUsd).bindOptReal(14, s.ttftMs);
    insert.bindTextRef(15, s.source).bindInt(16, s.simulated ? 1 : 0).bindTextRef(17, s.user);
    insert.bindTextRef(18, s.session)
        .bindTextRef(19, s.tags)
        .bindInt(20, s.spanCount)
        .bindTextRef(21, s.preview);
    const TraceFacts& f = s.facts;
    insert.bindTextRef(22, f.route).bindInt(23, f.cacheHit ? 1 : 0).bindInt(24, f.refused ? 1 : 0);
    insert.bindInt(25, f.streamed ? 1 : 0).bindInt(26, f.guardFindings).bindInt(27, f.guardBlocked ? 1 : 0);
    insert.bindReal(28, f.cacheSavedUsd);
    const TracePhases& p = f.phases;
    insert.bindReal(29, p.guardMs).bindReal(30, p.cacheMs).bindReal(31, p.queueMs).bindReal(32, p.networkMs);
    insert.bindReal(33, p.generationMs).bindReal(34, p.toolsMs).bindReal(35, p.otherMs);
}

} // namespace ts::codec
