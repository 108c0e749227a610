#pragma once
#include "guard/action.h"
#include "guard/finding.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ts::guard {

// Reversible redaction for one request: each original gets a placeholder ([EMAIL_1], [CARD_2])
// that goes to the model, and the answer the user sees gets the originals back. It lives in
// memory for that request only; nothing here is ever written to a trace or a cache.
class Vault
{
public:
    // An input vault's placeholders are restored for the caller; a one-way vault (output
    // redaction) writes [REDACTED_EMAIL_1], which no restorer knows, so the caller never gets an
    // input original in place of something the model wrote.
    explicit Vault(bool oneWay = false) : prefix_(oneWay ? "REDACTED_" : "") {}

    // The same original gets the same placeholder, so a model can refer to it consistently.
    std::string placeholderFor(std::string_view type, std::string_view original);
    // Every placeholder in text replaced by its original; unknown bracketed text is left alone.
    std::string restore(std::string_view text) const;
    // For streams: appends piece to pending and returns what can be shown now, holding back a
    // tail that may be the start of a placeholder split across pieces. Pass an empty piece with
    // atEnd to flush.
    std::string restoreStream(std::string& pending, std::string_view piece, bool atEnd) const;
    bool empty() const { return originals_.empty(); }
    std::size_t size() const { return originals_.size(); }

private:
    std::map<std::string, std::string, std::less<>> originals_;    // placeholder → original
    std::map<std::string, std::string, std::less<>> placeholders_; // type + original → placeholder
    std::map<std::string, int, std::less<>> counters_;             // per type
    std::size_t longest_ = 0;                                      // placeholder length, for streams
    std::string prefix_;
};

// A finding and what the policy decided for it.
struct Decided
{
    Finding finding;
    Action action = Action::Log;
};

// Where a decided finding ended up in the rewritten text.
struct Placed
{
    Decided decided;
    std::size_t start = 0; // in the rewritten text
    std::size_t end = 0;
    // This entry made the replacement at [start, end) for the input's [rewroteFrom, rewroteTo)
    // (its finding's range, less what an earlier rewrite already covered); a finding inside an
    // earlier rewrite is placed on it without one of its own.
    bool rewrote = false;
    std::size_t rewroteFrom = 0;
    std::size_t rewroteTo = 0;
};

// Where an offset of the original text lands in the rewritten one; an offset inside a rewrite
// lands at its end (the replacement stands for all of it).
std::size_t rewrittenOffset(const std::vector<Placed>& placed, std::size_t original);

// The text with every rewriting action applied (redact, mask, hash; personal data and secrets
// that block get a placeholder too, so the record of a blocked request keeps none), and where each
// finding is now. Overlapping rewrites: the earlier, longer one wins and the later is placed on it.
std::string applyActions(std::string_view text, const std::vector<Decided>& decided, Vault& vault,
                         std::vector<Placed>& placed);

// Keeps a hint of the original: j***@e***.com, **** **** **** 4242, sk-…**** (never enough to use).
std::string maskText(std::string_view type, std::string_view original);
// <email:sha256:1f2e3d4c>: the same original always hashes the same, so uses can be counted.
std::string hashText(std::string_view type, std::string_view original);

} // namespace ts::guard
