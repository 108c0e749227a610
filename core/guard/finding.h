#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ts::guard {

// What a detector looks for. Policies name either a category or a finding's type.
enum class Category { PersonalData, Secret, Injection, Output };

std::string_view categoryName(Category c); // "personal_data", "secret", "injection", "output"
bool parseCategory(std::string_view name, Category& out);

// One thing a detector found: byte offsets [start, end) into the text it scanned.
struct Finding
{
    std::string type; // e.g. "email", "card", "openai_key", "injection", "system_prompt_leak"
    Category category = Category::PersonalData;
    std::size_t start = 0;
    std::size_t end = 0;
    double score = 1.0;   // confidence, 0..1
    std::string evidence; // why, in words; never the matched secret itself

    std::size_t size() const { return end - start; }
};

// Sorts by start, then longer first, then in their given order; drops a finding wholly inside an
// earlier one of the same category (a JWT's payload is not also a high-entropy string), keeps
// overlapping ones of others.
void normalize(std::vector<Finding>& findings);
// The same over findings held elsewhere, given in order: the kept ones are moved to the end of `out`.
void normalizeInto(std::vector<Finding*> findings, std::vector<Finding>& out);

} // namespace ts::guard
