// What a Web API call costs the app: @slack/web-api's client posting chat.postMessage to a local
// server on 127.0.0.1, over Node's global fetch and over src/slack/web-api-fetch.ts (undici's
// request API), in alternating rounds. CPU is measured in this process, and the server (same
// process) answers with a fixed body, so both columns carry the same server cost.
// `npx tsx bench/web-api-fetch.ts`
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { webApiFetch } from '../src/slack/web-api-fetch.js';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true,"channel":"C1234","ts":"1700000000.000100","message":{"text":"ok"}}');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const slackApiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;

// A feedback-sized message: about 3 KB of blocks.
const blocks = Array.from({ length: 8 }, (_, i) => ({
  type: 'section',
  text: { type: 'mrkdwn', text: `*Part ${i + 1}* ${'a few words of coaching '.repeat(14)}` },
}));
const options = { slackApiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };
const clients = {
  'global fetch': new WebClient('xoxb-bench', options),
  webApiFetch: new WebClient('xoxb-bench', { ...options, fetch: webApiFetch() }),
};

const CALLS = 2_000;
async function round(client: WebClient): Promise<{ cpuUs: number; wallUs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < CALLS; i++)
    await client.chat.postMessage({ channel: 'C1234', thread_ts: '1700000000.000001', text: 'feedback', blocks });
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / CALLS, wallUs: ((performance.now() - started) * 1000) / CALLS };
}

for (const client of Object.values(clients)) for (let i = 0; i < 300; i++) await client.auth.test();
console.log('| round | client over | CPU per call (both ends) | wall per call |\n|---|---|---|---|');
for (let r = 1; r <= 3; r++)
  for (const [name, client] of Object.entries(clients)) {
    const { cpuUs, wallUs } = await round(client);
    console.log(`| ${r} | ${name} | ${cpuUs.toFixed(0)} µs | ${wallUs.toFixed(0)} µs |`);
  }
server.close();
process.exit(0);
