// The fault rows: each starts real bot processes against the fake Slack, breaks something, lets
// Slack redeliver as it would, and counts what every acknowledged answer got.
import { type Bot, lockErrors, sleep, stopBot, waitUntilServing } from './bot.js';
import { threeInstancesOnPostgres } from './postgres.js';
import { type Answer, answerText, deliverEvent, inParallel, slashCommand, threadReply } from './slack-side.js';
import {
  createWorld,
  feedbackFor,
  promptsByChannel,
  seedDueSchedules,
  seedPostedPrompts,
  storedAnswers,
  until,
  untilAnswered,
  type World,
} from './world.js';

/** How big a run is: the full suite (`npm run faults`) or the short checks `npm test` runs. */
export interface Scale {
  answers: number;
  channels: number;
  /** How long an outage or a 429 storm lasts. */
  outageMs: number;
  /** Channels in the daily-post rows. */
  dailyChannels: number;
  /** Longest wait for everything to be delivered after a fault ends. */
  settleMs: number;
  /** Extra watching after everything arrived, for late duplicates. */
  watchMs: number;
  /** Slack's retry delays for a delivery the app did not answer 200. */
  retryDelaysMs: number[];
  /**
   * How late the fake Slack answers chat.postMessage in the kill rows: a window in which Slack has
   * a message and the bot does not know it yet (a send cut short then waits out its lease, three
   * Slack timeouts).
   */
  postDelayMs: number;
  /** The bots' STAR_SLACK_TIMEOUT_SECONDS: how long a Web API call may take. */
  slackTimeoutSeconds: number;
}

/** What every bot of a row is started with besides the basics. */
export function botEnv(scale: Scale): Record<string, string> {
  return { STAR_SLACK_TIMEOUT_SECONDS: String(scale.slackTimeoutSeconds) };
}

export const FULL: Scale = {
  answers: 200,
  channels: 10,
  outageMs: 60_000,
  dailyChannels: 300,
  settleMs: 120_000,
  watchMs: 10_000,
  retryDelaysMs: [1_000, 10_000, 30_000],
  postDelayMs: 20,
  slackTimeoutSeconds: 10,
};

export const SHORT: Scale = {
  answers: 24,
  channels: 4,
  outageMs: 1_500,
  dailyChannels: 30,
  settleMs: 30_000,
  watchMs: 500,
  retryDelaysMs: [1_000, 3_000, 8_000],
  postDelayMs: 20,
  slackTimeoutSeconds: 10,
};

/** The smallest run that still crashes mid-burst and shares a file between two processes: `npm test`. */
export const TINY: Scale = {
  answers: 12,
  channels: 3,
  outageMs: 1_000,
  dailyChannels: 12,
  // Longer than the sending lease (3 × the 3 s Slack timeout): a send the kill cuts short is
  // re-sent (after the metadata check) only once its lease runs out, and the run must count it.
  settleMs: 30_000,
  watchMs: 300,
  // Slack waits a minute before its first redelivery; here a redelivery only has to come after the
  // other process finished the event it claimed (milliseconds).
  retryDelaysMs: [500, 1_500, 4_000],
  // No send is held open: a kill rarely cuts one short, so the run need not wait out a lease
  // (test/services/outbox.test.ts covers a send cut short).
  postDelayMs: 0,
  // The fake Slack is local: 3 s is ample even on a loaded machine, and it keeps the lease at 9 s.
  slackTimeoutSeconds: 3,
};

export interface RowResult {
  row: string;
  /** Answers people sent (events), or found in Slack at start-up. */
  answers: number;
  /** Of those, answered 200 by some instance. */
  acked: number;
  /** Acknowledged answers stored in the database. */
  stored: number;
  /** Acknowledged answers with exactly one feedback message. */
  exactlyOne: number;
  /** Bot messages beyond one per answer (and one prompt per channel). */
  duplicates: number;
  /** Seconds from the fault's end (restart, Slack back) until every acknowledged answer had its feedback. */
  recoverSeconds: number | undefined;
  /** "database is locked" lines in the bots' logs. */
  locks: number;
  note: string;
}

function summarise(
  row: string,
  world: World,
  answers: Answer[],
  recoverSeconds: number | undefined,
  note: string,
): RowResult {
  const acked = answers.filter((a) => a.acked);
  const stored = storedAnswers(world, acked);
  const counts = acked.map((a) => feedbackFor(world.slack, a));
  const extraFeedback = answers.map((a) => Math.max(0, feedbackFor(world.slack, a) - 1)).reduce((x, y) => x + y, 0);
  const extraPrompts = [...promptsByChannel(world.slack).values()].reduce(
    (n, list) => n + Math.max(0, list.length - 1),
    0,
  );
  return {
    row,
    answers: answers.length,
    acked: acked.length,
    stored: stored.size,
    exactlyOne: counts.filter((c) => c === 1).length,
    duplicates: extraFeedback + extraPrompts,
    recoverSeconds,
    locks: world.bots.reduce((n, b) => n + lockErrors(b), 0),
    note,
  };
}

/** Starts the first bot, which posts the seeded prompts at start-up; returns each channel's thread. */
async function promptsPosted(
  world: World,
  channels: string[],
  name = 'bot-1',
): Promise<{ bot: Bot; threads: Map<string, string> }> {
  const bot = await world.start(name);
  await waitUntilServing(bot);
  await until(() => channels.every((c) => promptsByChannel(world.slack).has(c)), 60_000);
  const threads = new Map<string, string>();
  for (const [channel, list] of promptsByChannel(world.slack)) threads.set(channel, list[0].ts);
  return { bot, threads };
}

/** `count` answers spread over the channels' prompt threads, one person each. */
function channelAnswers(prefix: string, threads: Map<string, string>, count: number): Answer[] {
  const channels = [...threads.keys()].sort();
  return Array.from({ length: count }, (_, i) => {
    const channel = channels[i % channels.length];
    return {
      user: `U${prefix}${String(i).padStart(4, '0')}`,
      channel,
      threadTs: threads.get(channel) as string,
      ts: `1800000000.${String(i + 1).padStart(6, '0')}`,
      text: answerText(i),
      eventId: `Ev${prefix}${i}`,
      acked: false,
    };
  });
}

async function send(answers: Answer[], url: () => string, scale: Scale, parallel = 20) {
  await inParallel(answers, parallel, async (a) => {
    a.acked = await deliverEvent(
      url,
      threadReply(a, a.channel.startsWith('D') ? 'im' : 'channel'),
      scale.retryDelaysMs,
    );
  });
}

/** Waits for every acknowledged answer's feedback; returns the seconds since `from` (undefined: not by the deadline). */
async function settle(world: World, answers: Answer[], scale: Scale, from = Date.now()): Promise<number | undefined> {
  const seconds = await untilAnswered(
    world.slack,
    answers.filter((a) => a.acked),
    scale.settleMs,
  );
  const took = seconds === undefined ? undefined : (Date.now() - from) / 1000;
  await sleep(scale.watchMs);
  return took;
}

/** SIGKILL (or SIGTERM) in the middle of a burst of answers; a new process starts; Slack redelivers. */
export async function killDuringBurst(appDir: string, scale: Scale, signal: 'SIGKILL' | 'SIGTERM'): Promise<RowResult> {
  const world = await createWorld(appDir, botEnv(scale));
  try {
    const channels = seedDueSchedules(world, scale.channels);
    let { bot, threads } = await promptsPosted(world, channels);
    world.slack.postDelayMs = scale.postDelayMs;
    const answers = channelAnswers(signal === 'SIGKILL' ? 'K' : 'T', threads, scale.answers);
    let current: Bot | undefined = bot;
    const url = () => current?.eventsUrl ?? 'http://127.0.0.1:9/slack/events';
    const burst = send(answers, url, scale);
    await until(() => answers.filter((a) => a.acked).length >= scale.answers / 3, 60_000, 5);
    current = undefined;
    const ended = await stopBot(bot, signal);
    bot = await world.start('bot-2');
    await waitUntilServing(bot);
    const restartedAt = Date.now();
    current = bot;
    await burst;
    // Slack sometimes delivers an event again even after a 200: a fifth of the acknowledged ones.
    await send(
      answers.filter((a, i) => a.acked && i % 5 === 0).map((a) => ({ ...a })),
      url,
      scale,
    );
    const seconds = await settle(world, answers, scale, restartedAt);
    const exit = ended.signal ? `killed by ${ended.signal}` : `exit ${ended.code}`;
    return summarise(`${signal} mid-burst, restart, redeliveries`, world, answers, seconds, `first process: ${exit}`);
  } finally {
    await world.close();
  }
}

/** SIGKILL while the day's prompts go out to many channels; a new process starts. */
export async function killDuringDailyPost(appDir: string, scale: Scale): Promise<RowResult> {
  const world = await createWorld(appDir, botEnv(scale));
  try {
    const channels = seedDueSchedules(world, scale.dailyChannels);
    world.slack.postDelayMs = scale.postDelayMs;
    let bot = await world.start('bot-1');
    await until(() => promptsByChannel(world.slack).size >= scale.dailyChannels / 3, 60_000, 5);
    await stopBot(bot, 'SIGKILL');
    bot = await world.start('bot-2');
    await waitUntilServing(bot);
    const restartedAt = Date.now();
    const all = await until(() => channels.every((c) => promptsByChannel(world.slack).has(c)), scale.settleMs);
    const seconds = all ? (Date.now() - restartedAt) / 1000 : undefined;
    await sleep(scale.watchMs);
    const byChannel = promptsByChannel(world.slack);
    const once = channels.filter((c) => byChannel.get(c)?.length === 1).length;
    const result = summarise('SIGKILL during a daily post to many channels', world, [], seconds, '');
    return {
      ...result,
      answers: channels.length,
      acked: channels.length,
      stored: channels.length,
      exactlyOne: once,
      note: `prompts: ${once} of ${channels.length} channels got exactly one`,
    };
  } finally {
    await world.close();
  }
}

/** Slack answers 500 (or 429) to everything for a while; answers keep arriving meanwhile. */
export async function slackOutage(appDir: string, scale: Scale, kind: 'down' | 'rate-limited'): Promise<RowResult> {
  const world = await createWorld(appDir, botEnv(scale));
  try {
    const channels = seedDueSchedules(world, scale.channels);
    const { bot, threads } = await promptsPosted(world, channels);
    const answers = channelAnswers(kind === 'down' ? 'O' : 'R', threads, scale.answers);
    // The bot has been running: one answer answered before the fault (its workspace authorized).
    const [warmUp] = answers;
    warmUp.acked = await deliverEvent(() => bot.eventsUrl, threadReply(warmUp, 'channel'), scale.retryDelaysMs);
    await untilAnswered(world.slack, [warmUp], 10_000);
    world.slack.mode = kind === 'down' ? { kind: 'down' } : { kind: 'rate-limited', retryAfter: 5 };
    const started = Date.now();
    // Answers arrive all through the outage.
    const gap = scale.outageMs / answers.length;
    const sending = inParallel(answers.slice(1), 10, async (a, i) => {
      await sleep(Math.max(0, started + i * gap - Date.now()));
      a.acked = await deliverEvent(() => bot.eventsUrl, threadReply(a, 'channel'), scale.retryDelaysMs);
    });
    await sleep(Math.max(0, started + scale.outageMs - Date.now()));
    world.slack.mode = { kind: 'up' };
    const backAt = Date.now();
    await sending;
    const seconds = await settle(world, answers, scale, backAt);
    const label = kind === 'down' ? 'Slack answers 500 to everything' : 'Slack answers 429 to everything';
    return summarise(
      `${label} for ${scale.outageMs / 1000} s`,
      world,
      answers,
      seconds,
      `refused calls: ${world.slack.refused}`,
    );
  } finally {
    await world.close();
  }
}

/** One channel answers 429 to every post, forever; the other channels' prompts and feedback must not wait. */
export async function oneChannelLimited(appDir: string, scale: Scale): Promise<RowResult> {
  const world = await createWorld(appDir, botEnv(scale));
  try {
    const count = Math.max(scale.channels * 2, 4);
    const channels = seedDueSchedules(world, count);
    const limited = channels[0];
    world.slack.limitedChannels.set(limited, 5);
    const started = Date.now();
    const bot = await world.start('bot-1');
    const others = channels.slice(1);
    await until(() => others.every((c) => promptsByChannel(world.slack).has(c)), scale.settleMs);
    const promptSeconds = (Date.now() - started) / 1000;
    const threads = new Map([...promptsByChannel(world.slack)].map(([c, list]) => [c, list[0].ts]));
    const answers = channelAnswers('L', threads, scale.answers);
    const sentAt = Date.now();
    await send(answers, () => bot.eventsUrl, scale);
    await untilAnswered(world.slack, answers, scale.settleMs);
    const feedbackSeconds = (Date.now() - sentAt) / 1000;
    await sleep(scale.watchMs);
    return summarise(
      `one channel answers 429 forever, ${count - 1} others`,
      world,
      answers,
      feedbackSeconds,
      `other channels' prompts all out ${promptSeconds.toFixed(1)} s after start; the limited channel's prompt stays queued`,
    );
  } finally {
    await world.close();
  }
}

/** Two processes on one SQLite file: load split between them, and some events sent to both at once. */
export async function twoInstances(appDir: string, scale: Scale): Promise<RowResult> {
  const world = await createWorld(appDir, botEnv(scale));
  try {
    const channels = seedDueSchedules(world, scale.channels);
    const { bot: first, threads } = await promptsPosted(world, channels);
    const second = await world.start('bot-2');
    await waitUntilServing(second);
    const bots = [first, second];
    const answers = channelAnswers('M', threads, Math.round(scale.answers * 1.5));
    const both = answers.slice(0, Math.round(scale.answers / 5));
    const split = answers.slice(both.length);
    // DM practice too: a question per person (its thread recorded when Slack takes it), then the answer.
    const practisers = Array.from(
      { length: Math.round(scale.answers / 5) },
      (_, i) => `UP${String(i).padStart(4, '0')}`,
    );
    await inParallel(practisers, 10, async (user, i) => {
      await slashCommand(bots[i % 2].eventsUrl, user, 'C00001', 'practice ownership', world.slack.responseUrl(i));
    });
    await until(() => practisers.every((u) => world.slack.postedIn(`D${u.slice(1)}`).length >= 1), 30_000);
    const dmAnswers: Answer[] = practisers.map((user, i) => {
      const dm = `D${user.slice(1)}`;
      return {
        user,
        channel: dm,
        threadTs: world.slack.postedIn(dm)[0]?.ts ?? '',
        ts: `1800000500.${String(i + 1).padStart(6, '0')}`,
        text: answerText(i),
        eventId: `EvP${i}`,
        acked: false,
      };
    });
    const sending = [
      ...both.map(async (a) => {
        const payload = threadReply(a, 'channel');
        const results = await Promise.all(
          bots.map((b) => deliverEvent(() => b.eventsUrl, payload, scale.retryDelaysMs)),
        );
        a.acked = results.some(Boolean);
      }),
      inParallel(split, 20, async (a, i) => {
        a.acked = await deliverEvent(() => bots[i % 2].eventsUrl, threadReply(a, 'channel'), scale.retryDelaysMs);
      }),
      inParallel(dmAnswers, 10, async (a, i) => {
        a.acked = await deliverEvent(() => bots[i % 2].eventsUrl, threadReply(a, 'im'), scale.retryDelaysMs);
      }),
    ];
    const sentAt = Date.now();
    await Promise.all(sending);
    const all = [...answers, ...dmAnswers];
    const seconds = await untilAnswered(
      world.slack,
      all.filter((a) => a.acked),
      scale.settleMs,
      (slack, a) => (a.channel.startsWith('D') ? slack.postedIn(a.channel, a.threadTs).length : feedbackFor(slack, a)),
    );
    await sleep(scale.watchMs);
    const dmFeedback = dmAnswers.filter((a) => a.acked && dmFeedbackCount(world, a) === 1).length;
    const result = summarise(
      'two instances on one SQLite file',
      world,
      answers,
      seconds === undefined ? undefined : (Date.now() - sentAt) / 1000,
      '',
    );
    const dmExtra = dmAnswers.reduce((n, a) => n + Math.max(0, dmFeedbackCount(world, a) - 1), 0);
    return {
      ...result,
      answers: all.length,
      acked: result.acked + dmAnswers.filter((a) => a.acked).length,
      stored:
        result.stored +
        storedAnswers(
          world,
          dmAnswers.filter((a) => a.acked),
        ).size,
      exactlyOne: result.exactlyOne + dmFeedback,
      duplicates: result.duplicates + dmExtra,
      note: `${both.length} events sent to both; ${dmAnswers.length} of the answers in DM practice`,
    };
  } finally {
    await world.close();
  }
}

/** In DM practice the thread holds the feedback (one message, updated in place). */
function dmFeedbackCount(world: World, answer: Answer): number {
  return world.slack.postedIn(answer.channel, answer.threadTs).length;
}

/** SIGTERM while the start-up catch-up is reading threads and answering what it finds; then a restart. */
export async function termDuringStartUp(appDir: string, scale: Scale): Promise<RowResult> {
  const world = await createWorld(appDir, botEnv(scale));
  try {
    const prompts = seedPostedPrompts(world, scale.dailyChannels);
    const answers: Answer[] = prompts.map((p, i) => ({
      user: `US${String(i).padStart(4, '0')}`,
      channel: p.channel,
      threadTs: p.ts,
      ts: `1699990500.${String(i + 1).padStart(6, '0')}`,
      text: answerText(i),
      eventId: '',
      acked: true, // posted in Slack while the bot was down: the catch-up owes each one feedback
    }));
    for (const a of answers)
      world.slack.addThreadReply(a.channel, a.threadTs, {
        type: 'message',
        user: a.user,
        text: a.text,
        ts: a.ts,
        thread_ts: a.threadTs,
      });
    world.slack.postDelayMs = 10;
    const bot = await world.start('bot-1');
    await until(() => answers.filter((a) => feedbackFor(world.slack, a) > 0).length >= answers.length / 4, 60_000, 5);
    const ended = await stopBot(bot, 'SIGTERM');
    const second = await world.start('bot-2');
    await waitUntilServing(second);
    const seconds = await settle(world, answers, scale, Date.now());
    const exit = ended.signal ? `killed by ${ended.signal}` : `exit ${ended.code}`;
    return summarise('SIGTERM during start-up catch-up, restart', world, answers, seconds, `first process: ${exit}`);
  } finally {
    await world.close();
  }
}

export const ROWS: Record<string, (appDir: string, scale: Scale) => Promise<RowResult>> = {
  'kill-burst': (dir, scale) => killDuringBurst(dir, scale, 'SIGKILL'),
  'kill-daily-post': killDuringDailyPost,
  'outage-500': (dir, scale) => slackOutage(dir, scale, 'down'),
  'storm-429': (dir, scale) => slackOutage(dir, scale, 'rate-limited'),
  'one-channel-limited': oneChannelLimited,
  'two-instances': twoInstances,
  'term-start-up': termDuringStartUp,
  'term-burst': (dir, scale) => killDuringBurst(dir, scale, 'SIGTERM'),
  'three-instances-pg': threeInstancesOnPostgres,
};
