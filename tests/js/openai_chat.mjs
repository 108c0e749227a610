// The official OpenAI client against the gateway: chat non-streaming, streaming, and streaming with
// include_usage. Usage: node openai_chat.mjs http://127.0.0.1:PORT MODEL. Prints one JSON document.
import OpenAI from 'openai';

const [base, model = 'mock-usage'] = process.argv.slice(2);
const client = new OpenAI({
  baseURL: `${base}/v1`,
  apiKey: 'sk-client-side-anything',
  maxRetries: 0,
  defaultHeaders: { 'x-tokenscope-user': 'sdk-user', 'x-tokenscope-session': 'sdk-session', 'x-tokenscope-tags': 'sdk,openai' },
});
const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Say hello.' }];

const plain = await client.chat.completions.create({ model, messages, user: 'body-user' });

let streamed = '';
let finish = null;
for await (const chunk of await client.chat.completions.create({ model, messages, stream: true })) {
  streamed += chunk.choices[0]?.delta?.content ?? '';
  finish = chunk.choices[0]?.finish_reason ?? finish;
}

let usage = null;
let withUsageText = '';
for await (const chunk of await client.chat.completions.create({
  model, messages, stream: true, stream_options: { include_usage: true },
})) {
  withUsageText += chunk.choices[0]?.delta?.content ?? '';
  if (chunk.usage) usage = chunk.usage;
}

console.log(JSON.stringify({
  plain: { id: plain.id, text: plain.choices[0].message.content, finish: plain.choices[0].finish_reason, usage: plain.usage },
  stream: { text: streamed, finish },
  streamWithUsage: { text: withUsageText, usage },
}));
