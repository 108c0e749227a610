#include "guard/mention_context.h"

#include <algorithm>
#include <array>

namespace ts::guard {

namespace {

constexpr std::array<std::string_view, 24> kDiscussion{
    " prompt injection", " injection attack", " jailbreak",   " red team", " attacker",  " malicious",
    " classifier",       " guardrail",        " adversarial", " detect",   " security",  " defend",
    " defense",          " protect",          " example",     " phrases",  " research",  " paper",
    " filter",           " attack",           " mitigat",     " sanitiz",  " benchmark", " dataset"};
constexpr std::array<std::string_view, 12> kFormats{
    " chat template", " prompt format", " special token", " llama",  " chatml", " tokenizer",
    " mistral",       " template",      " fine tun",      " format", " vicuna", " alpaca"};
constexpr std::array<std::string_view, 30> kSpeech{
    " tell ",    " tells ",   " telling ",  " told ",  " say ",     " says ",   " saying ",     " like ",
    " such as ", " phrase ",  " phrases ",  " e g ",   " example ", " called ", " containing ", " contains ",
    " whether ", " writes ",  " typing ",   " types ", " asks ",    " asking ", " try ",        " tries ",
    " trying ",  " attempt ", " attempts ", " input ", " prompts ", " words "};
constexpr std::size_t kSpeechWindow = 40; // folded bytes before a phrase, about six words
constexpr std::size_t kLineWindow = 200;

bool containsAny(std::string_view text, auto const& needles)
{
    return std::any_of(needles.begin(), needles.end(),
                       [&](std::string_view n) { return text.find(n) != std::string_view::npos; });
}

bool quoteChar(std::string_view text, std::size_t at)
{
    const char c = text[at];
    if (c == '"' || c == '\'' || c == '`')
        return true;
    // “ ” ‘ ’ « » end in these bytes
    return at >= 1 && (static_cast<unsigned char>(c) == 0x9C || static_cast<unsigned char>(c) == 0x98 ||
                       static_cast<unsigned char>(c) == 0xAB);
}

} // namespace

MentionContext::MentionContext(std::string_view original, const FoldedText& folded)
    : m_original(original), m_folded(folded), m_discussion(containsAny(folded.text, kDiscussion)),
      m_aboutFormats(containsAny(folded.text, kFormats))
{
    for (std::size_t pos = original.find("```"); pos != std::string_view::npos;
         pos = original.find("```", pos + 3))
        m_fences.push_back(pos);
}

bool MentionContext::phraseIsMentioned(std::size_t foldedStart, std::size_t from) const
{
    return m_discussion && (quoted(from) || reportedSpeechBefore(foldedStart) || insideCodeBlock(from));
}

bool MentionContext::delimiterIsMentioned(std::size_t from) const
{
    return insideString(from) || insideCodeBlock(from) || m_aboutFormats || (m_discussion && quoted(from));
}

bool MentionContext::quoted(std::size_t from) const
{
    std::size_t at = from;
    while (at > 0 && m_original[at - 1] == ' ')
        --at;
    return at > 0 && quoteChar(m_original, at - 1);
}

bool MentionContext::insideString(std::size_t from) const
{
    const std::size_t begin = from > kLineWindow ? from - kLineWindow : 0;
    std::size_t doubles = 0, backticks = 0;
    for (std::size_t i = from; i > begin && m_original[i - 1] != '\n'; --i) {
        doubles += m_original[i - 1] == '"';
        backticks += m_original[i - 1] == '`';
    }
    return doubles % 2 == 1 || backticks % 2 == 1;
}

bool MentionContext::insideCodeBlock(std::size_t from) const
{
    const auto opened = std::lower_bound(m_fences.begin(), m_fences.end(), from) - m_fences.begin();
    return opened % 2 == 1;
}

bool MentionContext::reportedSpeechBefore(std::size_t foldedStart) const
{
    const std::size_t begin = foldedStart > kSpeechWindow ? foldedStart - kSpeechWindow : 0;
    const std::string_view window = std::string_view(m_folded.text).substr(begin, foldedStart + 1 - begin);
    return containsAny(window, kSpeech);
}

} // namespace ts::guard
