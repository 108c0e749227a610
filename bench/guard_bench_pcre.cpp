#include "guard_bench_pcre.h"

#include "guard/pattern_scanner.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdexcept>
#include <string>

namespace ts::bench {

PcreLoop::PcreLoop(const std::vector<guard::PatternSpec>& patterns)
{
    for (const guard::PatternSpec& p : patterns) {
        uint32_t options = 0;
        if (p.flags & guard::kCaseless)
            options |= PCRE2_CASELESS;
        if (p.flags & guard::kDotAll)
            options |= PCRE2_DOTALL;
        if (p.flags & guard::kMultiLine)
            options |= PCRE2_MULTILINE;
        int error = 0;
        PCRE2_SIZE offset = 0;
        pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(p.regex.c_str()), PCRE2_ZERO_TERMINATED,
                                         options, &error, &offset, nullptr);
        if (!code)
            throw std::runtime_error("PCRE2 cannot compile " + p.regex);
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
        m_codes.push_back(code);
    }
    m_matchData = pcre2_match_data_create(32, nullptr);
    m_context = pcre2_match_context_create(nullptr);
    m_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, nullptr);
    pcre2_jit_stack_assign(static_cast<pcre2_match_context*>(m_context), nullptr, m_stack);
}

PcreLoop::~PcreLoop()
{
    for (void* code : m_codes)
        pcre2_code_free(static_cast<pcre2_code*>(code));
    pcre2_match_data_free(static_cast<pcre2_match_data*>(m_matchData));
    pcre2_match_context_free(static_cast<pcre2_match_context*>(m_context));
    pcre2_jit_stack_free(static_cast<pcre2_jit_stack*>(m_stack));
}

std::size_t PcreLoop::countMatches(std::string_view text) const
{
    auto* data = static_cast<pcre2_match_data*>(m_matchData);
    auto* context = static_cast<pcre2_match_context*>(m_context);
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    std::size_t count = 0;
    for (void* code : m_codes) {
        PCRE2_SIZE at = 0;
        while (at <= text.size()
               && pcre2_match(static_cast<pcre2_code*>(code), subject, text.size(), at, 0, data, context) > 0) {
            const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
            ++count;
            at = ovector[1] > ovector[0] ? ovector[1] : ovector[0] + 1;
        }
    }
    return count;
}

} // namespace ts::bench
