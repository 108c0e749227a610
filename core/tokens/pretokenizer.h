#pragma once
#include <functional>
#include <memory>
#include <string_view>

namespace ts {

// Splits text into pieces with a tiktoken pattern, compiled with PCRE2 (UTF, UCP, JIT).
// `\s` is rewritten to Unicode White_Space, as in tiktoken's Rust regex (PCRE2's \s differs).
// Invalid UTF-8 bytes match nothing (PCRE2_MATCH_INVALID_UTF); each maximal run of them between
// matches is handed over as one opaque piece, so its bytes go to BPE alone.
class PreTokenizer {
public:
    explicit PreTokenizer(std::string_view pattern); // throws TokenizerError if it does not compile
    ~PreTokenizer();
    PreTokenizer(const PreTokenizer&) = delete;
    PreTokenizer& operator=(const PreTokenizer&) = delete;

    void split(std::string_view text, const std::function<void(std::string_view)>& onPiece) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ts
