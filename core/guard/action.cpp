#include "guard/action.h"

#include <array>
#include <utility>

namespace ts::guard {

namespace {

constexpr std::array<std::pair<Action, std::string_view>, 6> kNames{{{Action::Block, "block"},
                                                                     {Action::Redact, "redact"},
                                                                     {Action::Mask, "mask"},
                                                                     {Action::Hash, "hash"},
                                                                     {Action::Warn, "warn"},
                                                                     {Action::Log, "log"}}};

} // namespace

std::string_view actionName(Action a)
{
    for (const auto& [action, name] : kNames)
        if (action == a)
            return name;
    return "log";
}

std::optional<Action> parseAction(std::string_view name)
{
    for (const auto& [action, n] : kNames)
        if (n == name)
            return action;
    return std::nullopt;
}

bool rewrites(Action a)
{
    return a == Action::Redact || a == Action::Mask || a == Action::Hash;
}

} // namespace ts::guard
