import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
} from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackRateLimitedError, SlackRefusedError, SlackUnavailableError } from '../../src/services/slack-port.js';
import { toSlackError, webClientGateway } from '../../src/slack/gateway.js';
import { webApiFetch } from '../../src/slack/web-api-fetch.js';
import { FakeSlack } from '../helpers/fake-slack.js';

describe('toSlackError', () => {
  it('sorts the Web API client’s errors by class into wait, retry later, or give up', () => {
    const limited = toSlackError(new WebAPIRateLimitedError(42));
    expect(limited).toBeInstanceOf(SlackRateLimitedError);
    expect((limited as SlackRateLimitedError).retryAfterSeconds).toBe(42);
    expect(toSlackError(new WebAPIPlatformError({ ok: false, error: 'channel_not_found' }))).toBeInstanceOf(
      SlackRefusedError,
    );
    // Permanent refusals are given up at once rather than retried for a day.
    for (const error of ['user_not_in_channel', 'restricted_action', 'is_archived', 'invalid_blocks'])
      expect(toSlackError(new WebAPIPlatformError({ ok: false, error }))).toBeInstanceOf(SlackRefusedError);
    // An error Slack reports about one call is retried for that call; no answer at all is an outage.
    expect(toSlackError(new WebAPIPlatformError({ ok: false, error: 'internal_error' }))).toMatchObject({
      outage: false,
    });
    expect(toSlackError(new WebAPIPlatformError({ ok: false, error: 'internal_error' }))).toBeInstanceOf(
      SlackUnavailableError,
    );
    expect(toSlackError(new WebAPIHTTPError(503, 'Service Unavailable', {}))).toMatchObject({
      message: 'HTTP 503',
      outage: true,
    });
    expect(toSlackError(new WebAPIRequestError(new Error('socket hang up')))).toMatchObject({
      message: 'socket hang up',
      outage: true,
    });
    // A request that timed out may have reached Slack; one refused before it left cannot have.
    const timedOut = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(toSlackError(new WebAPIRequestError(timedOut))).toMatchObject({ outage: true, maybeDelivered: true });
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(toSlackError(new WebAPIRequestError(refused))).toMatchObject({ outage: true, maybeDelivered: false });
    expect(toSlackError(new WebAPIHTTPError(503, 'Service Unavailable', {}))).toMatchObject({ maybeDelivered: false });
    const unknown = toSlackError(new TypeError('boom'));
    expect(unknown).toBeInstanceOf(SlackUnavailableError);
    expect(unknown.cause).toBeInstanceOf(TypeError);
  });
});

// The app's client runs over webApiFetch (undici's request API); the client's default, the global
// fetch, is run too, so both are held to the same behaviour.
describe.each([
  ['the global fetch', undefined],
  ['webApiFetch', webApiFetch()],
])('the Web API gateway against a fake Slack on 127.0.0.1, over %s', (_, fetch) => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
  });
  afterAll(async () => {
    await slack.stop();
  });
  const gateway = () =>
    webClientGateway(
      new WebClient(undefined, {
        slackApiUrl: slack.apiUrl,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 0 },
        fetch,
      }),
      'xoxb-gateway',
    );

  it('sends the workspace token with each call, and returns what the services need', async () => {
    const ts = await gateway().post('C1234', '1.0', { text: 'hi', blocks: [] });
    expect(ts).toMatch(/^1700000000\./);
    const call = slack.callsTo('chat.postMessage').at(-1);
    expect(call?.args).toMatchObject({ token: 'xoxb-gateway', channel: 'C1234', thread_ts: '1.0' });
    expect(await gateway().userInfo('U1234')).toEqual({
      timezone: 'Europe/Berlin',
      tzOffset: 3600,
      isAdmin: false,
      isBot: false,
    });
  });

  it('opens the group DM of several people in one conversations.open call', async () => {
    expect(await gateway().openConversation(['U2222', 'U1111'])).toBe('G1111X2222');
    expect(slack.callsTo('conversations.open').at(-1)?.args).toMatchObject({ users: 'U2222,U1111' });
  });

  it('tags a posted message with its reply id, and finds it again by that id with include_all_metadata', async () => {
    const inThread = await gateway().post('C7777', '1699999999.000001', { text: 'feedback', blocks: [] }, 41);
    const topLevel = await gateway().post('C7777', null, { text: 'prompt', blocks: [] }, 42);
    expect(slack.callsTo('chat.postMessage').at(-1)?.args.metadata).toEqual({
      event_type: 'star_coach_reply',
      event_payload: { reply_id: 42 },
    });
    expect(await gateway().findPosted('C7777', '1699999999.000001', 41)).toBe(inThread);
    expect(await gateway().findPosted('C7777', null, 42)).toBe(topLevel);
    expect(await gateway().findPosted('C7777', null, 41)).toBeUndefined(); // a thread reply is not in the channel's history
    expect(slack.callsTo('conversations.history').at(-1)?.args.include_all_metadata).toBe('true');
  });

  it('counts a reaction already there as added and a missing one as removed; a private channel cannot be joined', async () => {
    slack.failNext('reactions.add', { error: 'already_reacted' });
    slack.failNext('reactions.remove', { error: 'no_reaction' });
    await expect(gateway().addReaction('C1234', '1.0', 'star')).resolves.toBeUndefined();
    await expect(gateway().removeReaction('C1234', '1.0', 'star')).resolves.toBeUndefined();
    slack.failNext('conversations.join', { error: 'method_not_supported_for_channel_type' });
    expect(await gateway().joinChannel('G1234')).toBe(false);
  });

  it('calls a post that Slack took but answered too late a timeout that may have delivered, and finds the message', async () => {
    const impatient = webClientGateway(
      new WebClient(undefined, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, timeout: 100, fetch }),
      'xoxb-gateway',
    );
    slack.postDelayMs = 1_000;
    try {
      const error = await impatient.post('C8888', null, { text: 'late', blocks: [] }, 77).catch((err: unknown) => err);
      expect(error).toMatchObject({ constructor: SlackUnavailableError, outage: true, maybeDelivered: true });
    } finally {
      slack.postDelayMs = 0;
    }
    expect(await gateway().findPosted('C8888', null, 77)).toMatch(/^1700000000\./);
  });

  it('throws the port’s error classes for a 429, a refusal and a 500', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 7 }, { error: 'is_archived' }, { status: 500 });
    const post = () => gateway().post('C1234', null, { text: 'x', blocks: [] });
    await expect(post()).rejects.toMatchObject({ constructor: SlackRateLimitedError, retryAfterSeconds: 7 });
    await expect(post()).rejects.toBeInstanceOf(SlackRefusedError);
    await expect(post()).rejects.toMatchObject({
      constructor: SlackUnavailableError,
      message: 'HTTP 500',
      outage: true,
    });
  });

  it('calls a Slack that refuses the connection an outage that cannot have delivered', async () => {
    // A port just closed: nothing listens there.
    const closed = await new FakeSlack().start();
    await closed.stop();
    const unreachable = webClientGateway(
      new WebClient(undefined, { slackApiUrl: closed.apiUrl, retryConfig: { retries: 0 }, fetch }),
      'xoxb-gateway',
    );
    await expect(unreachable.post('C1234', null, { text: 'x', blocks: [] })).rejects.toMatchObject({
      constructor: SlackUnavailableError,
      outage: true,
      maybeDelivered: false,
    });
  });
});
