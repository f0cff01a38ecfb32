// `npm run bench` (fourth part): a year of daily channel practice through the real listeners, then
// the leaderboard, the weekly digest and the App Home exactly as the fake Slack Web API received
// them, and the time to build the App Home for the most active person.
import { homeView } from '../src/messages/home.js';
import { channelReply, eventEnvelope, slashCommand, startHarness, TEAM } from '../test/helpers/harness.js';

const CHANNEL = 'C1234';
const ANSWERS = [
  'At my previous job I ran the billing service and 2% of invoices failed to send. My goal was to fix it before month end. I traced the failures to a template bug, I wrote a fix and I added a test. As a result failures went from 2% to zero and support tickets fell by 30%. I learned to test every locale, and I now add one to each review.',
  'At my last company our deploys took 70 minutes and engineers batched changes to avoid them. My goal was to cut that for the team without new tooling. I profiled the pipeline, I removed 9 dead steps and I wrapped the rest in a script. As a result deploys went from 70 minutes to 11. I learned to measure first, and I now time every pipeline change.',
  'I think we kind of fixed the flaky tests and things got better after a while.',
];

const blocksText = (blocks: unknown): string =>
  (
    blocks as {
      type: string;
      text?: { text: string };
      fields?: { text: string }[];
      elements?: { text?: string | { text: string } }[];
    }[]
  )
    .map((b) => {
      if (b.type === 'divider') return '――――';
      if (b.text) return b.text.text;
      if (b.fields) return b.fields.map((f) => f.text.replace('\n', ': ')).join(' | ');
      if (b.elements)
        return b.elements
          .map((e) => (typeof e.text === 'string' ? e.text : e.text?.text ? `[${e.text.text}]` : ''))
          .join(' ');
      return '';
    })
    .join('\n');

const h = await startHarness({ env: { STAR_ADMINS: 'U1234' }, start: '2025-12-01T08:00:00Z' });
await h.send({ ...slashCommand('schedule 09:30 UTC daily', h.slack.responseUrl('s')), channel_id: CHANNEL });
let n = 0;
for (let day = 0; day < 365; day++) {
  h.clock.set(new Date(Date.parse('2025-12-01T09:30:00Z') + day * 86_400_000).toISOString());
  await h.tick();
  const thread = String(
    h.slack
      .callsTo('chat.postMessage')
      .filter((c) => c.args.thread_ts === undefined)
      .at(-1)?.result?.ts,
  );
  const ts = (k: number) => `${1800000000 + day * 100 + k}.000001`;
  const say = (user: string, text: string, k: number) =>
    h.send(eventEnvelope(channelReply(text, ts(k), thread, user, CHANNEL)));
  // U1111 answers every day and its follow-up; U2222 most days; U3333 on Mondays.
  await say('U1111', ANSWERS[0], 1);
  await say('U1111', 'I pulled the logs myself, I reproduced it in staging and I walked my lead through the data.', 2);
  if (day % 5 !== 4) await say('U2222', ANSWERS[1], 3);
  if (day % 7 === 0) await say('U3333', ANSWERS[2], 4);
  if (day % 3 === 0)
    await h.send(
      eventEnvelope({
        type: 'reaction_added',
        user: 'U2222',
        reaction: 'star',
        item_user: 'U1111',
        item: { type: 'message', channel: CHANNEL, ts: ts(1) },
      }),
    );
  if (day % 7 === 0)
    await h.send(
      eventEnvelope({
        type: 'reaction_added',
        user: 'U1111',
        reaction: 'busts_in_silhouette',
        item_user: 'U3333',
        item: { type: 'message', channel: CHANNEL, ts: ts(4) },
      }),
    );
  n++;
}
await h.send({ ...slashCommand('schedule digest fri 16:00', h.slack.responseUrl('d')), channel_id: CHANNEL });

// Friday 27 November 2026, 16:00 UTC: the digest.
h.clock.set('2026-11-27T16:00:00Z');
await h.tick();
const digest = h.slack
  .callsTo('chat.postMessage')
  .filter((c) => JSON.stringify(c.args.blocks).includes('Weekly practice digest'))
  .at(-1);

h.clock.set('2026-11-30T08:00:00Z');
const leaderboard = (await h.send({
  ...slashCommand('leaderboard month', h.slack.responseUrl('l')),
  channel_id: CHANNEL,
})) as { blocks: unknown[] };

await h.send(
  eventEnvelope({
    type: 'app_home_opened',
    user: 'U1111',
    channel: 'D1111',
    tab: 'home',
    event_ts: '1800000000.000001',
  }),
);
const home = h.slack.callsTo('views.publish').at(-1)?.args.view as { blocks: unknown[] };

const runs: number[] = [];
for (let i = 0; i < 20; i++) {
  const started = performance.now();
  homeView(await h.services.progress.home(TEAM, 'U1111'));
  runs.push(performance.now() - started);
}
runs.sort((a, b) => a - b);
const answers = (await h.repos.answers.listForUser(TEAM, 'U1111')).length;

console.log(`\n${n} days of channel practice; U1111 has ${answers} scored answers and follow-ups.`);
console.log('\n=== /star leaderboard month (ephemeral ack body) ===');
console.log(blocksText(leaderboard.blocks));
console.log('\n=== weekly digest (chat.postMessage to C1234) ===');
console.log(blocksText(digest?.args.blocks));
console.log(`\n=== App Home (views.publish for U1111, ${home.blocks.length} blocks) ===`);
console.log(blocksText(home.blocks));
console.log(
  `\nApp Home for a year of daily answers, built from the database: median ${runs[10].toFixed(1)} ms, best ${runs[0].toFixed(1)} ms (20 runs)`,
);
await h.close();
