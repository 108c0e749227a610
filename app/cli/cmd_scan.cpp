#include "verbs.h"

#include "policy_file.h"

#include "guard/guard_engine.h"
#include "guard/policy.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace ts::cli {

namespace {

using namespace guard;

Policy policyFrom(const Args& args)
{
    const auto path = args.value("--policy");
    return path ? readPolicyFile(*path) : defaultPolicy();
}

nlohmann::json findingJson(const Placed& p)
{
    const Finding& f = p.decided.finding;
    return {{"type", f.type},
            {"start", f.start},
            {"end", f.end},
            {"score", f.score},
            {"action", actionName(p.decided.action)}};
}

} // namespace

int runScan(const Args& args)
{
    const Policy parsed = policyFrom(args);
    const std::string text = readFileOrStdin(args, "scan"); // a missing file is said before compiling
    const CompiledPolicy policy(parsed);
    Vault vault;
    const TextVerdict v = policy.input(text, vault);
    nlohmann::json findings = nlohmann::json::array();
    nlohmann::json reasons = nlohmann::json::array();
    std::string injectionAction = "none"; // what was applied: a whole-text judgement is never a rewrite
    for (const Placed& p : v.placed) {
        if (p.decided.finding.category != Category::Injection) {
            findings.push_back(findingJson(p));
            continue;
        }
        nlohmann::json r = findingJson(p);
        r["evidence"] = p.decided.finding.evidence;
        injectionAction = actionName(p.decided.action);
        reasons.push_back(std::move(r));
    }
    if (args.has("--json")) {
        nlohmann::json out{{"findings", findings}, {"redacted", v.text}, {"blocked", v.blocked}};
        if (policy.policy().input.injection)
            out["injection"] = {{"score", v.injectionScore},
                                {"threshold", policy.policy().input.injection->threshold},
                                {"action", injectionAction},
                                {"reasons", reasons}};
        std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
        std::printf("%-16s %10s %10s %6s  %s\n", "type", "start", "end", "score", "action");
        for (const auto& f : findings)
            std::printf("%-16s %10zu %10zu %6.2f  %s\n", f["type"].get<std::string>().c_str(), f["start"].get<std::size_t>(),
                        f["end"].get<std::size_t>(), f["score"].get<double>(), f["action"].get<std::string>().c_str());
        if (policy.policy().input.injection) {
            std::printf("\ninjection score %.2f (threshold %.2f)\n", v.injectionScore,
                        policy.policy().input.injection->threshold);
            for (const auto& r : reasons)
                std::printf("  %-22s %10zu %10zu %6.2f  %s\n", r["type"].get<std::string>().c_str(),
                            r["start"].get<std::size_t>(), r["end"].get<std::size_t>(), r["score"].get<double>(),
                            r["evidence"].get<std::string>().c_str());
        }
        std::printf("\nredacted:\n%s\n", v.text.c_str());
    }
    if (v.blocked) // the scan itself succeeded: the verdict is in the output, as "blocked"
        std::fprintf(stderr, "%s\n", v.reason.c_str());
    return 0;
}

} // namespace ts::cli
