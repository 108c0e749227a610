#pragma once
#include "model/time.h"

#include <optional>
#include <string>
#include <vector>

namespace ts {

// A parsed trace filter. Text form (CLI --filter, the filter bar), terms joined by AND:
//   model:gpt-4o  provider:openai  route:writer-fast  status:error  source:demo  user:alice  session:s1  tag:beta
//   simulated:yes|no   cost>0.01  tokens>1000  ttft>500 (ms)  duration>2000 (ms)
//   since:2026-11-01  until:2026-11-20T12:00  and bare words / "quoted phrases" for full-text search
//   of the messages. A leading '-' negates a key:value term (-status:ok).
// Details:
//   - Values may be quoted (user:"Ada L"). Values match exactly; tag:x matches one element of the
//     trace's comma-separated tags. Repeating a key matches any of its values (model:a model:b),
//     except tag, where every tag given must be present; negated terms exclude each value.
//   - Comparison operators are > >= < <= =. tokens is input + output tokens.
//   - since:/until: take UTC dates (2026-11-01), date-times (2026-11-20T12:00, :SS and Z optional)
//     or an age (30m, 24h, 7d, 2w). until: with a bare date includes that whole day.
//   - Every search word must occur somewhere in the trace's messages; a phrase must occur as written
//     (ignoring case and accents); a trailing * matches a prefix (hel*).
struct TraceFilter
{
    struct Term
    {
        std::string key; // model, provider, route, status, source, user, session, tag, simulated
        std::string value;
        bool negated = false;
        bool operator==(const Term&) const = default;
    };
    struct Compare
    {
        std::string key; // cost, tokens, ttft, duration
        std::string op;  // > >= < <= =
        double value = 0;
        bool operator==(const Compare&) const = default;
    };
    std::vector<Term> terms;
    std::vector<Compare> compares;
    std::optional<Nanos> since; // inclusive
    std::optional<Nanos> until; // exclusive
    // Search words and "quoted phrases" in the syntax above, as typed; the store turns them into a
    // safe full-text query, so any text may be put here.
    std::string text;

    bool empty() const { return terms.empty() && compares.empty() && !since && !until && text.empty(); }
    bool operator==(const TraceFilter&) const = default;
};

struct FilterParse
{
    TraceFilter filter;
    std::string error; // empty when the text parsed; else a one-line reason naming the bad term
    bool ok() const { return error.empty(); }
};

FilterParse parseFilter(const std::string& text);
// The same, with ages (since:7d) counted back from now.
FilterParse parseFilter(const std::string& text, Nanos now);

} // namespace ts
