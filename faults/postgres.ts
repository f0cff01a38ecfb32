// The scaled-out row: three instances on one PostgreSQL database behind a small round-robin proxy
// on 127.0.0.1, as a load balancer would spread Slack's requests. Every channel's prompt is due at
// once (all three instances' start-up catch-up races for it), a burst of answers arrives, a fifth
// of them twice, and one instance is killed midway. Counted as the other rows are.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createServerDatabase, postgresUnavailable } from '../test/helpers/pg.js';
import { type Bot, sleep, startBot, stopBot, waitUntilServing } from './bot.js';
import type { RowResult, Scale } from './rows.js';
import { type Answer, answerText, deliverEvent, inParallel, threadReply } from './slack-side.js';
import { channelId, createWorld, feedbackFor, promptsByChannel, until, untilAnswered } from './world.js';

const ROW = 'three instances on PostgreSQL behind a round-robin proxy, one killed';

/** Forwards each request to the next live instance in turn; an instance that refuses is skipped. */
export async function roundRobin(targets: () => Bot[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const live = targets();
    for (let tried = 0; tried < live.length; tried++) {
      const bot = live[next++ % live.length];
      const answered = await new Promise<boolean>((resolve) => {
        const upstream = request(
          `${bot.url}${req.url ?? '/'}`,
          { method: req.method, headers: req.headers },
          (reply) => {
            res.writeHead(reply.statusCode ?? 502, reply.headers);
            reply.pipe(res);
            reply.on('end', () => resolve(true));
          },
        );
        upstream.on('error', () => resolve(false));
        upstream.end(body);
      });
      if (answered) return;
    }
    res.writeHead(502).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Schedules in `count` channels whose slot passed two minutes ago, written straight into PostgreSQL. */
export async function seedDueSchedules(client: pg.Client, count: number, now = new Date()): Promise<string[]> {
  const minute = (now.getUTCHours() * 60 + now.getUTCMinutes() - 2 + 1440) % 1440;
  const at = now.toISOString();
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const channels = Array.from({ length: count }, (_, i) => channelId(i));
  for (const c of channels)
    await client.query(
      `INSERT INTO schedules (team_id, channel_id, minute_of_day, timezone, days, level, lps, feedback, enabled,
         not_before, digest_day, digest_minute, created_by, created_at, updated_at)
       VALUES ('T1234', $1, $2, 'UTC', '[0,1,2,3,4,5,6]', 'sde2', '["ownership"]', 'public', true, $3, $4, 960, 'U0ADMIN', $5, $5)`,
      [c, minute, dayAgo, (now.getUTCDay() + 2) % 7, at],
    );
  return channels;
}

export async function threeInstancesOnPostgres(appDir: string, scale: Scale): Promise<RowResult> {
  const unavailable = await postgresUnavailable();
  if (unavailable)
    return {
      row: ROW,
      answers: 0,
      acked: 0,
      stored: 0,
      exactlyOne: 0,
      duplicates: 0,
      recoverSeconds: 0,
      locks: 0,
      note: `SKIPPED: no PostgreSQL server (${unavailable}); set DATABASE_URL`,
    };
  const database = await createServerDatabase();
  const world = await createWorld(appDir);
  const client = new pg.Client({ connectionString: database.url });
  let proxy: { url: string; close(): Promise<void> } | undefined;
  try {
    // The app's own migrations create the tables, as `npm start` would.
    const open = (await import(pathToFileURL(`${appDir}/dist/db/pg/open.js`).href)) as {
      openPostgres(url: string): Promise<{ close(): Promise<void> }>;
    };
    await (await open.openPostgres(database.url)).close();
    await client.connect();
    // The full run has 500 channels due in the same minute; the short one its usual few.
    const channels = await seedDueSchedules(client, scale.dailyChannels >= 300 ? 500 : scale.dailyChannels);
    const bots = await Promise.all(
      ['pg-1', 'pg-2', 'pg-3'].map((name) =>
        startBot({
          name,
          appDir,
          dbFile: world.dbFile,
          slackApiUrl: world.slack.apiUrl,
          env: { DATABASE_URL: database.url },
        }),
      ),
    );
    world.bots.push(...bots);
    await Promise.all(bots.map((b) => waitUntilServing(b, 60_000)));
    let live = [...bots];
    proxy = await roundRobin(() => live);
    const eventsUrl = `${proxy.url}/slack/events`;
    await until(() => channels.every((c) => promptsByChannel(world.slack).has(c)), 120_000);
    const threads = new Map([...promptsByChannel(world.slack)].map(([c, list]) => [c, list[0].ts]));
    const answered = [...threads.keys()].sort().slice(0, Math.max(1, scale.channels));
    const answers: Answer[] = Array.from({ length: scale.answers }, (_, i) => {
      const channel = answered[i % answered.length];
      return {
        user: `UR${String(i).padStart(4, '0')}`,
        channel,
        threadTs: threads.get(channel) as string,
        ts: `1800000000.${String(i + 1).padStart(6, '0')}`,
        text: answerText(i),
        eventId: `EvR${i}`,
        acked: false,
      };
    });
    const sentAt = Date.now();
    const burst = inParallel(answers, 20, async (a) => {
      a.acked = await deliverEvent(() => eventsUrl, threadReply(a, 'channel'), scale.retryDelaysMs);
    });
    await until(() => answers.filter((a) => a.acked).length >= scale.answers / 3, 60_000, 5);
    const victim = bots[1];
    live = live.filter((b) => b !== victim);
    await stopBot(victim, 'SIGKILL');
    await burst;
    // Slack sometimes delivers an event again after a 200: a fifth, through the proxy (another instance).
    await inParallel(
      answers.filter((a, i) => a.acked && i % 5 === 0),
      10,
      async (a) => {
        await deliverEvent(() => eventsUrl, threadReply(a, 'channel'), scale.retryDelaysMs);
      },
    );
    const seconds = await untilAnswered(
      world.slack,
      answers.filter((a) => a.acked),
      scale.settleMs,
    );
    await sleep(scale.watchMs);
    const acked = answers.filter((a) => a.acked);
    const rows = await client.query("SELECT channel_id, message_ts FROM answer_messages WHERE team_id = 'T1234'");
    const stored = new Set(
      (rows.rows as { channel_id: string; message_ts: string }[]).map((r) => `${r.channel_id}/${r.message_ts}`),
    );
    const extraFeedback = answers.reduce((n, a) => n + Math.max(0, feedbackFor(world.slack, a) - 1), 0);
    const prompts = promptsByChannel(world.slack);
    const extraPrompts = [...prompts.values()].reduce((n, list) => n + Math.max(0, list.length - 1), 0);
    return {
      row: ROW,
      answers: answers.length,
      acked: acked.length,
      stored: acked.filter((a) => stored.has(`${a.channel}/${a.ts}`)).length,
      exactlyOne: acked.filter((a) => feedbackFor(world.slack, a) === 1).length,
      duplicates: extraFeedback + extraPrompts,
      recoverSeconds: seconds === undefined ? undefined : (Date.now() - sentAt) / 1000,
      locks: 0,
      note: `${channels.length} channels due at once: ${prompts.size} got a prompt, ${extraPrompts} twice; ${victim.name} killed mid-burst`,
    };
  } finally {
    await proxy?.close();
    await client.end().catch(() => {});
    await world.close();
    await database.drop();
  }
}

/**
 * Answers per second with `instances` instances on one PostgreSQL database behind the proxy: the
 * time from the first answer sent until every answer has its feedback in Slack.
 */
export async function answersPerSecond(appDir: string, instances: number, count: number): Promise<number> {
  const database = await createServerDatabase();
  const world = await createWorld(appDir);
  const client = new pg.Client({ connectionString: database.url });
  let proxy: { url: string; close(): Promise<void> } | undefined;
  try {
    const open = (await import(pathToFileURL(`${appDir}/dist/db/pg/open.js`).href)) as {
      openPostgres(url: string): Promise<{ close(): Promise<void> }>;
    };
    await (await open.openPostgres(database.url)).close();
    await client.connect();
    const channels = await seedDueSchedules(client, 10);
    const bots = await Promise.all(
      Array.from({ length: instances }, (_, i) =>
        startBot({
          name: `pg-${i + 1}`,
          appDir,
          dbFile: world.dbFile,
          slackApiUrl: world.slack.apiUrl,
          env: { DATABASE_URL: database.url },
        }),
      ),
    );
    world.bots.push(...bots);
    await Promise.all(bots.map((b) => waitUntilServing(b, 60_000)));
    proxy = await roundRobin(() => bots);
    const eventsUrl = `${proxy.url}/slack/events`;
    await until(() => channels.every((c) => promptsByChannel(world.slack).has(c)), 60_000);
    const threads = new Map([...promptsByChannel(world.slack)].map(([c, list]) => [c, list[0].ts]));
    const answers: Answer[] = Array.from({ length: count }, (_, i) => {
      const channel = channels[i % channels.length];
      return {
        user: `US${String(i).padStart(4, '0')}`,
        channel,
        threadTs: threads.get(channel) as string,
        ts: `1800000000.${String(i + 1).padStart(6, '0')}`,
        text: answerText(i),
        eventId: `EvS${i}`,
        acked: false,
      };
    });
    const started = Date.now();
    await inParallel(answers, 30, async (a) => {
      a.acked = await deliverEvent(() => eventsUrl, threadReply(a, 'channel'), [1_000, 3_000, 8_000, 15_000]);
    });
    const seconds = await untilAnswered(world.slack, answers, 120_000);
    if (seconds === undefined) throw new Error(`not every answer got its feedback with ${instances} instance(s)`);
    return count / ((Date.now() - started) / 1000);
  } finally {
    await proxy?.close();
    await client.end().catch(() => {});
    await world.close();
    await database.drop();
  }
}
