import type { AddressInfo, Server } from 'node:net';
import type { Receiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { loadLibrary } from './content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from './content/paths.js';
import { openDatabase } from './db/open.js';
import { createRepositories } from './db/repositories/index.js';
import { type ScheduledTick, startMinuteTick } from './scheduler/minute-tick.js';
import { ChannelService } from './services/channel.js';
import { CommunityService } from './services/community.js';
import { type Logger, Outbox } from './services/outbox.js';
import { PracticeService } from './services/practice.js';
import { createSlackApp } from './slack/app.js';
import { webClientGateway } from './slack/gateway.js';
import type { Services } from './slack/services.js';

/** How often stored replies that failed are tried again. */
export const RETRY_SWEEP_MS = 15_000;
/** A graceful stop waits this long for work in flight before closing the database. */
export const DRAIN_TIMEOUT_MS = 10_000;

export interface StartOptions {
  clock?: Clock;
  random?: () => number;
  logger?: Logger;
  scenariosDir?: string;
  /** For listener tests: drive the app through this receiver instead of HTTP or Socket Mode. */
  receiver?: Receiver;
  /** Start the periodic retry sweep (off in tests, which sweep by hand). */
  sweep?: boolean;
  /**
   * Channel prompts: the start-up catch-up and then the minute tick (default), only the catch-up
   * ('start-up-only', for tests that then tick by hand), or neither (false).
   */
  schedule?: boolean | 'start-up-only';
  /** How pacing waits for Retry-After (tests may shorten it). */
  sleep?: (ms: number) => Promise<void>;
}

export interface RunningStarCoach {
  services: Services;
  app: ReturnType<typeof createSlackApp>['app'];
  /** The HTTP port in HTTP mode. */
  port?: number;
  stop(): Promise<void>;
}

const LEVEL_ORDER = { debug: 0, info: 1, warn: 2, error: 3 } as const;

/** The app's own log lines, filtered by LOG_LEVEL like Bolt's. */
function consoleLogger(level: Config['logLevel']): Logger {
  const on = (at: keyof typeof LEVEL_ORDER) => LEVEL_ORDER[at] >= LEVEL_ORDER[level];
  return {
    debug: (...args) => on('debug') && console.debug(...args),
    info: (...args) => on('info') && console.log(...args),
    warn: (...args) => on('warn') && console.warn(...args),
    error: (...args) => on('error') && console.error(...args),
  };
}

/** Composition root: config → database and migrations → content → services → Bolt app → start. */
export async function startStarCoach(config: Config, options: StartOptions = {}): Promise<RunningStarCoach> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger(config.logLevel);
  const database = openDatabase(config.dbFile);
  const library = loadLibrary(options.scenariosDir ?? DEFAULT_SCENARIOS_DIR);
  const repos = createRepositories(database.db);
  // One workspace today: one client. Many workspaces later: look the team's token up here.
  const client = new WebClient(config.botToken, {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    // Rate limits and failures go back to the outbox, which stores the reply and retries it.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    // A hung request must not hold up the prompts queued behind it; the outbox retries it.
    timeout: 10_000,
  });
  const gateway = webClientGateway(client);
  const slackFor = () => gateway;
  const outbox = new Outbox(repos, slackFor, clock, logger);
  const random = options.random ?? Math.random;
  const practice = new PracticeService(repos, library, outbox, slackFor, clock, random);
  const channel = new ChannelService(
    repos,
    library,
    outbox,
    slackFor,
    clock,
    random,
    logger,
    config.catchUpGraceMs,
    options.sleep,
  );
  const community = new CommunityService(repos, slackFor, clock);
  channel.afterPrompts = () => community.claimDueDigests();
  const services: Services = {
    repos,
    library,
    practice,
    channel,
    community,
    outbox,
    slackFor,
    clock,
    random,
    logger,
    admins: config.admins,
  };
  const { app, inFlight } = createSlackApp(config, services, options.receiver);

  let port: number | undefined;
  if (!options.receiver) {
    const started = config.socketMode ? await app.start() : await app.start(config.port);
    const address = (started as Server | undefined)?.address?.();
    if (address && typeof address === 'object') port = (address as AddressInfo).port;
  }
  let tick: ScheduledTick | undefined;
  if (options.schedule !== false) {
    // Catch up first: slots missed while down (within the grace window), then answers in recent threads.
    await inFlight.run(() => channel.tick()).catch((err) => logger.error('start-up tick failed', err));
    await inFlight.run(() => channel.catchUpThreads()).catch((err) => logger.error('thread catch-up failed', err));
    if (options.schedule !== 'start-up-only') tick = startMinuteTick(() => inFlight.run(() => channel.tick()), logger);
  }
  let sweepTimer: NodeJS.Timeout | undefined;
  if (options.sweep !== false) {
    sweepTimer = setInterval(() => {
      void inFlight.run(() => outbox.deliverDue()).catch((err) => logger.error('retry sweep failed', err));
      try {
        repos.events.prune(clock.now());
      } catch (err) {
        logger.error('pruning old event ids failed', err);
      }
    }, RETRY_SWEEP_MS);
    sweepTimer.unref();
  }
  let stopped = false;
  return {
    services,
    app,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (sweepTimer) clearInterval(sweepTimer);
      outbox.stop();
      tick?.stop();
      if (!options.receiver) await app.stop();
      await inFlight.idle(DRAIN_TIMEOUT_MS);
      database.close();
    },
  };
}
