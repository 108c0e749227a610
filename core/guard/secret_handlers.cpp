// Handlers of the secret rules: a key's prefix is where the prefilter matched; the handler reads
// the key's body and checks its shape (length, character classes, a JWT's header, PEM blocks).
#include "guard/structured_rules.h"
#include "guard/validators.h"

#include <cstdio>
#include <string>

namespace ts::guard::structured {

namespace {

bool isKeyChar(char c) // base64url and the separators API keys use
{
    return isAlnum(c) || c == '_' || c == '-';
}


struct ClassCounts
{
    int upper = 0, lower = 0, digit = 0;
    bool mixed() const { return upper > 0 && lower > 0 && digit > 0; }
    int kinds() const { return (upper > 0) + (lower > 0) + (digit > 0); }
};


ClassCounts countClasses(std::string_view s)
{
    ClassCounts c;
    for (char ch : s) {
        c.upper += ch >= 'A' && ch <= 'Z';
        c.lower += ch >= 'a' && ch <= 'z';
        c.digit += isDigit(ch);
    }
    return c;
}


// A key that starts at to - prefilterLength and runs on over key characters.
std::size_t keyEnd(std::string_view t, std::size_t to)
{
    return extendForward(t, to, isKeyChar);
}

} // namespace

std::size_t onOpenAiKey(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view t = s.text;
    const std::size_t start = to - 23, end = keyEnd(t, to);
    std::string_view body = t.substr(start + 3, end - start - 3);
    if (body.starts_with("ant-"))
        return end; // Anthropic's, typed by its own rule
    std::string_view kind = "sk-";
    for (std::string_view prefix : {"proj-", "svcacct-", "admin-"})
        if (body.starts_with(prefix)) {
            body.remove_prefix(prefix.size());
            kind = prefix == "proj-" ? "sk-proj-" : prefix == "admin-" ? "sk-admin-" : "sk-svcacct-";
            break;
        }
    if (body.size() < 20 || !countClasses(body).mixed())
        return end;
    s.add("openai_key", Category::Secret, start, end, 0.98,
          "OpenAI API key (" + std::string(kind) + " prefix, " + std::to_string(end - start) + " characters)");
    return end;
}

std::size_t onAnthropicKey(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view t = s.text;
    const std::size_t start = to - 27, end = keyEnd(t, to);
    if (end - start < 40 || !countClasses(t.substr(start + 7, end - start - 7)).mixed())
        return end;
    s.add("anthropic_key", Category::Secret, start, end, 0.98,
          "Anthropic API key (sk-ant- prefix, " + std::to_string(end - start) + " characters)");
    return end;
}

std::size_t onAwsKey(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view key = s.text.substr(to - 20, 20);
    if (key.ends_with("EXAMPLE"))
        return to; // AWS's documentation key, AKIAIOSFODNN7EXAMPLE
    s.add("aws_access_key", Category::Secret, to - 20, to, 0.95,
          std::string("AWS access key ID (") + std::string(key.substr(0, 4)) + " prefix)");
    return to;
}

std::size_t onGithubToken(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view token = s.text.substr(to - 40, 40);
    if (countClasses(token.substr(4)).kinds() < 2)
        return to;
    s.add("github_token", Category::Secret, to - 40, to, 0.98,
          "GitHub token (" + std::string(token.substr(0, 4)) + " prefix)");
    return to;
}

std::size_t onGithubPat(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view t = s.text;
    const std::size_t start = to - 51, end = extendForward(t, to, isWordChar);
    if (end - start < 70 || countClasses(t.substr(start + 11, end - start - 11)).kinds() < 2)
        return end;
    s.add("github_token", Category::Secret, start, end, 0.98, "GitHub fine-grained token (github_pat_ prefix)");
    return end;
}

std::size_t onSlackToken(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view t = s.text;
    const std::size_t start = to - 15, end = keyEnd(t, to);
    const ClassCounts c = countClasses(t.substr(start + 5, end - start - 5));
    if (end - start < 24 || c.digit < 6)
        return end;
    s.add("slack_token", Category::Secret, start, end, 0.95,
          "Slack token (" + std::string(t.substr(start, 5)) + " prefix)");
    return end;
}

namespace {

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (isDigit(c))
        return c - '0' + 52;
    return c == '-' || c == '+' ? 62 : c == '_' || c == '/' ? 63 : -1;
}


std::string base64UrlDecode(std::string_view in)
{
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : in) {
        const int v = base64Value(c);
        if (v < 0)
            break;
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xffu);
        }
    }
    return out;
}

} // namespace

std::size_t onJwt(ScanState& s, std::size_t from, std::size_t to)
{
    const std::string_view t = s.text;
    const std::size_t dot1 = extendForward(t, from, isKeyChar);
    const std::size_t dot2 = extendForward(t, std::max(dot1 + 1, to), isKeyChar);
    if (dot2 >= t.size() || t[dot2] != '.')
        return dot2;
    const std::size_t end = extendForward(t, dot2 + 1, isKeyChar);
    const std::string header = base64UrlDecode(t.substr(from, dot1 - from));
    if (header.find("\"alg\"") == npos || header.find('{') != 0)
        return end;
    s.add("jwt", Category::Secret, from, end, 0.95, "JSON Web Token whose header names its \"alg\"");
    return end;
}

std::size_t onPrivateKey(ScanState& s, std::size_t from, std::size_t to)
{
    std::size_t end = s.blockEnd(to);
    const bool complete = end != npos;
    if (!complete) // a truncated key is still a leaked key: take its body
        end = extendForward(s.text, to, [](char c) { return isBase64Char(c) || c == '=' || c == '\n' || c == '\r'; });
    s.add("private_key", Category::Secret, from, end, 0.99,
          complete ? "PEM private key block" : "PEM private key header with no END line");
    return end;
}

// Public keys and certificates are random-looking by design and meant to be shared.
std::size_t onPublicBlock(ScanState& s, std::size_t, std::size_t to)
{
    const std::size_t end = s.blockEnd(to);
    s.publicBlockEnd = std::max(s.publicBlockEnd, end == npos ? to : end);
    return to;
}

namespace {

// A segment of a dotted base64url-JSON chain (eyJ...eyJ...sig): whether that is a token is the
// jwt rule's call.
bool inJsonWebChain(std::string_view t, std::size_t start)
{
    if (t.substr(start).starts_with("eyJ"))
        return true;
    if (start < 2 || t[start - 1] != '.')
        return false;
    const std::size_t previous = extendBack(t, start - 1, isKeyChar);
    return t.substr(previous).starts_with("eyJ");
}

} // namespace

std::size_t onHighEntropy(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view t = s.text;
    std::size_t end = to > 0 && !isBase64Char(t[to - 1]) ? to - 1 : to;
    const std::size_t start = extendBack(t, end, isBase64Char);
    const std::size_t examined = end;
    while (end < t.size() && t[end] == '=' && end - examined < 2)
        ++end;
    const std::string_view token = t.substr(start, end - start);
    // Blobs (inline images, MIME bodies) are long and random but not secrets. Every test here only
    // rejects: looksRandom, which most tokens fail (paths, UUIDs), comes before the others.
    if (token.size() > 512 || !looksRandom(token) || (start >= 7 && t.substr(start - 7, 7) == "base64,"))
        return examined;
    for (std::string_view magic : {"iVBORw0KGgo", "/9j/", "R0lGOD", "UklGR", "JVBERi0"})
        if (token.starts_with(magic))
            return examined;
    if (start < s.publicBlockEnd || inJsonWebChain(t, start))
        return examined;
    char evidence[96];
    std::snprintf(evidence, sizeof evidence, "random-looking %zu-character token (%.1f bits per character)",
                  token.size(), shannonEntropy(token));
    s.add("high_entropy", Category::Secret, start, end, 0.6, evidence);
    return examined;
}

} // namespace ts::guard::structured
