#include "trace/rollup_codec.h"

#include "trace/blob_codec.h"
#include "trace/sqlite_statement.h"
#include "trace/varint.h"

namespace ts::codec {

std::string histogramToBytes(const LogHistogram::Sparse& sparse)
{
    std::string out;
    std::uint64_t previous = 0;
    for (const auto& [bucket, count] : sparse) {
        appendVarint(out, bucket - previous);
        appendVarint(out, zigzag(count));
        previous = bucket;
    }
    return out;
}

LogHistogram::Sparse histogramFromBytes(std::string_view bytes)
{
    LogHistogram::Sparse out;
    std::uint64_t bucket = 0;
    for (std::size_t at = 0; at < bytes.size();) {
        bucket += readVarint(bytes, at);
        const std::int64_t count = unzigzag(readVarint(bytes, at));
        if (bucket >= static_cast<std::uint64_t>(LogHistogram::kBuckets))
            throw CorruptValue("histogram bucket " + std::to_string(bucket) + " is out of range");
        out.emplace_back(static_cast<std::uint16_t>(bucket), count);
    }
    return out;
}

void readRollup(const sql::Statement& row, RollupRow& out, bool withHistograms)
{
    RollupKey& k = out.key;
    k.hour = row.columnInt(0);
    k.model = row.columnText(1);
    k.provider = row.columnText(2);
    k.route = row.columnText(3);
    k.source = row.columnText(4);
    k.user = row.columnText(5);
    k.tags = row.columnText(6);
    RollupMeasures& m = out.m;
    m.requests = row.columnInt(7);
    m.errors = row.columnInt(8);
    m.refusals = row.columnInt(9);
    m.cacheHits = row.columnInt(10);
    m.guardFlagged = row.columnInt(11);
    m.guardBlocked = row.columnInt(12);
    m.streamed = row.columnInt(13);
    m.ttftCount = row.columnInt(14);
    m.inputTokens = row.columnInt(15);
    m.outputTokens = row.columnInt(16);
    m.cacheReadTokens = row.columnInt(17);
    m.costUsd = row.columnReal(18);
    m.cacheSavedUsd = row.columnReal(19);
    m.durationMs = row.columnReal(20);
    m.ttftMs = row.columnReal(21);
    TracePhases& p = m.phases;
    p.guardMs = row.columnReal(22);
    p.cacheMs = row.columnReal(23);
    p.queueMs = row.columnReal(24);
    p.networkMs = row.columnReal(25);
    p.generationMs = row.columnReal(26);
    p.toolsMs = row.columnReal(27);
    p.otherMs = row.columnReal(28);
    if (!withHistograms) {
        m.latency.clear(), m.ttft.clear(), m.tpot.clear(), m.inputHist.clear(), m.outputHist.clear();
        return;
    }
    m.latency = histogramFromBytes(row.columnBlob(29));
    m.ttft = histogramFromBytes(row.columnBlob(30));
    m.tpot = histogramFromBytes(row.columnBlob(31));
    m.inputHist = histogramFromBytes(row.columnBlob(32));
    m.outputHist = histogramFromBytes(row.columnBlob(33));
}

void bindRollup(sql::Statement& s, const RollupRow& row, std::string (&blobs)[5])
{
    const RollupKey& k = row.key;
    s.bindInt(1, k.hour).bindTextRef(2, k.model).bindTextRef(3, k.provider).bindTextRef(4, k.route);
    s.bindTextRef(5, k.source).bindTextRef(6, k.user).bindTextRef(7, k.tags);
    const RollupMeasures& m = row.m;
    s.bindInt(8, m.requests).bindInt(9, m.errors).bindInt(10, m.refusals).bindInt(11, m.cacheHits);
    s.bindInt(12, m.guardFlagged).bindInt(13, m.guardBlocked).bindInt(14, m.streamed).bindInt(15, m.ttftCount);
    s.bindInt(16, m.inputTokens).bindInt(17, m.outputTokens).bindInt(18, m.cacheReadTokens);
    s.bindReal(19, m.costUsd).bindReal(20, m.cacheSavedUsd).bindReal(21, m.durationMs).bindReal(22, m.ttftMs);
    const TracePhases& p = m.phases;
    s.bindReal(23, p.guardMs).bindReal(24, p.cacheMs).bindReal(25, p.queueMs).bindReal(26, p.networkMs);
    s.bindReal(27, p.generationMs).bindReal(28, p.toolsMs).bindReal(29, p.otherMs);
    blobs[0] = histogramToBytes(m.latency);
    blobs[1] = histogramToBytes(m.ttft);
    blobs[2] = histogramToBytes(m.tpot);
    blobs[3] = histogramToBytes(m.inputHist);
    blobs[4] = histogramToBytes(m.outputHist);
    for (int i = 0; i < 5; ++i)
        s.bindBlobRef(30 + i, blobs[i]);
}

} // namespace ts::codec
