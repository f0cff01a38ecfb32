import { App, HTTPReceiver, LogLevel, type Receiver } from '@slack/bolt';
import type { Config } from '../config.js';
import { InFlight, type RegisteredIds, registerListeners } from './register.js';
import type { Services } from './services.js';

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

export interface SlackApp {
  app: App;
  inFlight: InFlight;
  registered: RegisteredIds;
}

/**
 * The Bolt app: Socket Mode when an app token is configured, HTTP otherwise (POST /slack/events,
 * GET /healthz). Tests pass their own receiver to drive the app through processEvent.
 */
export function createSlackApp(config: Config, services: Services, receiver?: Receiver): SlackApp {
  const inFlight = new InFlight();
  const common = {
    token: config.botToken,
    logLevel: LOG_LEVELS[config.logLevel],
    clientOptions: config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : undefined,
  };
  let app: App;
  if (receiver) app = new App({ ...common, receiver });
  else if (config.socketMode) app = new App({ ...common, socketMode: true, appToken: config.appToken });
  else {
    const http = new HTTPReceiver({
      signingSecret: config.signingSecret ?? '',
      endpoints: '/slack/events',
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end('ok');
          },
        },
      ],
    });
    app = new App({ ...common, receiver: http });
  }
  const registered = registerListeners(app, services, inFlight);
  return { app, inFlight, registered };
}
