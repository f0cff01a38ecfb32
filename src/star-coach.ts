// The composition root: config → database and migrations → content → services → Bolt app →
// listeners → start → timed jobs; and the graceful stop.
import type { AddressInfo, Server } from 'node:net';
import type { App, Receiver } from '@slack/bolt';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { type Library, loadLibrary } from './content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from './content/paths.js';
import { type OpenRepositories, openRepositories } from './db/open.js';
import type { Repositories } from './db/ports.js';
import { type AppLogger, createLogger } from './logger.js';
import { type JobsMode, startJobs } from './scheduler/jobs.js';
import { InFlight } from './services/in-flight.js';
import { createServices, type Services } from './services/index.js';
import { InstallationVault, Sealer } from './services/installations.js';
import type { SlackGateway } from './services/slack-port.js';
import { createSlackApp, verifyBotToken } from './slack/app.js';
import { webClientGateway } from './slack/gateway.js';
import { EventInbox } from './slack/inbox.js';
import { installRoutes, WorkspaceTokens } from './slack/oauth.js';
import { type RegisteredIds, registerListeners } from './slack/register.js';
import { RequestGate } from './slack/request-gate.js';

/** A graceful stop waits this long for work in flight before closing the database. */
export const DRAIN_TIMEOUT_MS = 10_000;

export interface StartOptions {
  clock?: Clock;
  random?: () => number;
  logger?: AppLogger;
  /** The scenario library, when the caller has it loaded already (tests load it once). */
  library?: Library;
  scenariosDir?: string;
  /** For listener tests: drive the app through this receiver instead of HTTP or Socket Mode. */
  receiver?: Receiver;
  /** Which timed jobs run (default all; tests run them by hand). */
  jobs?: JobsMode;
  /** Aborted when a stop is asked for during start-up: the catch-up ends early and the start returns. */
  signal?: AbortSignal;
  /** A database already open (tests on PGlite, which lives in the test's process); closed on stop. */
  database?: OpenRepositories;
}

export interface RunningStarCoach {
  services: Services;
  /** The repositories, for tests and benchmarks to look into; the app's own code goes through services. */
  repos: Repositories;
  app: App;
  registered: RegisteredIds;
  /** Message events acknowledged and waiting for their work; tests wait for `inbox.idle()`. */
  inbox: EventInbox;
  /** The HTTP port in HTTP mode. */
  port?: number;
  stop(): Promise<void>;
}

export async function startStarCoach(config: Config, options: StartOptions = {}): Promise<RunningStarCoach> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ level: config.logLevel, format: config.logFormat, clock });
  const database = options.database ?? (await openRepositories({ ...config, warn: (message) => logger.warn(message) }));
  const library = options.library ?? loadLibrary(options.scenariosDir ?? DEFAULT_SCENARIOS_DIR);
  const { repos } = database;
  const sealer = config.oauth ? new Sealer(config.oauth.encryptionKey) : undefined;
  const vault = sealer ? new InstallationVault(repos.installations, sealer, clock) : undefined;
  let app: App | undefined;
  const tokens =
    config.oauth && vault
      ? new WorkspaceTokens(
          vault,
          () => (app as App).client,
          config.oauth,
          () => Math.floor(clock.now().getTime() / 1000),
        )
      : undefined;
  // Requests being answered go before the inbox's work (acks first).
  const gate = new RequestGate();
  app = createSlackApp(
    config,
    logger,
    options.receiver,
    tokens && vault && config.oauth
      ? { authorize: tokens.authorize(), routes: installRoutes(config.oauth, vault, logger, config.slackApiUrl) }
      : undefined,
    gate,
  );
  // One workspace: Bolt's client with the bot token. Installed workspaces: each with its own token.
  const single = webClientGateway(app.client, config.botToken ?? '');
  const gateways = new Map<string, SlackGateway>();
  const slackFor = (teamId: string): SlackGateway => {
    if (!tokens || !app) return single;
    let gateway = gateways.get(teamId);
    if (!gateway) {
      gateway = webClientGateway(app.client, tokens.tokenFor(teamId));
      gateways.set(teamId, gateway);
    }
    return gateway;
  };
  const inFlight = new InFlight();
  // The inbox is built on the services; the outbox asks it, once running, whether answers wait.
  let inbox: EventInbox | undefined;
  const services = createServices({
    repos,
    library,
    slackFor,
    installations: vault,
    clock,
    random: options.random ?? Math.random,
    logger,
    admins: config.admins,
    verdictReactions: config.verdictReactions,
    track: (work) => inFlight.run(work),
    quiet: () => gate.quiet(),
    answersWaiting: () => (inbox?.waiting ?? 0) > 0,
  });
  inbox = new EventInbox(app, services, inFlight, gate);
  const registered = registerListeners(app, services, inFlight, inbox);

  let port: number | undefined;
  if (!options.receiver) {
    // Installed workspaces are checked as their requests come; one workspace's token at start-up.
    const check = config.botToken ? verifyBotToken(app.client, config.botToken, logger) : Promise.resolve();
    await check.catch(async (err) => {
      await database.close();
      throw err;
    });
    const started = config.socketMode ? await app.start() : await app.start(config.port);
    const address = (started as Server | undefined)?.address?.();
    if (address && typeof address === 'object') port = (address as AddressInfo).port;
  }
  const jobs = await startJobs(
    { services, graceMs: config.catchUpGraceMs, retention: config.retention, logger, signal: options.signal },
    clock,
    inFlight,
    options.jobs ?? 'all',
  );
  // The sweep picks up inbox events a crash (of this or another instance) left undone.
  if ((options.jobs ?? 'all') === 'all') inbox.start();
  let stopped = false;
  return {
    services,
    inbox,
    repos,
    app,
    registered,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Intake first (requests under way finish), then no new timed work or sends; then wait for
      // what is in flight, so every acknowledged event is stored and every started send recorded.
      const intake = options.receiver ? Promise.resolve() : app.stop();
      jobs.stop();
      inbox.stop();
      services.outbox.stop();
      await Promise.race([intake, new Promise((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref())]);
      await inFlight.idle(DRAIN_TIMEOUT_MS);
      await database.close();
    },
  };
}
