// The official Anthropic client against the gateway: messages non-streaming, and streaming with the
// SDK's stream helper and finalMessage(). Usage: node anthropic_messages.mjs http://127.0.0.1:PORT MODEL.
// Prints one JSON document.
import Anthropic from '@anthropic-ai/sdk';

const [base, model = 'claude-test'] = process.argv.slice(2);
const client = new Anthropic({
  baseURL: base,
  apiKey: 'sk-ant-client-side-anything',
  maxRetries: 0,
  defaultHeaders: { 'x-tokenscope-session': 'sdk-session', 'x-tokenscope-tags': 'sdk,anthropic' },
});
const request = { model, max_tokens: 64, system: 'Be brief.', messages: [{ role: 'user', content: 'Say hello.' }] };

const plain = await client.messages.create(request);

const stream = client.messages.stream(request);
let streamed = '';
stream.on('text', (text) => { streamed += text; });
const final = await stream.finalMessage();

console.log(JSON.stringify({
  plain: { id: plain.id, text: plain.content.map((b) => b.text ?? '').join(''), stop: plain.stop_reason, usage: plain.usage },
  stream: { text: streamed, finalText: final.content.map((b) => b.text ?? '').join(''), stop: final.stop_reason, usage: final.usage },
}));
