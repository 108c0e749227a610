// The js-tiktoken side of bench/tokenizer_bench: times encode (no special tokens allowed or
// disallowed, = tiktoken's encode_ordinary) on each FILE and prints one JSON object:
//   {"encoding": ..., "files": [{"file", "bytes", "tokens", "seconds", "runs"}, ...]}
// seconds is the best of up to RUNS timed runs after a warm-up; once a file has used BUDGET
// seconds no further runs start (its first run always completes).
// Usage: node tiktoken_bench.mjs --encoding o200k_base [--runs 5] [--budget 20] FILE...
import { getEncoding } from "js-tiktoken";
import { readFileSync } from "node:fs";

function parseArgs(argv) {
  const options = { encoding: "o200k_base", runs: 5, budget: 20, files: [] };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === "--encoding") options.encoding = argv[++i];
    else if (argv[i] === "--runs") options.runs = Number(argv[++i]);
    else if (argv[i] === "--budget") options.budget = Number(argv[++i]);
    else options.files.push(argv[i]);
  }
  return options;
}

function secondsSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

// Warms the JIT on a prefix: a whole long run of one character would itself take minutes.
function warmUp(encoder, text) {
  encoder.encode(text.slice(0, 64 * 1024), [], []);
}

function timeFile(encoder, file, runs, budget) {
  const text = readFileSync(file, "utf8");
  warmUp(encoder, text);
  let best = Infinity;
  let tokens = 0;
  let done = 0;
  const started = process.hrtime.bigint();
  while (done < runs && (done === 0 || secondsSince(started) < budget)) {
    const start = process.hrtime.bigint();
    tokens = encoder.encode(text, [], []).length;
    best = Math.min(best, secondsSince(start));
    ++done;
  }
  return { file, bytes: Buffer.byteLength(text, "utf8"), tokens, seconds: best, runs: done };
}

const options = parseArgs(process.argv.slice(2));
const encoder = getEncoding(options.encoding);
const files = options.files.map((file) => timeFile(encoder, file, options.runs, options.budget));
process.stdout.write(JSON.stringify({ encoding: options.encoding, files }) + "\n");
