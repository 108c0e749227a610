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
};

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
