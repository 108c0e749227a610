#include "guard/guard_record.h"

#include <nlohmann/json.hpp>

namespace ts::guard {

std::string writeDetail(const std::vector<RecordedFinding>& findings)
{
    nlohmann::json out = nlohmann::json::array();
    for (const RecordedFinding& f : findings)
        out.push_back({{"type", f.type},
                       {"category", categoryName(f.category)},
                       {"message", f.message},
                       {"start", f.start},
                       {"end", f.end},
                       {"score", f.score},
                       {"action", actionName(f.action)}});
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::vector<RecordedFinding>> readDetail(std::string_view json)
{
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    if (!parsed.is_array())
        return std::nullopt;
    std::vector<RecordedFinding> out;
    for (const auto& e : parsed) {
        if (!e.is_object() || !e.contains("type") || !e["type"].is_string())
            continue;
        RecordedFinding f;
        try {
            f.type = e["type"].get<std::string>();
            if (!parseCategory(e.value("category", std::string()), f.category))
                continue;
            f.message = e.value("message", kOutputMessage);
            f.start = e.value("start", std::size_t{0});
            f.end = e.value("end", f.start);
            if (f.end < f.start)
                continue;
            f.score = e.value("score", 1.0);
            f.action = parseAction(e.value("action", std::string("log"))).value_or(Action::Log);
        } catch (const nlohmann::json::exception&) {
            continue; // a field of the wrong type: skip the entry
        }
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace ts::guard
