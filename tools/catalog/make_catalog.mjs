// Writes resources/catalog/models.json, the model catalog compiled into tokenscope_core, from the
// price data embedded in @pydantic/genai-prices (MIT) plus the hand-written supplement.json.
//
//   npm ci && node make_catalog.mjs [--date YYYY-MM-DD] [--out FILE]
//
// Providers kept: the first-party model vendors in the data — openai, anthropic, google (the Gemini
// API; its Vertex-resold Claude entries are dropped), mistral, deepseek, x-ai (written "xai"),
// cohere, moonshotai, minimax, perplexity, zai, voyageai (embeddings) — and groq, the one inference
// host kept because its API is common and small. Left out: cloud resellers and routers (aws, azure,
// openrouter, together, fireworks, novita, baseten, cerebras, cloudflare, huggingface_*, ovhcloud,
// modal, ...), zhipuai (CNY prices converted to USD; z.ai is its USD face), and arcee, cursor,
// github-copilot (mostly other vendors' models).
//
// Models kept: those with a text input price and either a text output price or no output price at
// all (embeddings); speech, transcription, OCR and moderation models are dropped.
// Prices in force on --date (default: today, UTC). Where a price depends on the time of day
// (DeepSeek's peak and off-peak hours), the price in force for most of the day is kept.
// genai-prices has no max output tokens and no batch discounts: supplement.json supplies them, and
// the zero-priced local models (Ollama, llama.cpp).
import { findProvider } from '@pydantic/genai-prices';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@pydantic/genai-prices';
const VERSION = '0.1.8';
const HERE = path.dirname(fileURLToPath(import.meta.url));

// [id in genai-prices, id in our catalog]
const PROVIDERS = [
  ['openai', 'openai'], ['anthropic', 'anthropic'], ['google', 'google'], ['mistral', 'mistral'],
  ['deepseek', 'deepseek'], ['x-ai', 'xai'], ['cohere', 'cohere'], ['moonshotai', 'moonshotai'],
  ['minimax', 'minimax'], ['perplexity', 'perplexity'], ['zai', 'zai'], ['voyageai', 'voyageai'],
  ['groq', 'groq'],
];

const PRICE_FIELDS = [
  ['input_mtok', 'input'], ['cache_read_mtok', 'cachedInput'], ['cache_write_mtok', 'cacheWrite5m'],
  ['cache_write_1h_mtok', 'cacheWrite1h'], ['output_mtok', 'output'], ['output_reasoning_mtok', 'reasoning'],
];

const NOT_TEXT = /(^|[-_/.])(tts|transcribe|whisper|moderation|ocr|voice)([-_.:]|$)/i;

function parseArgs(argv) {
  const args = { date: new Date().toISOString().slice(0, 10), out: path.join(HERE, '../../resources/catalog/models.json') };
  for (let i = 2; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--date' && /^\d{4}-\d{2}-\d{2}$/.test(value ?? '')) args.date = value;
    else if (key === '--out' && value) args.out = path.resolve(value);
    else throw new Error(`usage: node make_catalog.mjs [--date YYYY-MM-DD] [--out FILE] (bad argument '${key}')`);
  }
  return args;
}

function installedVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(HERE, 'node_modules', PACKAGE, 'package.json'), 'utf8'));
  if (pkg.version !== VERSION) throw new Error(`${PACKAGE} ${pkg.version} installed, ${VERSION} expected: run npm ci`);
  return pkg.version;
}

// The day the pinned version was published, from the registry.
function publishDate() {
  const times = JSON.parse(execFileSync('npm', ['view', PACKAGE, 'time', '--json'], { encoding: 'utf8' }));
  if (!times[VERSION]) throw new Error(`npm view ${PACKAGE} time: no publish time for ${VERSION}`);
  return times[VERSION].slice(0, 10);
}

// --- prices -------------------------------------------------------------------------------------

const secondsOfDay = (hms) => {
  const [h, m, s] = hms.replace(/Z$/, '').split(':').map(Number);
  return h * 3600 + m * 60 + (s || 0);
};

// The entry genai-prices would choose at `when` (its own rule: the last entry whose constraint holds).
function entryAt(list, when) {
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i].constraint;
    if (!c) return i;
    if (c.type === 'start_date' && when >= new Date(c.start_date)) return i;
    if (c.type === 'time_of_date') {
      const t = when.getUTCHours() * 3600 + when.getUTCMinutes() * 60;
      const [start, end] = [secondsOfDay(c.start_time), secondsOfDay(c.end_time)];
      if (end < start ? t >= start || t < end : t >= start && t < end) return i;
    }
  }
  return 0;
}

// The prices in force on `day` for most of the day, and the start date of that entry if it has one.
function pricesOn(model, day) {
  if (!Array.isArray(model.prices)) return { prices: model.prices, startDate: null };
  const counts = new Map();
  for (let halfHour = 0; halfHour < 48; halfHour++) {
    const i = entryAt(model.prices, new Date(Date.parse(`${day}T00:00:00Z`) + halfHour * 1800e3));
    counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const best = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const entry = model.prices[best];
  return { prices: entry.prices, startDate: entry.constraint?.start_date ?? null };
}

function price(value) {
  if (typeof value === 'number') return value;
  return { base: value.base, tiers: value.tiers.map((t) => ({ above: t.start, perMTok: t.price })) };
}

function mapPrices(raw) {
  const out = {};
  for (const [from, to] of PRICE_FIELDS) if (raw[from] !== undefined) out[to] = price(raw[from]);
  return out;
}

const isText = (raw) => raw.input_mtok !== undefined
  && (raw.output_mtok !== undefined || !Object.keys(raw).some((k) => k.startsWith('output_')));

// --- match rules --------------------------------------------------------------------------------

const escapeRegex = (s) => s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

// One rule as a regex with the same meaning under search (unanchored) semantics.
function ruleRegex(rule) {
  if ('equals' in rule) return `^${escapeRegex(rule.equals)}$`;
  if ('starts_with' in rule) return `^${escapeRegex(rule.starts_with)}`;
  if ('ends_with' in rule) return `${escapeRegex(rule.ends_with)}$`;
  if ('contains' in rule) return escapeRegex(rule.contains);
  if ('regex' in rule) return rule.regex;
  if ('or' in rule) return `(?:${rule.or.map(ruleRegex).join('|')})`;
  if ('and' in rule) return `^${rule.and.map(lookahead).join('')}`;
  throw new Error(`unknown match rule ${JSON.stringify(rule)}`);
}

// One part of an "and", tested from the start of the id.
const lookahead = (rule) => ('starts_with' in rule ? `(?=${escapeRegex(rule.starts_with)})` : `(?=.*?(?:${ruleRegex(rule)}))`);

// Rules are case-insensitive: keep the first of those that differ only in case.
const unique = (list) => list.filter((x, i) => list.findIndex((y) => y.toLowerCase() === x.toLowerCase()) === i);

// Top-level rules become prefixes where they are plain starts_with, one alias regex for the
// equals, and a regex each for the rest. An equals of the id itself is implied.
function matchRules(id, match) {
  const rules = 'or' in match ? match.or : [match];
  const prefixes = [], aliases = [], patterns = [];
  for (const rule of rules) {
    if ('starts_with' in rule) prefixes.push(rule.starts_with);
    else if ('equals' in rule) {
      if (rule.equals.toLowerCase() !== id.toLowerCase()) aliases.push(escapeRegex(rule.equals));
    } else patterns.push(ruleRegex(rule));
  }
  if (aliases.length) patterns.unshift(aliases.length === 1 ? `^${aliases[0]}$` : `^(?:${aliases.join('|')})$`);
  return { prefixes: unique(prefixes), patterns: unique(patterns) };
}

// --- supplement ---------------------------------------------------------------------------------

const rowMatches = (row, id) => (row.match.endsWith('*') ? id.startsWith(row.match.slice(0, -1)) : id === row.match);

function batchDiscount(supplement, provider, id) {
  const row = supplement.batchDiscount.find((r) => r.provider === provider && rowMatches(r, id)
    && !(r.except ?? []).some((word) => id.includes(word)));
  return row ? row.discount : 0;
}

// Max output tokens (and the context window where genai-prices has none), 0 when unknown.
function limits(supplement, model) {
  const row = supplement.limits.find((r) => rowMatches(r, model.id)) ?? {};
  return { contextWindow: model.context_window ?? row.contextWindow ?? 0, maxOutputTokens: row.maxOutputTokens ?? 0 };
}

// --- tokenizers (tiktoken's model.py prefixes for OpenAI; an estimate for everyone else) --------

const O200K = ['gpt-4o', 'gpt-4.1', 'gpt-4.5', 'gpt-5', 'o1', 'o3', 'o4', 'chatgpt-4o', 'ft:gpt-4o'];
const CL100K = ['gpt-4', 'gpt-3.5', 'ft:gpt-3.5', 'text-embedding-3-', 'text-embedding-ada-002'];

function tokenizer(provider, id) {
  const lower = id.toLowerCase();
  if (provider === 'openai' && !lower.startsWith('gpt-oss')) {
    if (O200K.some((p) => lower.startsWith(p))) return 'o200k_base';
    if (CL100K.some((p) => lower.startsWith(p))) return 'cl100k_base';
  }
  if (provider === 'anthropic') return 'estimate:claude';
  if (provider === 'google') return 'estimate:gemini';
  if (lower.includes('llama')) return 'estimate:llama';
  return 'estimate:generic';
}

// --- entries ------------------------------------------------------------------------------------

function entryFor(ctx, provider, ourProvider, model) {
  if (NOT_TEXT.test(model.id)) return null;
  if (ourProvider === 'google' && model.id.startsWith('claude')) return null; // Vertex resale
  const { prices: raw, startDate } = pricesOn(model, ctx.date);
  if (!isText(raw)) return null;
  return {
    id: model.id,
    provider: ourProvider,
    name: model.name ?? model.id,
    ...limits(ctx.supplement, model),
    prices: mapPrices(raw),
    batchDiscount: batchDiscount(ctx.supplement, ourProvider, model.id),
    tokenizer: tokenizer(ourProvider, model.id),
    source: `${provider.pricing_urls?.[0] ?? provider.name} via ${PACKAGE} ${VERSION}`,
    sourceDate: startDate && startDate > ctx.published ? startDate : ctx.published,
    ...matchRules(model.id, model.match),
  };
}

function localEntry(ctx, row) {
  return {
    id: row.id, provider: row.provider, name: row.name, contextWindow: row.contextWindow,
    maxOutputTokens: row.maxOutputTokens ?? 0, prices: { input: 0, output: 0 }, batchDiscount: 0,
    tokenizer: row.tokenizer, source: `${row.source} (runs locally: no per-token charge)`,
    sourceDate: ctx.date, prefixes: row.prefixes ?? [], patterns: row.patterns ?? [],
  };
}

function allEntries(ctx) {
  const entries = [];
  for (const [theirs, ours] of PROVIDERS) {
    const provider = findProvider({ providerId: theirs });
    if (!provider) throw new Error(`${PACKAGE} ${VERSION} has no provider '${theirs}'`);
    for (const model of provider.models) {
      const entry = entryFor(ctx, provider, ours, model);
      if (entry) entries.push(entry);
    }
  }
  return entries.concat(ctx.supplement.local.map((row) => localEntry(ctx, row)));
}

function checkUnique(entries) {
  const seen = new Set();
  for (const e of entries) {
    const key = `${e.provider}/${e.id}`.toLowerCase();
    if (seen.has(key)) throw new Error(`duplicate model ${key}`);
    seen.add(key);
  }
}

// --- output: one model per four lines, so a price change is a one-line diff ---------------------

const j = JSON.stringify;

function formatEntry(e) {
  return [
    `    {"id": ${j(e.id)}, "provider": ${j(e.provider)}, "name": ${j(e.name)}, `
      + `"contextWindow": ${e.contextWindow}, "maxOutputTokens": ${e.maxOutputTokens},`,
    `     "prices": ${j(e.prices).replace(/,"/g, ', "').replace(/":/g, '": ')}, "batchDiscount": ${e.batchDiscount}, `
      + `"tokenizer": ${j(e.tokenizer)},`,
    `     "source": ${j(e.source)}, "sourceDate": ${j(e.sourceDate)},`,
    `     "prefixes": ${j(e.prefixes)}, "patterns": ${j(e.patterns)}}`,
  ].join('\n');
}

function formatDocument(ctx, entries) {
  return `{"format": 1, "source": ${j(`${PACKAGE} ${VERSION} (MIT)`)}, "generated": ${j(ctx.date)},\n`
    + ` "models": [\n${entries.map(formatEntry).join(',\n')}\n ]}\n`;
}

function main() {
  const args = parseArgs(process.argv);
  installedVersion();
  const ctx = {
    date: args.date,
    published: publishDate(),
    supplement: JSON.parse(fs.readFileSync(path.join(HERE, 'supplement.json'), 'utf8')),
  };
  const entries = allEntries(ctx);
  checkUnique(entries);
  const text = formatDocument(ctx, entries);
  JSON.parse(text); // the formatter must write valid JSON
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, text);
  const counts = new Map();
  for (const e of entries) counts.set(e.provider, (counts.get(e.provider) ?? 0) + 1);
  console.log(`${args.out}: ${entries.length} models (${[...counts].map(([p, n]) => `${p} ${n}`).join(', ')})`);
}

main();
