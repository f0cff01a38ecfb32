// The ground a fault row stands on: a fake Slack, a temp SQLite file seeded with channel schedules
// or prompts, the answers people sent, and the counts a row reports.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { FakeSlack, type PostedMessage } from '../test/helpers/fake-slack.js';
import { type Bot, sleep, startBot } from './bot.js';
import type { Answer } from './slack-side.js';

export interface World {
  appDir: string;
  dir: string;
  dbFile: string;
  slack: FakeSlack;
  bots: Bot[];
  start(name: string): Promise<Bot>;
  close(): Promise<void>;
}

export async function createWorld(appDir: string, env: Record<string, string> = {}): Promise<World> {
  const slack = await new FakeSlack().start();
  slack.setUser('U0ADMIN', { is_admin: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'star-faults-'));
  const dbFile = path.join(dir, 'star.db');
  // The app's own migrations create the tables (the same code `npm start` runs).
  const open = (await import(pathToFileURL(path.join(appDir, 'dist/db/sqlite/open.js')).href)) as {
    openDatabase(file: string): { close(): void };
  };
  open.openDatabase(dbFile).close();
  const world: World = {
    appDir,
    dir,
    dbFile,
    slack,
    bots: [],
    async start(name) {
      const bot = await startBot({ name, appDir, dbFile, slackApiUrl: slack.apiUrl, env });
      world.bots.push(bot);
      return bot;
    },
    async close() {
      if (process.env.FAULTS_DEBUG) for (const bot of world.bots) console.error(`--- ${bot.name}\n${bot.output()}`);
      for (const bot of world.bots)
        if (bot.process.exitCode === null && bot.process.signalCode === null) bot.process.kill('SIGKILL');
      await Promise.all(world.bots.map((b) => b.exited));
      await slack.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

export const channelId = (n: number) => `C${String(n + 1).padStart(5, '0')}`;

/**
 * Schedules in `count` channels whose slot passed two minutes ago (public feedback), so the first
 * bot to start posts them all in its start-up catch-up.
 */
export function seedDueSchedules(world: World, count: number, now = new Date()): string[] {
  const db = new Database(world.dbFile);
  const minute = (now.getUTCHours() * 60 + now.getUTCMinutes() - 2 + 1440) % 1440;
  const at = now.toISOString();
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const insert = db.prepare(
    `INSERT INTO schedules (team_id, channel_id, minute_of_day, timezone, days, level, lps, feedback, enabled,
       not_before, digest_day, digest_minute, created_by, created_at, updated_at)
     VALUES ('T1234', ?, ?, 'UTC', '[0,1,2,3,4,5,6]', 'sde2', '["ownership"]', 'public', 1, ?, ?, 960, 'U0ADMIN', ?, ?)`,
  );
  const channels = Array.from({ length: count }, (_, i) => channelId(i));
  // No digest today: the day after tomorrow.
  const digestDay = (now.getUTCDay() + 2) % 7;
  db.transaction(() => {
    for (const c of channels) insert.run(c, minute, dayAgo, digestDay, at, at);
  })();
  db.close();
  return channels;
}

/** A question id the shipped library has (the first ownership scenario). */
export function someQuestionId(appDir: string): string {
  const folder = path.join(appDir, 'scenarios/ownership');
  for (const file of readdirSync(folder).sort()) {
    if (file === 'questions.yaml') continue;
    const id = readFileSync(path.join(folder, file), 'utf8').match(/^id:\s*(\S+)/m)?.[1];
    if (id) return id;
  }
  throw new Error(`no scenario in ${folder}`);
}

/** Prompts already posted in `count` channels (threads Slack has), as if the bot had posted them earlier today. */
export function seedPostedPrompts(world: World, count: number, now = new Date()): { channel: string; ts: string }[] {
  const db = new Database(world.dbFile);
  const question = someQuestionId(world.appDir);
  const insert = db.prepare(
    `INSERT INTO prompts (team_id, channel_id, slot_key, slot_at, lp, question_id, level, feedback, message_ts, created_at)
     VALUES ('T1234', ?, ?, ?, 'ownership', ?, 'sde2', 'public', ?, ?)`,
  );
  const slotAt = new Date(now.getTime() - 30 * 60_000).toISOString();
  const prompts = Array.from({ length: count }, (_, i) => ({
    channel: channelId(i),
    ts: `1699990000.${String(i + 1).padStart(6, '0')}`,
  }));
  db.transaction(() => {
    for (const p of prompts) insert.run(p.channel, slotAt.slice(0, 10), slotAt, question, p.ts, now.toISOString());
  })();
  db.close();
  return prompts;
}

/** Waits until `done()` holds, polling; false when `timeoutMs` passed first. */
export async function until(done: () => boolean, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

/** Each channel's top-level bot messages (the prompts). */
export function promptsByChannel(slack: FakeSlack): Map<string, PostedMessage[]> {
  const byChannel = new Map<string, PostedMessage[]>();
  for (const m of slack.posted) {
    if (m.threadTs !== undefined || !m.channel.startsWith('C')) continue;
    byChannel.set(m.channel, [...(byChannel.get(m.channel) ?? []), m]);
  }
  return byChannel;
}

/**
 * How many bot messages in the answer's thread are addressed to its author, as each reads now (its
 * last chat.update, else as posted): its feedback. Feedback is revised in place (an edit re-scores
 * the answer), so a message is counted once, by what it says last.
 */
export function feedbackFor(slack: FakeSlack, answer: Pick<Answer, 'user' | 'channel' | 'threadTs'>): number {
  const mention = `<@${answer.user}>`;
  const latest = new Map<string, string>();
  for (const call of slack.callsTo('chat.update'))
    if (call.args.channel === answer.channel)
      latest.set(String(call.args.ts), `${String(call.args.text ?? '')} ${JSON.stringify(call.args.blocks ?? [])}`);
  return slack
    .postedIn(answer.channel, answer.threadTs)
    .filter((m) => (latest.get(m.ts) ?? `${m.text} ${JSON.stringify(m.blocks)}`).includes(mention)).length;
}

/** Answers whose message is stored in the database. */
export function storedAnswers(world: World, answers: readonly Answer[]): Set<string> {
  const db = new Database(world.dbFile, { readonly: true });
  const rows = db
    .prepare("SELECT channel_id AS channel, message_ts AS ts FROM answer_messages WHERE team_id = 'T1234'")
    .all() as {
    channel: string;
    ts: string;
  }[];
  db.close();
  const stored = new Set(rows.map((r) => `${r.channel}/${r.ts}`));
  return new Set(answers.filter((a) => stored.has(`${a.channel}/${a.ts}`)).map((a) => `${a.channel}/${a.ts}`));
}

/** Waits until every answer in `answers` has at least one feedback; returns the seconds it took (undefined: not by the deadline). */
export async function untilAnswered(
  slack: FakeSlack,
  answers: readonly Answer[],
  timeoutMs: number,
  count: (slack: FakeSlack, answer: Answer) => number = feedbackFor,
): Promise<number | undefined> {
  const started = Date.now();
  const done = await until(() => answers.every((a) => count(slack, a) >= 1), timeoutMs, 100);
  return done ? (Date.now() - started) / 1000 : undefined;
}
