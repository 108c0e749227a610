#include "catalog/model_match.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <algorithm>
#include <pcre2.h>
#include <utility>

namespace ts {

namespace {

constexpr std::uint32_t kOptions =
    PCRE2_CASELESS | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_DOLLAR_ENDONLY;

pcre2_code* compile(std::string_view pattern, int& error, PCRE2_SIZE& offset)
{
    return pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), kOptions, &error,
                         &offset, nullptr);
}

struct MatchData
{
    pcre2_match_data* data = pcre2_match_data_create(1, nullptr);
    ~MatchData() { pcre2_match_data_free(data); }
};

} // namespace

std::string asciiLower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

struct ModelMatcher::Pattern
{
    pcre2_code* code = nullptr;
    std::size_t model = 0;

    Pattern(pcre2_code* c, std::size_t m) : code(c), model(m) {}
    Pattern(Pattern&& other) noexcept : code(std::exchange(other.code, nullptr)), model(other.model) {}
    Pattern& operator=(Pattern&& other) noexcept
    {
        std::swap(code, other.code);
        model = other.model;
        return *this;
    }
    ~Pattern() { pcre2_code_free(code); }

    bool matches(std::string_view id) const
    {
        thread_local MatchData match;
        return pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(id.data()), id.size(), 0, 0, match.data,
                           nullptr) >= 0;
    }
};

ModelMatcher::ModelMatcher(const std::vector<ModelInfo>& models)
{
    for (std::size_t i = 0; i < models.size(); ++i) {
        ids_.emplace(asciiLower(models[i].id), i);
        for (const std::string& prefix : models[i].prefixes)
            prefixes_.emplace_back(asciiLower(prefix), i);
        for (const std::string& pattern : models[i].patterns) {
            int error = 0;
            PCRE2_SIZE offset = 0;
            if (pcre2_code* code = compile(pattern, error, offset)) {
                pcre2_jit_compile(code,
                                  PCRE2_JIT_COMPLETE); // the interpreter runs it where JIT is unavailable
                patterns_.emplace_back(code, i);
            }
        }
    }
}

ModelMatcher::~ModelMatcher() = default;

std::vector<std::size_t> ModelMatcher::withId(std::string_view lowerId) const
{
    std::vector<std::size_t> out;
    auto [first, last] = ids_.equal_range(std::string(lowerId));
    for (auto it = first; it != last; ++it)
        out.push_back(it->second);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<ModelMatcher::Hit> ModelMatcher::hits(std::string_view lowerId) const
{
    std::vector<Hit> out;
    const auto hitFor = [&out](std::size_t model) -> Hit& {
        auto it = std::find_if(out.begin(), out.end(), [model](const Hit& h) { return h.model == model; });
        return it != out.end() ? *it : out.emplace_back(Hit{model});
    };
    for (const auto& [prefix, model] : prefixes_)
        if (lowerId.starts_with(prefix)) {
            Hit& h = hitFor(model);
            h.prefixLength = std::max(h.prefixLength, prefix.size());
        }
    for (const Pattern& p : patterns_)
        if (p.matches(lowerId))
            hitFor(p.model).byPattern = true;
    return out;
}

std::string patternError(std::string_view pattern)
{
    int error = 0;
    PCRE2_SIZE offset = 0;
    if (pcre2_code* code = compile(pattern, error, offset)) {
        pcre2_code_free(code);
        return {};
    }
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error, message, sizeof message);
    return reinterpret_cast<const char*>(message) + std::string(" at offset ") + std::to_string(offset);
}

} // namespace ts
