#include "tokens/pretokenizer.h"

#include "tokens/tokenizer_error.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <string>

namespace ts {
namespace {

constexpr std::string_view kWhiteSpace =
    R"(\t-\r\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000})";

std::string withRustWhiteSpace(std::string_view pattern)
{
    std::string out;
    bool inClass = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            const char e = pattern[++i];
            if (e == 's')
                out += inClass ? std::string(kWhiteSpace) : "[" + std::string(kWhiteSpace) + "]";
            else if (e == 'S' && !inClass)
                out += "[^" + std::string(kWhiteSpace) + "]";
            else
                out += {c, e};
            continue;
        }
        inClass = c == '[' ? true : c == ']' ? false : inClass;
        out += c;
    }
    return out;
}

struct MatchData {
    pcre2_match_data* data = pcre2_match_data_create(1, nullptr);
    pcre2_jit_stack* stack = pcre2_jit_stack_create(32 * 1024, 16 * 1024 * 1024, nullptr);
    pcre2_match_context* context = pcre2_match_context_create(nullptr);
    MatchData() { pcre2_jit_stack_assign(context, nullptr, stack); }
    ~MatchData()
    {
        pcre2_match_context_free(context);
        pcre2_jit_stack_free(stack);
        pcre2_match_data_free(data);
    }
};

} // namespace

struct PreTokenizer::Impl {
    pcre2_code* code = nullptr;
};

PreTokenizer::PreTokenizer(std::string_view pattern)
    : m_impl(std::make_unique<Impl>())
{
    const auto rewritten = withRustWhiteSpace(pattern);
    int error = 0;
    PCRE2_SIZE offset = 0;
    m_impl->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(rewritten.data()), rewritten.size(),
                                 PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_DOLLAR_ENDONLY,
                                 &error, &offset, nullptr);
    if (!m_impl->code) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(error, message, sizeof message);
        throw TokenizerError("pre-split pattern does not compile at " + std::to_string(offset) + ": "
                             + reinterpret_cast<const char*>(message));
    }
    pcre2_jit_compile(m_impl->code, PCRE2_JIT_COMPLETE); // falls back to the interpreter if JIT is unavailable
}

PreTokenizer::~PreTokenizer() { pcre2_code_free(m_impl->code); }

void PreTokenizer::split(std::string_view text, const std::function<void(std::string_view)>& onPiece) const
{
    thread_local MatchData match;
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const int rc = pcre2_match(m_impl->code, subject, text.size(), pos, 0, match.data, match.context);
        const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(match.data);
        const std::size_t start = rc > 0 ? ov[0] : text.size();
        const std::size_t end = rc > 0 ? ov[1] : text.size();
        if (start > pos)
            onPiece(text.substr(pos, start - pos)); // bytes no pattern matched: invalid UTF-8
        if (end > start)
            onPiece(text.substr(start, end - start));
        pos = end > pos ? end : pos + 1;
    }
}

} // namespace ts
