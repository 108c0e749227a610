#include "compare/compare_summary.h"

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString winners(const std::vector<Emphasis>& best, const QStringList& titles, bool Emphasis::*flag)
{
    QStringList names;
    for (std::size_t i = 0; i < best.size(); ++i)
        if (best[i].*flag)
            names << titles.value(static_cast<qsizetype>(i));
    return names.join(u", "_s);
}

} // namespace

QString compareSummary(const std::vector<std::optional<CompareOutcome>>& outcomes, const QStringList& titles,
                       const QString& sessionId)
{
    int ok = 0;
    int failed = 0;
    int stopped = 0;
    for (const auto& o : outcomes) {
        if (!o)
            continue;
        ok += o->ok() ? 1 : 0;
        stopped += o->reply.cancelled ? 1 : 0;
        failed += !o->ok() && !o->reply.cancelled ? 1 : 0;
    }
    QStringList parts;
    if (ok > 0 || (failed == 0 && stopped == 0))
        parts << QString::number(ok) + (ok == 1 ? u" answer"_s : u" answers"_s);
    if (failed > 0)
        parts << QString::number(failed) + u" failed"_s;
    if (stopped > 0)
        parts << QString::number(stopped) + u" stopped"_s;
    const auto best = bestPerMetric(outcomes);
    const std::pair<QString, bool Emphasis::*> metrics[] = {{u"cheapest: "_s, &Emphasis::cheapest},
                                                            {u"first token: "_s, &Emphasis::fastestTtft},
                                                            {u"fastest: "_s, &Emphasis::fastestSpeed}};
    for (const auto& [label, flag] : metrics)
        if (const QString names = winners(best, titles, flag); !names.isEmpty())
            parts << label + names;
    parts << u"session "_s + sessionId;
    return parts.join(u"  ·  "_s);
}

} // namespace ts::ui
