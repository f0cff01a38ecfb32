// Built arguments for calling one listener directly, as Bolt would, without an app: the
// `buildArguments` of the Bolt TypeScript starter, for our listeners and fake services.
import type { Services } from '../../src/services/index.js';
import { recordingLogger } from './world.js';

export interface ServiceCall {
  path: string;
  args: unknown[];
}

/**
 * Services whose every method is recorded; `answers` gives what a method returns (by "service.method").
 * A method without an answer resolves to undefined.
 */
export function fakeServices(answers: Record<string, (...args: unknown[]) => unknown> = {}) {
  const calls: ServiceCall[] = [];
  /** First-contact welcomes, kept apart so routing tests see only the use cases they route to. */
  const welcomes: ServiceCall[] = [];
  const logger = recordingLogger();
  const services = new Proxy(
    {},
    {
      get: (_target, service: string) =>
        service === 'logger'
          ? logger
          : new Proxy(
              {},
              {
                get:
                  (_t, method: string) =>
                  (...args: unknown[]) => {
                    const path = `${service}.${method}`;
                    (service === 'onboarding' ? welcomes : calls).push({ path, args });
                    const answer = answers[path];
                    return answer ? answer(...args) : Promise.resolve(undefined);
                  },
              },
            ),
    },
  ) as Services;
  return {
    services,
    calls,
    welcomes,
    logger,
    called: (path: string) => calls.filter((c) => c.path === path).map((c) => c.args),
  };
}

/** ack and respond that keep what they were given. */
export function replies() {
  const acked: unknown[] = [];
  const responded: unknown[] = [];
  return {
    acked,
    responded,
    ack: async (body?: unknown) => {
      acked.push(body);
    },
    respond: async (body: unknown) => {
      responded.push(body);
      return {} as never;
    },
  };
}

/** Arguments of a `/star` command listener. */
export function commandArgs(text: string | undefined, channelId = 'C1234') {
  const r = replies();
  const logger = recordingLogger();
  const args = {
    command: {
      token: 'unused',
      team_id: 'T1234',
      team_domain: 'example',
      channel_id: channelId,
      channel_name: 'practice',
      user_id: 'U1234',
      user_name: 'ana',
      command: '/star',
      ...(text === undefined ? {} : { text }),
      api_app_id: 'A1234',
      response_url: 'http://127.0.0.1:9/response',
      trigger_id: '1.2.3',
    },
    ack: r.ack,
    respond: r.respond,
    context: { teamId: 'T1234', isEnterpriseInstall: false },
    logger,
  };
  return { args: args as never, ...r, logger };
}

/** Arguments of a button listener. */
export function buttonArgs(actionId: string, value: string) {
  const r = replies();
  const args = {
    action: {
      type: 'button',
      action_id: actionId,
      block_id: 'b1',
      value,
      action_ts: '1700000001.000001',
      text: { type: 'plain_text', text: 'x' },
    },
    body: {
      type: 'block_actions',
      team: { id: 'T1234', domain: 'example' },
      user: { id: 'U1234', team_id: 'T1234' },
      trigger_id: '12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3',
    },
    ack: r.ack,
    respond: r.respond,
    context: { teamId: 'T1234', isEnterpriseInstall: false },
  };
  return { args: args as never, ...r };
}

/** Arguments of an event listener. */
export function eventArgs(event: Record<string, unknown>) {
  return { event, context: { teamId: 'T1234', botUserId: 'U0BOT', isEnterpriseInstall: false } } as never;
}
