#include "guard/guard_text.h"

#include "common/format.h"

using namespace Qt::StringLiterals;

namespace ts::ui::guardpanel::text {

namespace {

QString counted(std::int64_t n, const QString& one, const QString& many)
{
    return format::grouped(n) % u' ' % (n == 1 ? one : many);
}

QString stageName(Stage stage)
{
    return stage == Stage::Input ? u"input"_s : u"output"_s;
}

} // namespace

QString stageTitle(Stage stage)
{
    return stage == Stage::Input ? u"Input guard"_s : u"Output guard"_s;
}

QString actionTitle(ts::guard::Action action)
{
    QString name = QString::fromUtf8(ts::guard::actionName(action));
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

QString coverageNote()
{
    return u"<b>Not covered:</b> names, postal addresses and other free-form personal data need a language "
           u"model "
           u"and are not detected. Detection is pattern-based (e-mail addresses, phone and card numbers, "
           u"IBANs, "
           u"API keys and tokens…), so a format it does not know passes unseen. The injection score is a "
           u"heuristic that lists its reasons, not a guarantee."_s;
}

QString stageSummary(Stage stage, const StageFindings& f)
{
    if (f.guarded == 0)
        return u"The "_s % stageName(stage) % u" guard has not checked anything yet."_s;
    const QString ran =
        u"The "_s % stageName(stage) % u" guard ran "_s % counted(f.guarded, u"check"_s, u"checks"_s);
    const QString found = f.withFindings == 0
                              ? u" and found nothing"_s
                              : u": "_s % format::grouped(f.withFindings) % u" found something ("_s %
                                    counted(f.total(), u"finding"_s, u"findings"_s) % u" in all)"_s;
    const QString blocked =
        f.blocked == 0 ? u"."_s : u"; "_s % format::grouped(f.blocked) % u" blocked the request."_s;
    return ran % found % blocked;
}

QString emptyFindings(const GuardAnalysis& analysis, Stage stage)
{
    const StageFindings& f = analysis.stage(stage);
    if (f.total() > 0)
        return {};
    if (analysis.tracesInWorkspace == 0)
        return u"No traces in this workspace yet. Requests from the Playground, the gateway or an import "
               u"appear "
               u"here once a guard policy has checked them."_s;
    if (!analysis.anyGuarded())
        return u"No request in this workspace went through a guard policy yet. Set one on the Policy tab (or "
               u"start "
               u"from the default policy), then send requests from the Playground or the gateway — or run "
               u"tokenscope-cli demo for generated traffic with findings."_s;
    if (f.guarded == 0)
        return u"The "_s % stageName(stage) %
               u" guard has not checked any request yet: the policy has no "_s % stageName(stage) %
               u" rules."_s;
    return u"The "_s % stageName(stage) % u" guard ran "_s % counted(f.guarded, u"check"_s, u"checks"_s) %
           u" and found nothing."_s;
}

QString noBlockedRequests(const GuardAnalysis& analysis)
{
    if (!analysis.anyGuarded())
        return u"No request has been checked by a guard policy yet, so none was blocked."_s;
    return u"No request was blocked. A rule whose action is \"block\" stops a request (input) or its answer "
           u"(output), and the request is listed here."_s;
}

} // namespace ts::ui::guardpanel::text
