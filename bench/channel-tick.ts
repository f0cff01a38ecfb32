// `npm run bench` (third part): the channel tick at scale, on a real SQLite file.
//  1. One tick over 10,000 enabled schedules when none is due (the every-minute cost).
//  2. 1,000 channels due in the same minute, posted to a fake Slack Web API on 127.0.0.1 that
//     allows 50 chat.postMessage calls a second and answers 429 (Retry-After: 1) beyond that.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebClient } from '@slack/web-api';
import { fixedClock } from '../src/clock.js';
import { loadLibrary } from '../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../src/content/paths.js';
import type { Repositories } from '../src/db/ports.js';
import { openDatabase, sqliteRepositories } from '../src/db/sqlite/index.js';
import { backfillNextRuns } from '../src/db/sqlite/next-runs.js';
import { schedules as scheduleTable } from '../src/db/sqlite/schema.js';
import type { JobContext } from '../src/scheduler/context.js';
import { postDuePrompts } from '../src/scheduler/post-due-prompts.js';
import { createServices } from '../src/services/index.js';
import { webClientGateway } from '../src/slack/gateway.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';

const ZONES = [
  'Pacific/Honolulu',
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Kiritimati',
  'UTC',
];
const quiet = { debug() {}, info() {}, warn() {}, error: console.error };

/** The services wired as in production against the fake Slack, as the minute job sees them. */
function jobContext(
  repos: Repositories,
  clock: ReturnType<typeof fixedClock>,
  slack: FakeSlack,
  graceMs: number,
): JobContext {
  const client = new WebClient('xoxb-bench', {
    slackApiUrl: slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
  const gateway = webClientGateway(client, 'xoxb-bench');
  const services = createServices({
    repos,
    library: loadLibrary(DEFAULT_SCENARIOS_DIR),
    slackFor: () => gateway,
    clock,
    random: Math.random,
    logger: quiet,
    admins: [],
  });
  return {
    services,
    graceMs,
    retention: { repliesMs: 30 * 24 * 3600_000, eventsMs: 24 * 3600_000 },
    logger: quiet,
  };
}

async function setup(schedules: number, dueMinuteUtc: number | null) {
  const dir = mkdtempSync(path.join(tmpdir(), 'star-bench-'));
  const database = openDatabase(path.join(dir, 'star.db'));
  const repos = sqliteRepositories(database.db);
  const clock = fixedClock('2026-11-30T06:00:00Z');
  const created = new Date('2026-11-29T00:00:00Z').toISOString();
  // Seeded straight into the table in one transaction (the setup is not what is measured).
  const rows = Array.from({ length: schedules }, (_, i) => {
    // Due ones all fire at dueMinuteUtc (UTC zone); the rest are spread over the day and the world.
    const due = dueMinuteUtc !== null;
    return {
      teamId: 'T1234',
      channelId: `C${String(i).padStart(6, '0')}`,
      minuteOfDay: due ? dueMinuteUtc : (i * 37) % 1440,
      timezone: due ? 'UTC' : ZONES[i % ZONES.length],
      days: [0, 1, 2, 3, 4, 5, 6],
      lps: [],
      notBefore: created,
      createdBy: 'U1234',
      createdAt: created,
      updatedAt: created,
    };
  });
  database.db.transaction((tx) => {
    for (let i = 0; i < rows.length; i += 500)
      tx.insert(scheduleTable)
        .values(rows.slice(i, i + 500))
        .run();
  });
  // Their next prompt and digest instants, as a start of the app fills them in.
  backfillNextRuns(database.db, clock.now());
  return { dir, database, repos, clock };
}

// 1. The every-minute cost with 10,000 schedules, none due at this minute.
{
  const { dir, database, repos, clock } = await setup(10_000, null);
  const slack = await new FakeSlack().start();
  const ctx = jobContext(repos, clock, slack, 0);
  // A minute at which none of the spread schedules is due with a zero grace window.
  clock.set('2026-11-30T06:00:30Z');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const result = await postDuePrompts(ctx, clock.now());
    runs.push(performance.now() - started);
    if (result.claimed !== 0) throw new Error('expected no posts');
  }
  runs.sort((a, b) => a - b);
  console.log(`tick over 10,000 schedules (none due): median ${runs[2].toFixed(0)} ms, best ${runs[0].toFixed(0)} ms`);
  database.close();
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
}

// 2. 1,000 channels due in the same minute, against a rate-limited fake Slack.
{
  const { dir, database, repos, clock } = await setup(1_000, 9 * 60);
  const slack = await new FakeSlack().start();
  slack.rateLimit('chat.postMessage', 50);
  const ctx = jobContext(repos, clock, slack, 2 * 3600_000);
  clock.set('2026-11-30T09:00:00Z');
  const started = performance.now();
  // The tick claims and queues; the outbox posts in the background, each channel at its own pace.
  const result = await postDuePrompts(ctx, clock.now());
  const tickSeconds = (performance.now() - started) / 1000;
  // The app's clock follows real time here, so Retry-After waits are real waits.
  let last = Date.now();
  while (slack.callsTo('chat.postMessage').length < result.claimed && performance.now() - started < 120_000) {
    await ctx.services.outbox.deliverDue(clock.now());
    await new Promise((resolve) => setTimeout(resolve, 50));
    clock.advance(Date.now() - last);
    last = Date.now();
  }
  const seconds = (performance.now() - started) / 1000;
  const channels = new Set(slack.callsTo('chat.postMessage').map((c) => c.args.channel));
  console.log(
    `1,000 channels due at once: the tick claimed ${result.claimed} in ${tickSeconds.toFixed(1)} s; ` +
      `all posted to ${channels.size} distinct channels in ${seconds.toFixed(1)} s; ` +
      `${slack.rateLimited} calls refused with 429 and retried after Retry-After (limit 50/s)`,
  );
  const again = await postDuePrompts(ctx, clock.now());
  console.log(`same minute, second tick: ${again.claimed} claimed (slots already taken)`);
  database.close();
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
}
