import {
  App,
  type Authorize,
  type Logger as BoltLogger,
  type LogLevel,
  type Receiver,
  type ReceiverEvent,
  SocketModeReceiver,
} from '@slack/bolt';
import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import { StarError } from '../core/errors.js';
import type { AppLogger, Logger, LogLevelName } from '../logger.js';
import { type RouteHandler, StarHttpReceiver } from './http-receiver.js';
import type { RequestGate } from './request-gate.js';
import { webApiFetch } from './web-api-fetch.js';

/** Our logger as Bolt, its receiver and its Web API client expect one. */
export function boltLogger(logger: AppLogger): BoltLogger {
  let named = logger.named('bolt');
  return {
    debug: (...args) => named.debug(...args),
    info: (...args) => named.info(...args),
    warn: (...args) => named.warn(...args),
    error: (...args) => named.error(...args),
    setLevel: (level) => logger.setLevel(level as unknown as LogLevelName),
    getLevel: () => logger.level as unknown as LogLevel,
    setName: (name) => {
      named = logger.named(name);
    },
  };
}

/**
 * Bolt's authorize for one workspace: the bot token, with the bot's own ids from one auth.test.
 * Asked on the first event rather than eagerly, so a failure is an error of that event (Slack
 * redelivers it), and tried again next time instead of being remembered.
 */
export function singleWorkspaceAuthorize(token: string, client: () => WebClient): Authorize<boolean> {
  let ids: Promise<{ botId?: string; botUserId?: string }> | undefined;
  return async () => {
    ids ??= client()
      .auth.test({ token })
      .then((r) => ({ botId: r.bot_id, botUserId: r.user_id }));
    try {
      return { botToken: token, ...(await ids) };
    } catch (err) {
      ids = undefined;
      throw err;
    }
  };
}

/** Slack refused the bot token at start-up: nothing would work, so the app does not start. */
export class BotTokenRefusedError extends StarError {
  readonly code = 'bot_token_refused';
}

const REFUSED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/**
 * Checks the bot token once at start-up: a token Slack refuses stops the start with a clear error;
 * Slack being unreachable only gets a warning (events authorize again when they come).
 */
export async function verifyBotToken(client: WebClient, token: string, logger: Logger): Promise<void> {
  try {
    await client.auth.test({ token });
  } catch (err) {
    if (err instanceof WebAPIPlatformError && REFUSED_TOKEN.has(err.data.error))
      throw new BotTokenRefusedError(
        `Slack refused SLACK_BOT_TOKEN (${err.data.error}): copy the Bot User OAuth Token again from OAuth & Permissions.`,
        { cause: err },
      );
    logger.warn('could not check the bot token with Slack at start-up; going on', err);
  }
}

/**
 * The Bolt app, listeners not yet registered: Socket Mode when an app token is configured, HTTP
 * otherwise (POST /slack/events, GET /healthz). Tests pass their own receiver to drive the app
 * through processEvent. Its Web API client is the app's only one: the Slack gateway calls it with
 * the bot token.
 */
export interface Installs {
  /** Authorizes each request with its own workspace's token. */
  authorize: Authorize<boolean>;
  /** GET routes of the installer (/slack/install, /slack/oauth_redirect), served beside /slack/events. */
  routes: Record<string, RouteHandler>;
}

export function createSlackApp(
  config: Config,
  logger: AppLogger,
  receiver?: Receiver,
  installs?: Installs,
  gate?: RequestGate,
): App {
  let app: App | undefined;
  const common = {
    authorize: installs?.authorize ?? singleWorkspaceAuthorize(config.botToken ?? '', () => (app as App).client),
    logger: boltLogger(logger),
    // Bolt sets its logger to this level; it is the one LOG_LEVEL already chose.
    logLevel: logger.level as unknown as LogLevel,
    // The error handler sees the request body, to tell a failed event (not acknowledged) from the rest.
    extendedErrorHandler: true,
    // No listener keeps conversation state; Bolt's default store would be read on every event.
    convoStore: false as const,
    clientOptions: {
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      // Rate limits and failures go back to the outbox, which stores the reply and retries it.
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      // A hung request must not hold up the prompts queued behind it; the outbox retries it.
      timeout: config.slackTimeoutMs,
      fetch: webApiFetch(),
    },
  };
  if (receiver) app = new App({ ...common, receiver });
  else if (config.socketMode) app = new App({ ...common, receiver: socketModeReceiver(config, common.logger) });
  else app = new App({ ...common, receiver: httpReceiver(config, common.logger, installs?.routes, gate) });
  return app;
}

/**
 * The app as a receiver sees it, except that an Events API envelope is acknowledged only after its
 * work: Bolt acknowledges events before any listener runs, so the ack is held here and sent once
 * processEvent has finished. An event whose work failed is never acknowledged (Slack sends it
 * again); commands and interactions are acknowledged by their listeners as before.
 */
export function ackEventsAfterWork(app: App): App {
  const processEvent = async (event: ReceiverEvent): Promise<void> => {
    if ((event.body as { type?: unknown }).type !== 'event_callback') return app.processEvent(event);
    let acked = false;
    let response: unknown;
    await app.processEvent({
      ...event,
      ack: async (body?: unknown) => {
        acked = true;
        response = body;
      },
    });
    if (acked) await event.ack(response);
  };
  return new Proxy(app, {
    get: (target, prop, receiver) => (prop === 'processEvent' ? processEvent : Reflect.get(target, prop, receiver)),
  });
}

/** Socket Mode, with events acknowledged after their work and a failed event never acknowledged. */
class SocketModeReceiverAfterWork extends SocketModeReceiver {
  override init(app: App): void {
    super.init(ackEventsAfterWork(app));
  }
}

function socketModeReceiver(config: Config, logger: BoltLogger): SocketModeReceiver {
  return new SocketModeReceiverAfterWork({
    appToken: config.appToken ?? '',
    logger,
    ...(config.socketPingTimeoutMs ? { clientPingTimeout: config.socketPingTimeoutMs } : {}),
    // apps.connections.open goes where every other Web API call goes (a fake Slack in tests).
    ...(config.slackApiUrl ? { installerOptions: { clientOptions: { slackApiUrl: config.slackApiUrl } } } : {}),
    // Bolt's default acknowledges an event whose authorization failed; here Slack sends it again.
    processEventErrorHandler: async ({ error, logger: log }) => {
      log.error('an event failed and is left for Slack to deliver again', error);
      return false;
    },
  });
}

function httpReceiver(
  config: Config,
  logger: BoltLogger,
  routes?: Record<string, RouteHandler>,
  gate?: RequestGate,
): StarHttpReceiver {
  return new StarHttpReceiver({ signingSecret: config.signingSecret ?? '', logger, routes, gate });
}
