#pragma once
#include "model/time.h"

#include <optional>
#include <string>
#include <vector>

namespace ts {

// A parsed trace filter. Text form (CLI --filter, the filter bar), terms joined by AND:
//   model:gpt-4o  provider:openai  status:error  source:demo  user:alice  session:s1  tag:beta
//   simulated:yes|no   cost>0.01  tokens>1000  ttft>500 (ms)  duration>2000 (ms)
//   since:2026-11-01  until:2026-11-20T12:00  and bare words / "quoted phrases" for full-text search
//   of the messages. A leading '-' negates a key:value term (-status:ok).
struct TraceFilter
{
    struct Term
    {
        std::string key; // model, provider, status, source, user, session, tag, simulated
        std::string value;
        bool negated = false;
    };
    struct Compare
    {
        std::string key; // cost, tokens, ttft, duration
        std::string op;  // > >= < <= =
        double value = 0;
    };
    std::vector<Term> terms;
    std::vector<Compare> compares;
    std::optional<Nanos> since;
    std::optional<Nanos> until;
    std::string text; // FTS5 query over message text

    bool empty() const { return terms.empty() && compares.empty() && !since && !until && text.empty(); }
};

struct FilterParse
{
    TraceFilter filter;
    std::string error; // empty when the text parsed; else a one-line reason naming the bad term
    bool ok() const { return error.empty(); }
};

FilterParse parseFilter(const std::string& text);

} // namespace ts
