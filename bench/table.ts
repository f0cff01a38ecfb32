// `npm run bench` (first part): the one table the README shows, on this machine, in one run.
//  1. Acks and feedback under concurrent thread answers: STAR Coach (compiled, `node dist/main.js`)
//     and a bare Bolt app (bench/bare-bolt.mjs), each in its own process, against one fake Slack on
//     127.0.0.1, with signed requests, bursts interleaved between the two.
//  2. The minute tick at 1k/10k/100k schedules, none due, on an ordinary day and on digest day.
//  3. Bytes stored per answer (after VACUUM) and a year of a 1,000-person company answering daily.
//  4. Start-up to /healthz and resident memory.
//  5. Rubric throughput in-process, through the CLI, and write-good and a naive regex scan for scale.
// Needs `npm run build` first (the compiled app and CLI are what is measured).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebClient } from '@slack/web-api';
import Database from 'better-sqlite3';
import { fixedClock } from '../src/clock.js';
import { loadLibrary } from '../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../src/content/paths.js';
import { scoreAnswer } from '../src/core/rubric/index.js';
import { localParts, nextDigestAt, nextRunAt } from '../src/core/schedule.js';
import type { Repositories } from '../src/db/ports.js';
import { openDatabase, sqliteRepositories } from '../src/db/sqlite/index.js';
import { schedules as scheduleTable } from '../src/db/sqlite/schema.js';
import type { JobContext } from '../src/scheduler/context.js';
import { runMinute } from '../src/scheduler/minute.js';
import { createServices } from '../src/services/index.js';
import { webClientGateway } from '../src/slack/gateway.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { channelReply, eventEnvelope } from '../test/helpers/harness.js';
import { postEvent, SIGNING_SECRET } from '../test/helpers/signed.js';
import { benchCorpus, benchCorpusLines } from './rubric-corpus.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const TEAM = 'T1234';
const CHANNEL = 'C1234';
const ANSWER =
  'At my previous job I was on the search team and query latency had doubled. My goal was to bring p99 back under 300 ms before launch. ' +
  'I profiled the service and I found an N+1 query. I rewrote it as one batched call and I added a latency budget to CI. ' +
  'As a result p99 went from 640 ms to 210 ms and search abandonment fell 4%. I learned to profile before tuning, and I now check query counts in every review.';
const quiet = { debug() {}, info() {}, warn() {}, error: console.error };
/** BENCH_PARTS=acks,start,tick,rubric runs only those parts (all by default). */
const want = (part: string) => !process.env.BENCH_PARTS || process.env.BENCH_PARTS.split(',').includes(part);
const rows: [string, string, string, string][] = [];
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const pct = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const pause = (t: number) => new Promise((r) => setTimeout(r, t));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Proc {
  child: ChildProcess;
  url: string;
  startMs: number;
  rssMiB: () => number;
  /** CPU time (user + system) the process has used so far, in ms. */
  cpuMs: () => number;
  stop(): Promise<void>;
}

/** Spawns a server and waits for GET /healthz; start-up time is from spawn to the first 200. */
async function startProcess(args: string[], env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // A bench that fails part-way must not leave its servers running.
  process.once('exit', () => child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    await pause(5);
  }
  const startMs = performance.now() - started;
  return {
    child,
    url,
    startMs,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024,
    cpuMs: () => {
      // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name): user and system ticks.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    },
    stop: () =>
      new Promise((resolve) => {
        // A process that has not exited 20 s after SIGTERM is killed, so the bench cannot hang here.
        const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

function vacuumedBytes(file: string): number {
  const sqlite = new Database(file);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('VACUUM');
  const bytes =
    (sqlite.pragma('page_count', { simple: true }) as number) *
    (sqlite.pragma('page_size', { simple: true }) as number);
  sqlite.close();
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// 1. Acks and feedback.
const slack = await new FakeSlack().start();
const dir = mkdtempSync(path.join(tmpdir(), 'star-table-'));
const dbFile = path.join(dir, 'star.db');
const library = loadLibrary(DEFAULT_SCENARIOS_DIR);
const PROMPT_TS = '1800000000.000100';
/** Bursts of answers from people welcomed before: how many, of how many answers each. */
const WELCOMED_ROUNDS = 4;
const WELCOMED_BURST = 50;
const WELCOMED = Array.from({ length: WELCOMED_ROUNDS * WELCOMED_BURST }, (_, i) => `U${200_001 + i}`);
{
  // A channel prompt already posted (public feedback), seeded before the app starts.
  const database = openDatabase(dbFile);
  const repos = sqliteRepositories(database.db);
  const now = new Date();
  const scenario = library.scenarios[0];
  const id = await repos.prompts.claim(
    {
      teamId: TEAM,
      channelId: CHANNEL,
      slotKey: now.toISOString().slice(0, 10),
      slotAt: now.toISOString(),
      lp: scenario.lp,
      questionId: scenario.id,
      level: 'sde2',
      feedback: 'public',
    },
    { text: scenario.question, blocks: [] },
    false,
    now,
  );
  if (id === undefined) throw new Error('could not seed the prompt');
  await repos.replies.claim(id, now);
  await repos.replies.markSent(id, PROMPT_TS, now);
  // People the bot welcomed before (their answers send no welcome DM): a team's usual day.
  for (const user of WELCOMED) await repos.users.claimWelcome(TEAM, user, now);
  database.close();
}
const emptyBytes = vacuumedBytes(dbFile);
let starRss = 0;
const slackEnv = {
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: slack.apiUrl,
  LOG_LEVEL: 'error',
};
if (want('acks')) {
  // BENCH_STAR_NODE_ARGS, e.g. --cpu-prof, profiles the app under the bursts.
  const nodeArgs = process.env.BENCH_STAR_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // BENCH_STAR_MAIN: another build of the app (e.g. an older commit's dist/main.js) to compare.
  const star = await startProcess([...nodeArgs, process.env.BENCH_STAR_MAIN ?? 'dist/main.js'], {
    ...slackEnv,
    STAR_DB: dbFile,
  });
  const bare = await startProcess(['bench/bare-bolt.mjs'], slackEnv);

  let answerNo = 0;
  /** Every answer's message gets its own ts. */
  let messageNo = 0;
  /** One burst of `n` thread answers at once; ack and (for STAR Coach) feedback latency of each. */
  async function burst(
    target: Proc,
    n: number,
    feedback: boolean,
    // First-time answerers by default (each also gets the welcome DM).
    users = Array.from({ length: n }, () => `U${String(100_000 + ++answerNo)}`),
  ): Promise<{ acks: number[]; feedbacks: number[] }> {
    if (users.length !== n) throw new Error(`a burst of ${n} needs ${n} users`);
    const first = messageNo;
    messageNo += n;
    const sentAt = new Map<string, number>();
    const firstCall = slack.calls.length;
    const acks = await Promise.all(
      users.map(async (user, i) => {
        const ts = `18000${String(first + i).padStart(5, '0')}.000001`;
        const body = eventEnvelope(channelReply(ANSWER, ts, PROMPT_TS, user, CHANNEL), `Ev${user}`);
        const started = performance.now();
        sentAt.set(user, started);
        // Slack gives up on an ack after 3 s; the bench after 30 s, so a stuck app cannot hang it.
        const res = await postEvent(`${target.url}/slack/events`, body, { timeoutMs: 30_000 });
        await res.text();
        if (!res.ok) throw new Error(`ack ${res.status}`);
        return performance.now() - started;
      }),
    );
    const feedbacks: number[] = [];
    if (feedback) {
      const seen = new Map<string, number>();
      const deadline = performance.now() + 60_000;
      while (seen.size < n && performance.now() < deadline) {
        for (let i = firstCall; i < slack.calls.length; i++) {
          const call = slack.calls[i];
          if (call.method !== 'chat.postMessage' || !call.result) continue;
          // The public feedback in the prompt's thread ("<verdict> for <@U…>", src/messages/channel.ts).
          if (call.args.channel !== CHANNEL) continue;
          const user = / for <@(U\d+)>$/.exec(String(call.args.text))?.[1];
          if (user && sentAt.has(user) && !seen.has(user)) seen.set(user, call.at - (sentAt.get(user) ?? 0));
        }
        if (seen.size < n) await pause(5);
      }
      if (seen.size < n) {
        // What Slack did get instead, so a failed run says why.
        const got = slack.calls.slice(firstCall).map((c) => `${c.method}${c.result ? '' : ' (failed)'}`);
        throw new Error(
          `only ${seen.size} of ${n} feedback messages arrived; Slack got: ${got.join(', ') || 'nothing'}`,
        );
      }
      feedbacks.push(...seen.values());
      if (process.env.BENCH_TRACE && n === 1) console.error(`single: ${[...seen.values()][0].toFixed(1)} ms`);
      if (process.env.BENCH_TRACE && n >= 50) {
        const f = [...seen.values()].sort((a, b) => a - b);
        console.error(
          `burst ${n}: last ack ${Math.max(...acks).toFixed(0)} ms, feedback first ${f[0].toFixed(0)} / median ${f[n >> 1].toFixed(0)} / last ${f[n - 1].toFixed(0)} ms`,
        );
        const methods = new Map<string, number>();
        for (const call of slack.calls.slice(firstCall)) methods.set(call.method, (methods.get(call.method) ?? 0) + 1);
        console.error(`  Slack calls so far: ${[...methods].map(([m, k]) => `${m} ${k}`).join(', ')}`);
      }
    } else await pause(50);
    return { acks, feedbacks };
  }

  const LEVELS_OF_CONCURRENCY: [number, number][] = [
    [1, 40],
    [50, 4],
    [200, 2],
  ];
  let answersStored = 0;
  // Warm both up (JIT, connections, the bot's auth.test).
  await burst(star, 5, true);
  await burst(bare, 5, false);
  answersStored += 5;
  // CPU time per answer: what the machine's load changes least (cache and scheduler effects aside).
  const cpuBefore = { star: star.cpuMs(), bare: bare.cpuMs(), answers: answersStored };
  for (const [concurrency, rounds] of LEVELS_OF_CONCURRENCY) {
    const s = { acks: [] as number[], feedbacks: [] as number[] };
    const b: number[] = [];
    for (let r = 0; r < rounds; r++) {
      // Interleaved: a STAR Coach burst, then a bare Bolt one, so both see the same machine load.
      const one = await burst(star, concurrency, true);
      s.acks.push(...one.acks);
      s.feedbacks.push(...one.feedbacks);
      answersStored += concurrency;
      b.push(...(await burst(bare, concurrency, false)).acks);
    }
    const label = concurrency === 1 ? '1 answer at a time' : `${concurrency} concurrent answers`;
    rows.push([
      `ack p50 / p99, ${label}`,
      `${ms(pct(s.acks, 0.5))} / ${ms(pct(s.acks, 0.99))} ms`,
      `${ms(pct(b, 0.5))} / ${ms(pct(b, 0.99))} ms`,
      `${(pct(s.acks, 0.99) / pct(b, 0.99)).toFixed(1)}× (p99)`,
    ]);
    rows.push([
      `feedback p50 / p99, ${label}`,
      `${ms(pct(s.feedbacks, 0.5))} / ${ms(pct(s.feedbacks, 0.99))} ms`,
      '—',
      '',
    ]);
  }
  {
    const answers = answersStored - cpuBefore.answers;
    const starCpu = (star.cpuMs() - cpuBefore.star) / answers;
    const bareCpu = (bare.cpuMs() - cpuBefore.bare) / answers;
    rows.push([
      `CPU time per answer in the app process (${answers} answers; feedback delivery included)`,
      `${starCpu.toFixed(2)} ms`,
      `${bareCpu.toFixed(2)} ms`,
      `${(starCpu / bareCpu).toFixed(1)}×`,
    ]);
  }
  {
    // The same bursts from people welcomed before: the answer's own work, without the first-time welcome.
    const cpuAt = star.cpuMs();
    const s = { acks: [] as number[], feedbacks: [] as number[] };
    for (let r = 0; r < WELCOMED_ROUNDS; r++) {
      const users = WELCOMED.slice(r * WELCOMED_BURST, (r + 1) * WELCOMED_BURST);
      const one = await burst(star, WELCOMED_BURST, true, users);
      s.acks.push(...one.acks);
      s.feedbacks.push(...one.feedbacks);
      answersStored += WELCOMED_BURST;
    }
    const label = `${WELCOMED_BURST} concurrent answers from people welcomed before`;
    rows.push([`ack p50 / p99, ${label}`, `${ms(pct(s.acks, 0.5))} / ${ms(pct(s.acks, 0.99))} ms`, '', '']);
    rows.push([
      `feedback p50 / p99, ${label}`,
      `${ms(pct(s.feedbacks, 0.5))} / ${ms(pct(s.feedbacks, 0.99))} ms`,
      '',
      '',
    ]);
    rows.push([
      `CPU time per answer in the app process, ${label}`,
      `${((star.cpuMs() - cpuAt) / (WELCOMED_ROUNDS * WELCOMED_BURST)).toFixed(2)} ms`,
      '',
      '',
    ]);
  }
  starRss = star.rssMiB();
  await star.stop();
  await bare.stop();

  // ---------------------------------------------------------------------------------------------
  // 3. Storage: everything the answers left in the database (answers, messages, replies, delivery
  // claims, sessions, indexes), after a checkpoint and VACUUM, minus the seeded database.
  {
    const sqlite = new Database(dbFile, { readonly: true });
    const stored = (sqlite.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
    sqlite.close();
    if (stored !== answersStored) throw new Error(`expected ${answersStored} answers stored, found ${stored}`);
    const perAnswer = (vacuumedBytes(dbFile) - emptyBytes) / stored;
    rows.push([
      `stored per answer (${stored} channel answers, after VACUUM)`,
      `${(perAnswer / 1024).toFixed(2)} KB`,
      '',
      '',
    ]);
    rows.push([
      'one year, 1,000 people answering daily',
      `${((perAnswer * 1000 * 365) / 1024 ** 3).toFixed(2)} GB`,
      '',
      '',
    ]);
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Start-up of fresh processes (new database for STAR Coach: migrations included).
if (want('start')) {
  const starts: number[] = [];
  const bareStarts: number[] = [];
  let rss = 0;
  let bareRss = 0;
  for (let i = 0; i < 3; i++) {
    const fresh = mkdtempSync(path.join(tmpdir(), 'star-start-'));
    const s = await startProcess([process.env.BENCH_STAR_MAIN ?? 'dist/main.js'], {
      ...slackEnv,
      STAR_DB: path.join(fresh, 'star.db'),
    });
    starts.push(s.startMs);
    rss = Math.max(rss, s.rssMiB());
    await s.stop();
    rmSync(fresh, { recursive: true, force: true });
    const b = await startProcess(['bench/bare-bolt.mjs'], slackEnv);
    bareStarts.push(b.startMs);
    bareRss = Math.max(bareRss, b.rssMiB());
    await b.stop();
  }
  rows.push([
    'start-up to /healthz (median of 3, compiled)',
    `${ms(pct(starts, 0.5))} ms`,
    `${ms(pct(bareStarts, 0.5))} ms`,
    `${(pct(starts, 0.5) / pct(bareStarts, 0.5)).toFixed(1)}×`,
  ]);
  rows.push([
    'RSS after start (after the answers above)',
    `${rss.toFixed(0)} MiB (${starRss.toFixed(0)} MiB)`,
    `${bareRss.toFixed(0)} MiB`,
    `${(rss / bareRss).toFixed(1)}×`,
  ]);
}
await slack.stop();
rmSync(dir, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------
// 2. The minute tick, none due, in process on a real SQLite file.
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

function jobContext(repos: Repositories, clock: ReturnType<typeof fixedClock>, api: FakeSlack): JobContext {
  const client = new WebClient('xoxb-bench', { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } });
  const gateway = webClientGateway(client, 'xoxb-bench');
  const services = createServices({
    repos,
    library,
    slackFor: () => gateway,
    clock,
    random: Math.random,
    logger: quiet,
    admins: [],
  });
  return {
    services,
    graceMs: 2 * 3600_000,
    retention: { repliesMs: 30 * 24 * 3600_000, eventsMs: 24 * 3600_000 },
    logger: quiet,
  };
}

/** Schedules spread over the world, each prompting 3 h after `now` locally (none due); digest today or tomorrow. */
function seedSchedules(db: ReturnType<typeof openDatabase>, count: number, now: Date, digestToday: boolean) {
  const created = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const local = new Map(ZONES.map((z) => [z, localParts(now, z)]));
  const memo = new Map<string, { nextRunAt: string; nextDigestAt: string }>();
  const all = Array.from({ length: count }, (_, i) => {
    const timezone = ZONES[i % ZONES.length];
    const p = local.get(timezone) as ReturnType<typeof localParts>;
    const minute = (p.hour * 60 + p.minute + 180 + (i % 120)) % 1440;
    const row = {
      teamId: TEAM,
      channelId: `C${String(i).padStart(7, '0')}`,
      minuteOfDay: minute,
      timezone,
      days: [0, 1, 2, 3, 4, 5, 6],
      lps: [],
      notBefore: created,
      digestDay: digestToday ? p.weekday : (p.weekday + 1) % 7,
      digestMinute: minute,
      createdBy: 'U1234',
      createdAt: created,
      updatedAt: created,
      enabled: true,
      lastSlotAt: null,
    };
    // Their next instants as the app stores them after serving earlier days (once per zone and time).
    const key = `${timezone} ${minute} ${row.digestDay}`;
    let next = memo.get(key);
    if (!next) {
      next = {
        nextRunAt: nextRunAt(row, now),
        nextDigestAt: nextDigestAt(row, now),
      };
      memo.set(key, next);
    }
    return { ...row, ...next };
  });
  db.db.transaction((tx) => {
    for (let i = 0; i < all.length; i += 500)
      tx.insert(scheduleTable)
        .values(all.slice(i, i + 500))
        .run();
  });
}

if (want('tick')) {
  const api = await new FakeSlack().start();
  for (const count of [1_000, 10_000, 100_000]) {
    const cells: string[] = [];
    for (const digestToday of [false, true]) {
      const tickDir = mkdtempSync(path.join(tmpdir(), 'star-tick-'));
      const database = openDatabase(path.join(tickDir, 'star.db'));
      const clock = fixedClock('2026-12-04T06:00:30Z');
      seedSchedules(database, count, clock.now(), digestToday);
      const ctx = jobContext(sqliteRepositories(database.db), clock, api);
      const runs: number[] = [];
      // The longest the event loop went without running a 1 ms timer during the measured ticks.
      let stalled = 0;
      let last = performance.now();
      const watch = setInterval(() => {
        const at = performance.now();
        stalled = Math.max(stalled, at - last);
        last = at;
      }, 1);
      for (let i = 0; i < 3; i++) {
        clock.advance(60_000);
        if (i === 1) {
          stalled = 0;
          last = performance.now();
        }
        const started = performance.now();
        const result = await runMinute(ctx, clock.now());
        if (i > 0) runs.push(performance.now() - started);
        await pause(3); // lets the watch timer run: a tick that blocked the loop shows as a long gap
        if (result.prompts.claimed + result.digests.claimed !== 0) throw new Error('expected nothing due');
      }
      clearInterval(watch);
      cells.push(`${ms(pct(runs, 0.5))} ms (loop blocked up to ${ms(stalled)} ms)`);
      database.close();
      rmSync(tickDir, { recursive: true, force: true });
    }
    rows.push([`minute tick, ${count.toLocaleString('en-US')} schedules, none due: ordinary day`, cells[0], '', '']);
    rows.push([`minute tick, ${count.toLocaleString('en-US')} schedules, none due: digest day`, cells[1], '', '']);
  }
  await api.stop();
}

// ---------------------------------------------------------------------------------------------
// 5. Rubric throughput.
if (want('rubric')) {
  const corpus = benchCorpus(library);
  for (const c of corpus.slice(0, 200)) scoreAnswer(c.text, { level: c.level });
  let started = performance.now();
  for (const c of corpus) scoreAnswer(c.text, { level: c.level });
  const inProcess = corpus.length / ((performance.now() - started) / 1000);

  const patterns = [
    /\bwe\b/gi,
    /\bI\b/g,
    /\d+(?:\.\d+)?\s*%/g,
    /\b(?:result|outcome|impact)\b/gi,
    /\b(?:maybe|probably|kind of)\b/gi,
  ];
  started = performance.now();
  let hits = 0;
  for (let r = 0; r < 5; r++) for (const c of corpus) for (const p of patterns) hits += c.text.match(p)?.length ?? 0;
  const regex = (corpus.length * 5) / ((performance.now() - started) / 1000);
  if (hits === 0) throw new Error('the regex scan found nothing');

  // write-good (a prose linter: passive voice, weasel words, adverbs, clichés) on the same corpus,
  // in-process: another rule-based reader of the same text, for scale.
  const { default: writeGood } = await import('write-good');
  for (const c of corpus.slice(0, 200)) writeGood(c.text);
  started = performance.now();
  let suggestions = 0;
  for (const c of corpus) suggestions += writeGood(c.text).length;
  const writeGoodRate = corpus.length / ((performance.now() - started) / 1000);
  if (suggestions === 0) throw new Error('write-good found nothing');

  // Through the CLI: one process scoring a JSON-lines file (the CLI's start-up included).
  const cliDir = mkdtempSync(path.join(tmpdir(), 'star-cli-'));
  const file = path.join(cliDir, 'answers.jsonl');
  const lines = benchCorpusLines(corpus);
  // Every answer of the corpus (the CLI streams; before it refused files over 256 KB).
  const count = lines.length;
  const bytes = lines.reduce((n, l) => n + l.length + 1, 0);
  writeFileSync(file, `${lines.slice(0, count).join('\n')}\n`);
  started = performance.now();
  execFileSync(process.execPath, ['dist/cli.js', 'score', '--jsonl', file], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    maxBuffer: 1 << 30,
  });
  const cliSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  execFileSync(process.execPath, ['dist/cli.js', 'help'], { cwd: ROOT, stdio: 'ignore' });
  const cliStart = performance.now() - started;
  rmSync(cliDir, { recursive: true, force: true });
  const rate = (x: number) => `${Math.round(x).toLocaleString('en-US')} answers/s`;
  rows.push(['rubric in-process (2,000 answers)', rate(inProcess), '', '']);
  rows.push([
    `rubric through the CLI, \`score --jsonl\` (${count} answers, ${(bytes / 1024).toFixed(0)} KB, start-up included)`,
    `${rate(count / cliSeconds)} (${cliSeconds.toFixed(2)} s)`,
    '',
    '',
  ]);
  rows.push(['CLI start-up (`star help`, compiled)', `${ms(cliStart)} ms`, '', '']);
  rows.push(['write-good 1.0 in-process (same 2,000 answers), for scale', rate(writeGoodRate), '', '']);
  rows.push(['naive regex scan (5 patterns), for scale', rate(regex), '', '']);
}

console.log(
  `\n${new Date().toISOString().slice(0, 16)} UTC, Node ${process.version}, load ${execFileSync('cat', ['/proc/loadavg']).toString().split(' ').slice(0, 3).join(' ')}\n`,
);
console.log('| measure | STAR Coach | bare Bolt 5.1 | ratio |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
