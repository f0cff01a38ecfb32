import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { fixedClock } from '../../src/clock.js';
import { parseConfig } from '../../src/config.js';
import type { OpenRepositories } from '../../src/db/open.js';
import type { Repositories } from '../../src/db/ports.js';
import { runMinute } from '../../src/scheduler/minute.js';
import type { Services } from '../../src/services/index.js';
import { type RunningStarCoach, startStarCoach } from '../../src/star-coach.js';
import { FakeSlack } from './fake-slack.js';
import { leasePglite, migratedServerDatabase, type PgliteLease, testBackend } from './pg.js';
import { quietLogger, seededRandom, settled, shippedLibrary } from './world.js';

export { quietLogger, recordingLogger, seededRandom, shippedLibrary } from './world.js';

export const TEAM = 'T1234';
export const USER = 'U1234';
export const DM = 'D1234';
export const BOT_USER = 'U0BOT';

/** A receiver that lets a test hand events straight to the real Bolt app. */
class DirectReceiver implements Receiver {
  app: App | undefined;
  init(app: App): void {
    this.app = app;
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

export interface Harness {
  slack: FakeSlack;
  running: RunningStarCoach;
  services: Services;
  repos: Repositories;
  clock: ReturnType<typeof fixedClock>;
  dbFile: string;
  /** On STAR_TEST_BACKEND=postgres: the database standing in for `dbFile`. */
  databaseUrl?: string;
  /** On STAR_TEST_BACKEND=pglite: the database standing in for `dbFile`. */
  pglite?: PGlite;
  /** Sends one request body through app.processEvent; resolves with what the listener acked. */
  send(body: Record<string, unknown>, extra?: Partial<ReceiverEvent>): Promise<unknown>;
  /** The minute's timed jobs (prompts, then digests) at the test clock's now; returns the prompts' counts. */
  tick(): Promise<{ due: number; claimed: number; posted: number }>;
  /** The outbox sweep at the test clock's now; returns how many replies went out. */
  sweep(): Promise<number>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Share a database file (two instances of the app) or a fake Slack between harnesses. */
  dbFile?: string;
  slack?: FakeSlack;
  env?: Record<string, string>;
  start?: string;
  /** Run the start-up catch-up (tick and thread reading) as a real start does. */
  startUp?: boolean;
}

/** What stands in for a SQLite file on the other backends: a server database, or a PGlite of this process. */
interface StandIn {
  url?: string;
  pglite?: PgliteLease;
  release(): Promise<void>;
}

const standIns = new Map<string, Promise<StandIn>>();

/**
 * On STAR_TEST_BACKEND=postgres or pglite: the database standing in for this SQLite file. A file a
 * test passes in (several instances, or a restart) maps to one database for the whole run, as the
 * file outlives its harnesses; the harness's own is dropped (or handed back) when it closes.
 */
function standInFor(dbFile: string): Promise<StandIn> | undefined {
  if (testBackend === 'sqlite') return undefined;
  let standIn = standIns.get(dbFile);
  if (!standIn) {
    standIn =
      testBackend === 'postgres'
        ? migratedServerDatabase().then((created) => ({ url: created.url, release: created.drop }))
        : leasePglite().then((lease) => ({ pglite: lease, release: async () => lease.release() }));
    standIns.set(dbFile, standIn);
  }
  return standIn;
}

/** A PGlite stand-in as the app's database: the test's process owns it, so the app's stop leaves it open. */
function pgliteDatabase(lease: PgliteLease): OpenRepositories {
  return { backend: 'postgres', repos: lease.repos, close: async () => {} };
}

/** The whole app (real Bolt, a real database of the run's backend, real migrations) against a fake Slack Web API, timed jobs run by hand. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ownSlack = options.slack === undefined;
  const slack = options.slack ?? (await new FakeSlack().start());
  const dir = mkdtempSync(path.join(tmpdir(), 'star-test-'));
  const dbFile = options.dbFile ?? path.join(dir, 'nested', 'star.db');
  const clock = fixedClock(options.start ?? '2026-11-30T09:00:00Z');
  const receiver = new DirectReceiver();
  const standIn = await standInFor(dbFile);
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'test-secret',
    STAR_DB: dbFile,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'error',
    ...(standIn?.url ? { DATABASE_URL: standIn.url } : {}),
    ...options.env,
  });
  const running = await startStarCoach(config, {
    clock,
    random: seededRandom(7),
    logger: quietLogger,
    library: shippedLibrary(),
    receiver,
    jobs: options.startUp === true ? 'start-up-only' : 'none',
    database: standIn?.pglite ? pgliteDatabase(standIn.pglite) : undefined,
  });
  // The start-up catch-up queued its replies; they go out in the background.
  await running.services.outbox.idle();
  const services = settled(running.services);
  const jobContext = {
    services,
    graceMs: config.catchUpGraceMs,
    retention: config.retention,
    logger: quietLogger,
  };
  return {
    slack,
    running,
    services,
    repos: running.repos,
    clock,
    dbFile,
    databaseUrl: standIn?.url,
    pglite: standIn?.pglite?.client,
    async send(body, extra) {
      let acked: unknown;
      await running.app.processEvent({
        body,
        ack: async (response?: unknown) => {
          acked = response;
        },
        ...extra,
      });
      // A message is acknowledged once stored and worked right after, as are its replies.
      await running.inbox.idle();
      // Replies go out in the background; a test looks at Slack once they have.
      await running.services.outbox.idle();
      return acked;
    },
    async tick() {
      const { prompts } = await runMinute(jobContext, clock.now());
      await running.services.outbox.idle();
      const sent = await Promise.all(prompts.replyIds.map((id) => running.repos.replies.get(id)));
      return { due: prompts.due, claimed: prompts.claimed, posted: sent.filter((r) => r?.status === 'sent').length };
    },
    sweep: () => running.services.outbox.deliverDue(clock.now()),
    async close() {
      await running.stop();
      if (ownSlack) await slack.stop();
      if (standIn && options.dbFile === undefined) {
        standIns.delete(dbFile);
        await standIn.release();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Builders for real payload shapes (see test/fixtures/slack), with our fixed ids.

export function slashCommand(text: string, responseUrl: string, user = USER): Record<string, unknown> {
  return {
    token: 'unused',
    team_id: TEAM,
    team_domain: 'example',
    channel_id: 'C1234',
    channel_name: 'practice',
    user_id: user,
    user_name: 'ana',
    command: '/star',
    text,
    api_app_id: 'A1234',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    // Slack gives every command its own trigger id (a replayed request repeats it).
    trigger_id: nextTriggerId(),
  };
}

let eventCounter = 0;
let triggerCounter = 0;

/** A trigger id as Slack gives one to each command and interaction. */
export function nextTriggerId(): string {
  triggerCounter++;
  return `13345224609.${738474920 + triggerCounter}.8088930838d88f008e0`;
}

export function eventEnvelope(
  event: Record<string, unknown>,
  eventId = `Ev${++eventCounter}`,
): Record<string, unknown> {
  return {
    token: 'unused',
    team_id: TEAM,
    api_app_id: 'A1234',
    event,
    type: 'event_callback',
    authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    event_id: eventId,
    event_time: 1700000000,
  };
}

export function dmReply(text: string, ts: string, threadTs: string, user = USER): Record<string, unknown> {
  return {
    type: 'message',
    channel: DM,
    user,
    text,
    ts,
    thread_ts: threadTs,
    parent_user_id: BOT_USER,
    event_ts: ts,
    channel_type: 'im',
    client_msg_id: `m-${ts}`,
    team: TEAM,
  };
}

/** A reply in a channel thread (a teammate answering a daily prompt). */
export function channelReply(
  text: string,
  ts: string,
  threadTs: string,
  user: string,
  channel = 'C1234',
): Record<string, unknown> {
  return {
    type: 'message',
    channel,
    user,
    text,
    ts,
    thread_ts: threadTs,
    parent_user_id: BOT_USER,
    event_ts: ts,
    channel_type: 'channel',
    team: TEAM,
  };
}

export function dmEdit(text: string, originalTs: string, threadTs: string): Record<string, unknown> {
  return {
    type: 'message',
    subtype: 'message_changed',
    hidden: true,
    channel: DM,
    channel_type: 'im',
    ts: '1700009999.000001',
    event_ts: '1700009999.000001',
    message: {
      type: 'message',
      user: USER,
      text,
      ts: originalTs,
      thread_ts: threadTs,
      edited: { user: USER, ts: '1700009999.000001' },
    },
  };
}

export function dmDelete(deletedTs: string): Record<string, unknown> {
  return {
    type: 'message',
    subtype: 'message_deleted',
    hidden: true,
    channel: DM,
    channel_type: 'im',
    ts: '1700009998.000001',
    event_ts: '1700009998.000001',
    deleted_ts: deletedTs,
  };
}

export function buttonClick(
  actionId: string,
  value: string,
  responseUrl: string,
  messageTs = '1700000000.000001',
): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'example' },
    user: { id: USER, username: 'ana', team_id: TEAM },
    api_app_id: 'A1234',
    token: 'unused',
    container: { type: 'message', message_ts: messageTs, channel_id: DM, is_ephemeral: false },
    trigger_id: nextTriggerId(),
    channel: { id: DM, name: 'directmessage' },
    message: { type: 'message', user: BOT_USER, ts: messageTs, text: 'question' },
    response_url: responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value,
        type: 'button',
        action_ts: '1700000001.000001',
      },
    ],
  };
}
