// The official clients against a gateway with routes, fallbacks and budgets (tests/core/
// test_gateway_sdk_policies). Usage: node gateway_policies.mjs http://127.0.0.1:PORT MODE [N MAX_TOKENS]
//   fallback   OpenAI client, non-streaming and streaming, on routes fb-429 and fb-500
//   race       N streaming requests at once (Promise.all) on route "budget" as user "racer"
//   anthropic  Anthropic client, streaming, on route claude-fb
// Prints one JSON document.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

const [base, mode, count = '50', maxTokens = '2000'] = process.argv.slice(2);
const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Say hello.' }];

function openai(user) {
  return new OpenAI({
    baseURL: `${base}/v1`,
    apiKey: 'sk-client-side-anything',
    maxRetries: 0,
    defaultHeaders: { 'x-tokenscope-user': user, 'x-tokenscope-tags': 'sdk,policies' },
  });
}

async function streamedText(stream) {
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  return text;
}

// What a failed call looked like to the caller: RateLimitError (HTTP 429) or APIError (in-stream).
function failure(e) {
  return { ok: false, name: e?.constructor?.name ?? 'Error', status: e?.status ?? null, code: e?.code ?? null, message: String(e?.message) };
}

async function fallback() {
  const client = openai('sdk-fallback');
  const out = {};
  for (const model of ['fb-429', 'fb-500']) {
    const plain = await client.chat.completions.create({ model, messages });
    const stream = await streamedText(await client.chat.completions.create({ model, messages, stream: true }));
    out[model] = { plain: plain.choices[0].message.content, stream };
  }
  return out;
}

async function race() {
  const client = openai('racer');
  const one = async () => {
    try {
      const stream = await client.chat.completions.create({
        model: 'budget', messages, stream: true, max_tokens: Number(maxTokens),
      });
      return { ok: true, text: await streamedText(stream) };
    } catch (e) {
      return failure(e);
    }
  };
  return { results: await Promise.all(Array.from({ length: Number(count) }, one)) };
}

async function anthropic() {
  const client = new Anthropic({ baseURL: base, apiKey: 'sk-ant-client-side-anything', maxRetries: 0 });
  const stream = client.messages.stream({
    model: 'claude-fb', max_tokens: 64, system: 'Be brief.', messages: [{ role: 'user', content: 'Say hello.' }],
  });
  let text = '';
  stream.on('text', (t) => { text += t; });
  const final = await stream.finalMessage();
  return { text, stop: final.stop_reason };
}

const modes = { fallback, race, anthropic };
if (!modes[mode]) {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
console.log(JSON.stringify(await modes[mode]()));
