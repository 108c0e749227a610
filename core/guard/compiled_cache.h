#pragma once
#include <string>
#include <string_view>

struct hs_database;

namespace ts::guard {

// Hyperscan databases kept on disk between runs. Compiling the injection phrase set takes about
// two seconds (its word gaps make large automata); loading the serialised database takes
// milliseconds. Entries are keyed by a hash of everything that shapes the database (patterns,
// flags, ids, mode, the library's version and this CPU's platform), written atomically, and
// checked on load, so a stale, foreign or corrupt file is a miss that is compiled and rewritten,
// never an error. The folder is $TOKENSCOPE_CACHE_DIR, else $XDG_CACHE_HOME/tokenscope, else
// ~/.cache/tokenscope; without any of them nothing is kept.
class CompiledCache
{
public:
    // `shape` is every byte that determines the database.
    explicit CompiledCache(std::string_view shape);

    // Null on a miss; the caller owns what it returns (hs_free_database).
    hs_database* load() const;
    // Best effort: a folder that cannot be written only costs the next run its compile.
    void store(const hs_database* db) const;

private:
    std::string path_; // empty: no cache folder
};

} // namespace ts::guard
