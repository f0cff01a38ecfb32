import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleWorkspaceAuthorize } from '../../src/slack/app.js';
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
