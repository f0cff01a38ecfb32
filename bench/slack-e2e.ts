// `npm run bench` (second part): latency on the end-to-end harness: the real Bolt HTTP receiver on
// 127.0.0.1 and a fake Slack Web API, with signed requests. Prints median and p95.
import { ACTION_IDS } from '../src/messages/ids.js';
import { startE2E } from '../test/helpers/e2e.js';
import { buttonClick, dmReply, eventEnvelope, slashCommand } from '../test/helpers/harness.js';
import { postCommand, postEvent, postInteraction } from '../test/helpers/signed.js';

const ROUNDS = 60;
const ANSWER =
  'At my previous job I was on the search team and query latency had doubled. My goal was to bring p99 back under 300 ms before launch. ' +
  'I profiled the service and I found an N+1 query. I rewrote it as one batched call and I added a latency budget to CI. ' +
  'As a result p99 went from 640 ms to 210 ms and search abandonment fell 4%. I learned to profile before tuning, and I now check query counts in every review.';

const e2e = await startE2E();
const ack: number[] = [];
const feedback: number[] = [];
const probe: number[] = [];
const postsSoFar = () => e2e.slack.callsTo('chat.postMessage').length;
async function until(count: number): Promise<number> {
  await e2e.slack.waitFor(() => postsSoFar() >= count, 10_000);
  return e2e.slack.callsTo('chat.postMessage')[count - 1].at;
}

for (let i = 0; i < ROUNDS; i++) {
  const user = `U${String(10_000 + i)}`;
  const dm = `D${String(10_000 + i)}`;
  let started = performance.now();
  const res = await postCommand(e2e.eventsUrl, slashCommand('practice dive-deep', e2e.slack.responseUrl(), user));
  await res.text();
  ack.push(performance.now() - started);
  const questionAt = postsSoFar() + 1;
  await until(questionAt);
  const questionTs = String(e2e.slack.callsTo('chat.postMessage')[questionAt - 1].result?.ts);

  started = performance.now();
  await postEvent(
    e2e.eventsUrl,
    eventEnvelope({ ...dmReply(ANSWER, `1800000${i}.000001`, questionTs, user), channel: dm }),
  );
  feedback.push((await until(questionAt + 1)) - started);

  const session = await e2e.repos.sessions.findByThread('T1234', dm, questionTs, user);
  started = performance.now();
  await postInteraction(e2e.eventsUrl, {
    ...buttonClick(ACTION_IDS.startProbes, String(session?.id), e2e.slack.responseUrl()),
    user: { id: user, team_id: 'T1234' },
  });
  probe.push((await until(questionAt + 2)) - started);
}
await e2e.close();

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms`;
};
console.log(`end-to-end over HTTP on 127.0.0.1, ${ROUNDS} rounds (signed requests, SQLite WAL file, fake Web API):`);
console.log(`  slash command → ack (HTTP response)          ${stats(ack)}`);
console.log(`  answer event → feedback chat.postMessage     ${stats(feedback)}`);
console.log(`  "Follow-up questions" click → probe posted   ${stats(probe)}`);
