#include "guard/finding.h"

#include <algorithm>
#include <array>
#include <utility>

namespace ts::guard {

namespace {

constexpr std::array<std::pair<Category, std::string_view>, 4> kNames{
    {{Category::PersonalData, "personal_data"},
     {Category::Secret, "secret"},
     {Category::Injection, "injection"},
     {Category::Output, "output"}}};

} // namespace

std::string_view categoryName(Category c)
{
    for (const auto& [category, name] : kNames)
        if (category == c)
            return name;
    return "unknown";
}

bool parseCategory(std::string_view name, Category& out)
{
    for (const auto& [category, n] : kNames)
        if (n == name) {
            out = category;
            return true;
        }
    return false;
}

void normalizeInto(std::vector<Finding*> findings, std::vector<Finding>& out)
{
    // Pointers are sorted, not findings: each finding is moved once, into `out`.
    std::stable_sort(findings.begin(), findings.end(), [](const Finding* a, const Finding* b) {
        return a->start != b->start ? a->start < b->start : a->end > b->end;
    });
    // Sorted by start, a finding lies inside an earlier one of its category exactly when it ends
    // no later than the furthest end seen in that category so far.
    std::array<std::size_t, kNames.size()> furthest{};
    std::array<bool, kNames.size()> seen{};
    out.reserve(out.size() + findings.size());
    for (Finding* f : findings) {
        const auto c = static_cast<std::size_t>(f->category);
        if (seen[c] && f->end <= furthest[c])
            continue;
        seen[c] = true;
        furthest[c] = std::max(furthest[c], f->end);
        out.push_back(std::move(*f));
    }
}

void normalize(std::vector<Finding>& findings)
{
    std::vector<Finding*> order;
    order.reserve(findings.size());
    for (Finding& f : findings)
        order.push_back(&f);
    std::vector<Finding> kept;
    normalizeInto(std::move(order), kept);
    findings = std::move(kept);
}

} // namespace ts::guard
