#include "verbs.h"

namespace ts::cli {

const std::vector<Verb>& verbs()
{
    static const std::vector<Verb> table{
        {"chat", "send one prompt through the pipeline, stream the answer, record the trace",
         "usage: tokenscope-cli chat [--db PATH] [--provider P] [--model M] [--base-url URL]\n"
         "                           [--system TEXT] [--temperature T] [--max-tokens N]\n"
         "                           [--user U] [--session S] PROMPT|-\n\n"
         "Streams the answer to standard output and records the trace in the workspace (created if\n"
         "missing). Providers: 'simulated' (always, deterministic, marked simulated), the profiles in\n"
         "the providers file ($TOKENSCOPE_PROVIDERS, else ~/.config/tokenscope/providers.json; a\n"
         "user-defined id such as 'groq' works), and the built-in ids the environment sets up\n"
         "(OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, OLLAMA_HOST, AZURE_OPENAI_*). --base-url\n"
         "overrides the chosen provider's server. Token counts, cost and time to first token are\n"
         "printed to standard error.\n",
         {{"--db", "--provider", "--model", "--base-url", "--system", "--temperature", "--max-tokens", "--user",
           "--session"},
          {}},
         runChat},
        {"models", "list the models a provider's server serves",
         "usage: tokenscope-cli models --provider ID [--base-url URL] [--json]\n\n"
         "Asks the provider's server which models it serves (OpenAI-compatible GET /models, Anthropic\n"
         "and Gemini paged lists, Ollama's /api/tags) and prints one per line with a description, or\n"
         "with --json an array of {\"id\", \"description\"}. ID is a profile from the providers file or\n"
         "a built-in id the environment sets up, as for chat. Azure cannot list: its configured\n"
         "deployment is printed. Exit 1 with the reason when the server cannot be asked or refuses.\n",
         {{"--provider", "--base-url"}, {"--json"}},
         runModels},
        {"traces", "list recorded traces, newest first",
         "usage: tokenscope-cli traces [--db PATH] [--json] [--limit N] [--filter EXPR]\n\n"
         "EXPR: model:M provider:P status:ok|error|cancelled source:S user:U session:S tag:T\n"
         "      simulated:yes|no cost>0.01 tokens>1000 ttft>500 duration>2000 since:7d until:DATE\n"
         "      and free words for full-text search of the messages. -key:value negates.\n",
         {{"--db", "--limit", "--filter"}, {"--json"}},
         runTraces},
        {"export", "write traces out as OTLP JSON, or the traces or spans table as JSON lines or CSV",
         "usage: tokenscope-cli export --format otlp|jsonl|csv [--spans] [--filter EXPR] [--policy FILE|none]\n"
         "                             [--db PATH] OUT\n\n"
         "Writes the traces EXPR selects (all without --filter), oldest first, to OUT (- for standard output):\n"
         "  otlp   one OTLP/JSON ExportTraceServiceRequest per line and trace (the OpenTelemetry Collector\n"
         "         file exporter's form), with the conversation and raw exchanges; `import` reads it back\n"
         "  jsonl  one JSON object per trace, the fields of `traces --json`\n"
         "  csv    the same as CSV (RFC 4180), a header row first, times in ISO 8601 UTC\n"
         "--spans writes one row per span instead (jsonl and csv): trace_id, span_id, parent_span_id, name,\n"
         "stage, start, duration_ms, status, model, input_tokens, output_tokens, cost_usd.\n"
         "What the guard policy rewrites never leaves: by default the default policy (personal data and\n"
         "secrets redacted in messages, text attributes, error messages and raw exchanges; a streamed answer\n"
         "that held any keeps its chunk times but not their data). --policy FILE applies that policy's\n"
         "input and output rules instead (a policy or a gateway config, as for scan); --policy none exports\n"
         "the traces as stored. EXPR: as for traces.\n",
         {{"--db", "--format", "--filter", "--policy"}, {"--spans"}},
         runExport},
        {"report", "summarise cost, latency and errors: totals, by model, by day, top errors",
         "usage: tokenscope-cli report [--since T] [--until T] [--filter EXPR] [--format md|json|csv]\n"
         "                             [--top N] [--policy FILE|none] [--db PATH]\n\n"
         "Prints the totals (requests, errors and error rate, input, output and cached tokens, cost,\n"
         "p50/p95 latency), one line per model (requests, tokens, cost and share of cost, p50/p95 latency,\n"
         "p50 time to first token, error rate), one per UTC day (requests, cost, errors) and the N most\n"
         "frequent error messages (default 10), redacted as export redacts (--policy, default the default\n"
         "policy; none prints them as stored). T: a date (2026-11-01), a date-time (2026-11-01T12:00) or an\n"
         "age (30m, 24h, 7d, 2w); an --until date includes that day. The figures come from the hourly\n"
         "rollups, so the period is widened to whole hours, and percentiles from histograms with buckets 9%\n"
         "wide. A filter on anything but model, provider, route, source, user, tag and time reads every\n"
         "selected trace instead.\n"
         "--format md (default): Markdown tables. json: one document {since, until, totals, models, days,\n"
         "errors}. csv: one table with a section column first (total, model, day, error) and the columns\n"
         "name, requests, errors, error_rate, input_tokens, output_tokens, cached_tokens, cost_usd,\n"
         "cost_share, latency_p50_ms, latency_p95_ms, ttft_p50_ms, count; a row leaves empty what its\n"
         "section does not have.\n",
         {{"--db", "--since", "--until", "--filter", "--format", "--top", "--policy"}, {}},
         runReport},
        {"replay", "re-price recorded traffic: what it would have cost on another model, batch or caching",
         "usage: tokenscope-cli replay --config FILE [--filter EXPR] [--json] [--db PATH]\n\n"
         "Prices the model calls of the traces EXPR selects (all without --filter) as they were made and\n"
         "under each alternative the config lists, by today's catalog and the usage each call recorded.\n"
         "Nothing is sent to any provider. FILE is JSON:\n"
         "  {\"reprice\": [{\"name\": \"all on gpt-4o-mini\", \"model\": \"gpt-4o-mini\"},\n"
         "               {\"name\": \"gpt-4o to Haiku\", \"model\": \"claude-haiku-4-5\", \"from\": [\"gpt-4o\"]},\n"
         "               {\"name\": \"batch API\", \"batch\": true},\n"
         "               {\"name\": \"prompt caching\", \"prompt_caching\": {\"ttl_s\": 300, \"min_tokens\": 1024}}]}\n"
         "model: price the calls (those of the \"from\" models, else all) at that catalog model, with their\n"
         "recorded token counts. batch: at each model's batch discount. prompt_caching: a call to the same\n"
         "model within ttl_s of an earlier call of its trace reads that call's prompt (up to its own length,\n"
         "at least min_tokens) from the cache, at the cached-input price; where the model lists a cache-write\n"
         "price the earlier call pays to write it. The parts of one alternative combine.\n"
         "Prints a row per alternative (priced calls, cost, change against the calls as recorded at today's\n"
         "prices, input tokens priced as cache reads), then each one's cost by model and its notes; with\n"
         "--json one document {traces, calls, recorded_usd, recorded_calls, price_source, as_recorded,\n"
         "alternatives: [{name, usd, change_usd, change_pct, calls, unpriced_calls, moved_calls, batch_calls,\n"
         "cache_read_tokens, cache_write_tokens, models: [{model, calls, usd, priced}], notes}]}.\n"
         "Exit 1 when the config cannot be read or names a model the catalog does not know.\n",
         {{"--db", "--config", "--filter"}, {"--json"}},
         runReplay},
        {"delete", "delete traces, selected by id or by filter, with their part of every total",
         "usage: tokenscope-cli delete [--db PATH] (--filter EXPR | --trace ID... | --all) [--dry-run] [--json]\n\n"
         "Deletes the traces the filter selects (EXPR as for traces) or the traces with these ids, with\n"
         "their spans, messages and raw exchanges, and takes them out of the hourly totals the panels\n"
         "show. An empty filter selects every trace and is refused unless --all is given. Prints how many\n"
         "traces were deleted and what they cost; --dry-run prints what would be deleted and deletes\n"
         "nothing. Ids not in the workspace are named on standard error. Deletion runs in short\n"
         "transactions, so other programs using the workspace keep writing; interrupting it keeps what\n"
         "was deleted so far, totals included. The file does not shrink: see compact.\n",
         {{"--db", "--filter"}, {"--trace", "--all", "--dry-run", "--json"}},
         runDelete},
        {"retention", "show or set how long the workspace keeps traces; prune older ones",
         "usage: tokenscope-cli retention [--db PATH] [--days N | --off] [--prune] [--json]\n\n"
         "Shows the workspace's retention (kept in the workspace file) and how many traces are older\n"
         "than it. --days N (1 to 36500) keeps traces N days after they started, --off keeps them until\n"
         "deleted. --prune deletes the older traces now, as delete does; `serve` also prunes once an\n"
         "hour while it runs. --json prints {\"retention_days\": N|null, \"older_traces\": N} and, with\n"
         "--prune, \"pruned_traces\" and \"pruned_cost_usd\".\n",
         {{"--db", "--days"}, {"--off", "--prune", "--json"}},
         runRetention},
        {"compact", "give the space of deleted traces back to the file system",
         "usage: tokenscope-cli compact [--db PATH] [--json]\n\n"
         "Rewrites the workspace file without the space deleted traces left (SQLite VACUUM) and empties\n"
         "its write-ahead log, then prints the size before and after (--json: {\"bytes_before\",\n"
         "\"bytes_after\"}). It needs the workspace's write lock for the whole rewrite (seconds for a big\n"
         "workspace): other programs' writes wait meanwhile. When another program holds the lock longer\n"
         "than the timeout (5 s) it stops with that reason and loses nothing; retry when it is idle.\n",
         {{"--db"}, {"--json"}},
         runCompact},
        {"scan", "find personal data, secrets and prompt injection in text; print it redacted",
         "usage: tokenscope-cli scan [--policy FILE] [--json] [FILE|-]\n\n"
         "Scans FILE (or standard input) with the input side of a guard policy and prints each finding\n"
         "(type, start, end, score, action; byte offsets into the input) and the text with the policy's\n"
         "rewrites applied. --json prints {\"findings\": [...], \"redacted\": \"...\", \"blocked\": bool} with\n"
         "prompt-injection reasons under \"injection\" ({\"score\", \"threshold\", \"action\", \"reasons\"});\n"
         "invalid UTF-8 in the input shows as U+FFFD in the JSON text (the offsets stay the input's).\n"
         "Without --policy: personal data and secrets redacted, injection warned at 0.5. The --policy file\n"
         "may be a policy or a gateway config with a \"guard\" section. When the policy blocks, the reason\n"
         "goes to standard error and \"blocked\" is true; the exit status is still 0.\n"
         "Not detected: names, postal addresses and other free-form personal data (they need a language\n"
         "model); detection is pattern-based and the injection score is a heuristic with its reasons.\n",
         {{"--policy"}, {"--json"}},
         runScan},
        {"tokens", "count tokens exactly (OpenAI encodings) or print the token ids",
         "usage: tokenscope-cli tokens [--encoding o200k_base|cl100k_base | --model M] [--ids] [FILE|-]\n\n"
         "Reads FILE (or standard input) and prints its token count, or with --ids a JSON array of token\n"
         "ids, equal to tiktoken's encode_ordinary. --model picks the model's encoding; a model without an\n"
         "exact tokenizer here (Claude, Gemini, Llama) gets a count labelled as an estimate.\n",
         {{"--encoding", "--model"}, {"--ids"}},
         runTokens},
        {"cost", "price a usage line by line from the model catalog (explain this cost)",
         "usage: tokenscope-cli cost --model M --input N --output N [--cached N] [--cache-write N]\n"
         "                           [--cache-write-1h N] [--reasoning N] [--provider P] [--batch]\n"
         "                           [--reported USD] [--anthropic-usage] [--json]\n\n"
         "Prints each usage type's tokens x price = amount, the total, and where the prices come from.\n"
         "--input counts every input token, cached reads and cache writes included (OpenAI's prompt_tokens);\n"
         "with --anthropic-usage it is Anthropic's input_tokens, which leaves them out. --reasoning is part\n"
         "of --output; --cache-write-1h is the part of --cache-write written for one hour. --batch applies the provider's batch discount. --reported compares a cost the\n"
         "provider or a log reported with the computed one and flags a difference.\n"
         "Prices: the shipped catalog with your override file laid over it (see the settings panel).\n",
         {{"--model", "--provider", "--input", "--output", "--cached", "--cache-write", "--cache-write-1h",
           "--reasoning", "--reported"},
          {"--json", "--batch", "--anthropic-usage"}},
         runCost},
        {"serve", "run the local gateway: OpenAI- and Anthropic-compatible API, OTLP receiver",
         "usage: tokenscope-cli serve [--db PATH] [--listen ADDR:PORT] [--config FILE]\n\n"
         "Serves until interrupted (Ctrl-C, SIGTERM), on --listen (default 127.0.0.1:4141; port 0 picks\n"
         "a free one):\n"
         "  POST /v1/chat/completions  OpenAI Chat Completions, streamed or not\n"
         "  POST /v1/messages          Anthropic Messages, streamed or not\n"
         "  GET  /v1/models            the config's routes and every configured provider's models\n"
         "  POST /v1/embeddings        passed to an OpenAI-compatible provider\n"
         "  POST /v1/traces            OTLP/HTTP JSON traces, recorded as they are\n"
         "Point a client's base URL at http://ADDR:PORT/v1 (Anthropic SDKs: http://ADDR:PORT). Each chat\n"
         "request runs through the pipeline and is recorded as a trace in the workspace (created if\n"
         "missing). The model picks the upstream: a route of the config, PROVIDER/MODEL, the provider the\n"
         "catalog names (when configured), or a configured provider that lists it. Providers: as for chat.\n"
         "Headers x-tokenscope-user, x-tokenscope-session, x-tokenscope-tags (comma-separated) and the\n"
         "OpenAI 'user' field become trace attributes. On loopback no key is needed; on any other address\n"
         "serve refuses to start unless the config has virtual keys, and each request must present one\n"
         "(Authorization: Bearer KEY or x-api-key). --config FILE: routes, tiers, budgets and keys (JSON).\n",
         {{"--db", "--listen", "--config"}, {}},
         runServe},
        {"import", "read exported trace logs (OTLP JSON, Tokenscope's export, ...) into the workspace",
         "usage: tokenscope-cli import [--db PATH] [--format NAME] [--json] FILE...\n\n"
         "Reads each FILE (JSON lines, a JSON array, or one JSON document of any size) into the workspace\n"
         "(created if missing). The format is told from the first records; --format NAME skips that\n"
         "(any other name lists the formats). Files of one format are read together, so an OpenAI Batch\n"
         "output joins its input file given in the same call. Importing a file again adds nothing twice.\n"
         "A record that cannot be read is skipped and reported as FILE:LINE: reason; a truncated file\n"
         "imports every whole record and says where it stopped. Ctrl-C stops between traces: what was\n"
         "written is whole, and running the import again completes the rest. Prints one line a file,\n"
         "or with --json {\"files\":[{\"file\",\"format\",\"records\",\"traces\",\"unchanged\",\"spans\",\n"
         "\"skipped\",\"problems\",\"stopped_at\",\"notes\",\"seconds\"}],\"traces\",\"spans\",\"cancelled\"}.\n"
         "Exit 1 when a file cannot be read or has no known format (nothing is imported then).\n",
         {{"--db", "--format"}, {"--json"}},
         runImport},
        {"demo", "generate realistic simulated traffic through the real pipeline",
         "usage: tokenscope-cli demo [--db PATH] [--scenario copilot|writer|rag|agent|all[,..]]\n"
         "                           [--days N] [--seed S] [--rate R]\n\n"
         "Runs about R requests a day (default 2400 across all scenarios) over the N days before now\n"
         "(default 7) on a virtual clock, with the simulated provider. Same seed, same traffic.\n"
         "Without --db it writes the demo workspace, never the user's own.\n",
         {{"--db", "--scenario", "--days", "--seed", "--rate"}, {}},
         runDemo},
    };
    return table;
}

} // namespace ts::cli
