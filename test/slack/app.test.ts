import type { App, ReceiverEvent } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackEventsAfterWork, singleWorkspaceAuthorize } from '../../src/slack/app.js';
import { FakeSlack } from '../helpers/fake-slack.js';

describe('authorize for one workspace', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
  });
  afterAll(async () => {
    await slack.stop();
  });

  it('asks auth.test on the first event only, and again after a failure instead of keeping it', async () => {
    const client = new WebClient(undefined, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const authorize = singleWorkspaceAuthorize('xoxb-one', () => client);
    expect(slack.callsTo('auth.test')).toHaveLength(0); // nothing eager: no unhandled failure at start
    slack.failNext('auth.test', { error: 'internal_error' });
    await expect(authorize({} as never)).rejects.toThrow(/internal_error/);
    const source = {} as never;
    expect(await authorize(source)).toEqual({ botToken: 'xoxb-one', botId: 'B0BOT', botUserId: 'U0BOT' });
    await authorize(source);
    expect(slack.callsTo('auth.test')).toHaveLength(2);
    expect(slack.callsTo('auth.test')[1].args.token).toBe('xoxb-one');
  });
});

describe('starting for real', () => {
  it('stops with a clear error when Slack refuses the bot token, and starts when Slack only cannot be reached', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { parseConfig } = await import('../../src/config.js');
    const { startStarCoach } = await import('../../src/star-coach.js');
    const { recordingLogger, shippedLibrary } = await import('../helpers/world.js');
    const slack = await new FakeSlack().start();
    const { appDatabase } = await import('../helpers/db.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'star-token-'));
    const store = await appDatabase(path.join(dir, 'star.db'));
    const start = (apiUrl: string) =>
      startStarCoach(
        parseConfig({
          SLACK_BOT_TOKEN: 'xoxb-bad',
          SLACK_SIGNING_SECRET: 's',
          PORT: '0',
          ...store.env,
          SLACK_API_URL: apiUrl,
        }),
        { logger: recordingLogger(), library: shippedLibrary(), jobs: 'none', database: store.database },
      );
    try {
      slack.failNext('auth.test', { error: 'invalid_auth' });
      await expect(start(slack.apiUrl)).rejects.toMatchObject({
        code: 'bot_token_refused',
        message: expect.stringContaining('Slack refused SLACK_BOT_TOKEN (invalid_auth)'),
      });
      slack.failNext('auth.test', { status: 500 });
      const running = await start(slack.apiUrl);
      expect(running.port).toBeGreaterThan(0);
      await running.stop();
    } finally {
      await slack.stop();
      await store.release();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ackEventsAfterWork (Socket Mode)', () => {
  function stubApp(work: () => Promise<void>) {
    const order: string[] = [];
    const app = {
      name: 'stub',
      async processEvent(event: ReceiverEvent) {
        await event.ack(); // Bolt acknowledges an event before its listeners
        order.push('bolt acked');
        await work();
        order.push('worked');
      },
    };
    return { app: ackEventsAfterWork(app as unknown as App), order };
  }

  it('acknowledges an event once its work is done, and never when the work fails', async () => {
    const ok = stubApp(async () => {});
    await ok.app.processEvent({ body: { type: 'event_callback' }, ack: async () => void ok.order.push('sent ack') });
    expect(ok.order).toEqual(['bolt acked', 'worked', 'sent ack']);
    expect((ok.app as unknown as { name: string }).name).toBe('stub');

    const failing = stubApp(async () => {
      throw new Error('database went away');
    });
    const acks: string[] = [];
    await expect(
      failing.app.processEvent({ body: { type: 'event_callback' }, ack: async () => void acks.push('sent ack') }),
    ).rejects.toThrow('database went away');
    expect(acks).toEqual([]);

    // A command is acknowledged when its listener says so, as before.
    const command = stubApp(async () => {});
    await command.app.processEvent({
      body: { command: '/star' },
      ack: async () => void command.order.push('sent ack'),
    });
    expect(command.order).toEqual(['sent ack', 'bolt acked', 'worked']);
  });
});
