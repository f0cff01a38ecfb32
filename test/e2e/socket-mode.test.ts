// Socket Mode end to end, offline: the real Bolt SocketModeReceiver (and @slack/socket-mode's
// client) connects to a fake Socket Mode endpoint on 127.0.0.1 that the fake Slack Web API hands
// out from apps.connections.open. Commands, events, buttons and modals travel as envelopes and
// are acknowledged by envelope id; reconnects and a failing connect call are survived.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { ACTION_IDS } from '../../src/messages/ids.js';
import type { JobsMode } from '../../src/scheduler/jobs.js';
import { type RunningStarCoach, startStarCoach } from '../../src/star-coach.js';
import { appDatabase, processDatabase } from '../helpers/db.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { FakeSocketMode } from '../helpers/fake-socket-mode.js';
import {
  buttonClick,
  DM,
  dmReply,
  eventEnvelope,
  nextTriggerId,
  quietLogger,
  seededRandom,
  shippedLibrary,
  slashCommand,
  TEAM,
  USER,
} from '../helpers/harness.js';
import { cleanEnv, exitOf, MAIN_JS, requireBuild } from '../helpers/process.js';

const ANSWER =
  'At my last job about 2% of card payments timed out at peak. Nobody asked me to, but I wanted them fixed before the sale.\n\n' +
  'I grouped a week of gateway logs by endpoint and traced the failures to a connection pool capped at 10. ' +
  'I load-tested 50 in staging and rolled it out behind a flag.\n\n' +
  'As a result timeouts fell from 2% to 0.1% and checkout conversion rose 1.5% during the sale.';

interface SocketWorld {
  slack: FakeSlack;
  socket: FakeSocketMode;
  running: RunningStarCoach;
  /** Stops the app (as a deploy would) and starts a new one on the same database and socket. */
  restart(jobs: JobsMode): Promise<void>;
  close(): Promise<void>;
}

const worlds: SocketWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

/**
 * A started app on a fake socket; closed after the test unless `own` (the test closes it: concurrent
 * tests). `pingTimeoutMs` shortens the client's reconnect back-off (5 s a step by default).
 */
async function socketWorld(own = false, pingTimeoutMs?: number): Promise<SocketWorld> {
  const slack = await new FakeSlack().start();
  const socket = await new FakeSocketMode().start();
  slack.socketModeUrl = () => socket.url();
  const dir = mkdtempSync(path.join(tmpdir(), 'star-socket-'));
  const store = await appDatabase(path.join(dir, 'star.db'));
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-socket',
    SLACK_APP_TOKEN: 'xapp-1-A1234-socket',
    ...store.env,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'error',
  });
  config.socketPingTimeoutMs = pingTimeoutMs;
  const start = (jobs: JobsMode) =>
    startStarCoach(config, {
      random: seededRandom(5),
      logger: quietLogger,
      library: shippedLibrary(),
      jobs,
      database: store.database,
    });
  let connections = 0;
  const world: SocketWorld = {
    slack,
    socket,
    running: await start('none'),
    async restart(jobs) {
      await world.running.stop();
      world.running = await start(jobs);
      await socket.connected(++connections);
    },
    async close() {
      await world.running.stop();
      await socket.stop();
      await slack.stop();
      await store.release();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await socket.connected();
  if (!own) worlds.push(world);
  return world;
}

const json = (value: unknown) => JSON.stringify(value);

/** Starts a DM practice over the socket; returns the question's ts. */
async function startPractice(w: SocketWorld): Promise<string> {
  const ack = await w.socket.deliver('slash_commands', slashCommand('practice ownership sde1', w.slack.responseUrl()));
  expect(json(ack?.payload)).toContain('Sending you an Ownership question in a DM');
  // The question is out once its ts is stored as the session's thread.
  const ts = '1700000000.000001';
  await w.slack.waitFor(async () => (await w.running.repos.sessions.findByThread(TEAM, DM, ts, USER)) !== undefined);
  return ts;
}

describe('Socket Mode, offline', () => {
  it('runs the practice flow: command, answer event, a button, each acknowledged by envelope id', async () => {
    const w = await socketWorld();
    expect(w.slack.callsTo('apps.connections.open')).toHaveLength(1);
    const ts = await startPractice(w);
    expect(w.slack.callsTo('chat.postMessage')[0].args.channel).toBe(DM);

    const answered = await w.socket.deliver('events_api', eventEnvelope(dmReply(ANSWER, '1700000100.000001', ts)));
    expect(answered).toBeDefined();
    // The feedback leaves through the outbox in the background (a send that failed is retried).
    await w.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length >= 2, 15_000);
    await w.running.services.outbox.idle();
    const feedback = w.slack.callsTo('chat.postMessage')[1];
    expect(feedback.args.thread_ts).toBe(ts);
    expect(json(feedback.args.blocks)).toMatch(/\d+\/100/);

    const session = await w.running.repos.sessions.findByThread(TEAM, DM, ts, USER);
    const clicked = await w.socket.deliver(
      'interactive',
      buttonClick(ACTION_IDS.startProbes, String(session?.id), w.slack.responseUrl()),
    );
    expect(clicked).toBeDefined();
    await w.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length >= 3);
    expect(json(w.slack.callsTo('chat.postMessage')[2].args.blocks)).toMatch(/Follow-up 1 of \d+/);
  });

  it('acknowledges a redelivered event (same event id, a retry) without doing its work twice', async () => {
    const w = await socketWorld();
    const ts = await startPractice(w);
    const event = eventEnvelope(dmReply(ANSWER, '1700000100.000001', ts), 'EvSocketRetry');
    expect(await w.socket.deliver('events_api', event)).toBeDefined();
    const again = await w.socket.deliver('events_api', event, { retryAttempt: 1, retryReason: 'timeout' });
    expect(again).toBeDefined();
    // The feedback leaves through the outbox in the background (a send that failed is retried).
    await w.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length >= 2, 15_000);
    await w.running.services.outbox.idle();
    expect(w.slack.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it.each([
    ['as soon as it is sent', false],
    ['once it is acknowledged', true],
  ])(
    'works an answer exactly once when the app stops %s, after a restart and Slack redelivering it',
    async (_when, afterAck) => {
      const w = await socketWorld();
      const ts = await startPractice(w);
      const event = eventEnvelope(dmReply(ANSWER, '1700000100.000001', ts), 'EvSocketStop');
      // The answer goes out on the socket and the stop begins at once (here the app never
      // acknowledges it: the connection closes first), or once the app acknowledged it (its work
      // then runs before the stop ends).
      const first = w.socket.deliver('events_api', event, { timeoutMs: 2_000 });
      if (afterAck) expect(await first).toBeDefined();
      // The restarted app runs its timed jobs, as in production: the outbox's and the inbox's sweeps
      // are what pick up a reply or a claimed event the stop left behind.
      await w.restart('all');
      await first;
      // Slack sends an unacknowledged event again; an acknowledged one too, here, to be sure.
      expect(await w.socket.deliver('events_api', event, { retryAttempt: 1, retryReason: 'timeout' })).toBeDefined();
      // A claim the stopped app took is worked by the inbox sweep once its 10 s lease has run out.
      const feedbacks = () => w.slack.callsTo('chat.postMessage').filter((c) => c.result && c.args.thread_ts === ts);
      await w.slack.waitFor(() => feedbacks().length >= 1, 25_000);
      await w.running.inbox.idle();
      await w.running.services.outbox.idle();
      expect(feedbacks()).toHaveLength(1);
      const session = await w.running.repos.sessions.findByThread(TEAM, DM, ts, USER);
      expect(session?.state).not.toBe('asked'); // the answer was stored and scored
    },
    40_000,
  );

  it('answers a modal submission in the ack: field errors back to Slack, a valid one scored', async () => {
    const w = await socketWorld();
    const ts = await startPractice(w);
    const session = await w.running.repos.sessions.findByThread(TEAM, DM, ts, USER);
    const view = (values: Record<string, string>) => ({
      type: 'view_submission',
      team: { id: TEAM, domain: 'example' },
      user: { id: USER, username: 'ana', team_id: TEAM },
      api_app_id: 'A1234',
      token: 'unused',
      trigger_id: nextTriggerId(),
      view: {
        id: 'V1234',
        team_id: TEAM,
        type: 'modal',
        callback_id: 'star_answer_form',
        private_metadata: String(session?.id),
        state: { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: { value: v } }])) },
      },
    });
    const refused = await w.socket.deliver('interactive', view({ situation: 'A thing happened.', action: '' }));
    expect(refused?.payload).toMatchObject({ response_action: 'errors', errors: { action: expect.any(String) } });
    const accepted = await w.socket.deliver(
      'interactive',
      view({
        situation: 'Card payments timed out at peak.',
        task: 'Fix them before the sale.',
        action: 'I traced the failures to a pool capped at 10 and rolled out 50 behind a flag.',
        result: 'Timeouts fell from 2% to 0.1%.',
      }),
    );
    expect(accepted).toBeDefined();
    expect(accepted?.payload).toBeUndefined();
    await w.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length >= 2);
    expect(json(w.slack.callsTo('chat.postMessage')[1].args.blocks)).toMatch(/\d+\/100/);
  });
});

describe.concurrent('Socket Mode reconnects', () => {
  it('reconnects when Slack asks (refresh_requested) and serves commands again; measures the gap', async () => {
    const w = await socketWorld(true);
    try {
      const before = performance.now();
      w.socket.refresh();
      await w.socket.connected(1);
      const gapMs = Math.round(performance.now() - before);
      expect(w.slack.callsTo('apps.connections.open')).toHaveLength(2);
      // The README states the gap (commands are refused meanwhile); here it only has to end.
      console.info(`[socket-mode] refresh_requested → next hello: ${gapMs} ms`);
      const ack = await w.socket.deliver('slash_commands', slashCommand('help', w.slack.responseUrl()));
      expect(ack).toBeDefined();
    } finally {
      await w.close();
    }
  });

  it('survives a dropped connection and a failing apps.connections.open, then works as before', async () => {
    // A 1 s back-off step instead of 5 s: the refresh test above measures the default's gap.
    const w = await socketWorld(true, 1_000);
    try {
      w.slack.failNext('apps.connections.open', { error: 'internal_error' });
      const before = performance.now();
      w.socket.drop();
      await w.socket.connected(1);
      const gapMs = Math.round(performance.now() - before);
      console.info(`[socket-mode] dropped connection + one failed apps.connections.open → next hello: ${gapMs} ms`);
      expect(w.slack.callsTo('apps.connections.open')).toHaveLength(3);
      const ts = await startPractice(w);
      const answered = await w.socket.deliver('events_api', eventEnvelope(dmReply(ANSWER, '1700000100.000001', ts)));
      expect(answered).toBeDefined();
      // The feedback leaves through the outbox in the background (a send that failed is retried).
      await w.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length >= 2, 15_000);
      await w.running.services.outbox.idle();
      expect(w.slack.callsTo('chat.postMessage')).toHaveLength(2);
    } finally {
      await w.close();
    }
  });
});

describe('Socket Mode process', () => {
  beforeAll(() => requireBuild());

  it('exits 0 on SIGTERM after finishing the send in flight, the event acknowledged', async () => {
    const slack = await new FakeSlack().start();
    const socket = await new FakeSocketMode().start();
    slack.socketModeUrl = () => socket.url();
    const dir = mkdtempSync(path.join(tmpdir(), 'star-socket-proc-'));
    const store = await processDatabase(path.join(dir, 'star.db'));
    const child = spawn(process.execPath, [MAIN_JS], {
      env: {
        ...cleanEnv,
        SLACK_BOT_TOKEN: 'xoxb-socket',
        SLACK_APP_TOKEN: 'xapp-1-A1234-socket',
        ...store.env,
        SLACK_API_URL: slack.apiUrl,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await socket.connected(0, 20_000);
      const ack = await socket.deliver('slash_commands', slashCommand('practice ownership sde1', slack.responseUrl()));
      expect(ack).toBeDefined();
      // A slow Slack keeps the question's send in flight while the stop arrives.
      slack.postDelayMs = 300;
      const ts = '1700000000.000001';
      await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
      const answered = socket.deliver('events_api', eventEnvelope(dmReply(ANSWER, '1700000100.000001', ts)));
      // The stop arrives once the answer's feedback reaches Slack, which holds it 300 ms: the event
      // is worked and its send in flight. (A fixed 50 ms was too short on PostgreSQL under load.)
      await slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length >= 2);
      child.kill('SIGTERM');
      expect(await answered).toBeDefined();
      expect(await exitOf(child)).toBe(0);
      expect(socket.open).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await socket.stop();
      await slack.stop();
      await store.release();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
