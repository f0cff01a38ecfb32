// Slack's side of a fault run: events delivered the way Slack delivers them (signed; retried with
// X-Slack-Retry-Num when the app does not answer 200 in time), and the answers people post.
import { randomUUID } from 'node:crypto';
import { postCommand, postEvent } from '../test/helpers/signed.js';
import { sleep } from './bot.js';

/** Slack retries a failed delivery three times (after about 0 s, 1 min and 5 min); compressed here. */
export const RETRY_DELAYS_MS = [1_000, 4_000, 10_000];
/** Slack counts a delivery failed when the app has not answered within 3 seconds. */
const DELIVERY_TIMEOUT_MS = 3_000;

export interface Answer {
  user: string;
  channel: string;
  threadTs: string;
  ts: string;
  text: string;
  eventId: string;
  /** Whether any delivery of it was answered 200 (Slack then stops retrying). */
  acked: boolean;
}

/** One delivery attempt: true when the app answered 200. */
async function attempt(url: () => string, payload: unknown, retryNum: number): Promise<boolean> {
  try {
    const res = await postEvent(url(), payload, {
      retryNum: retryNum || undefined,
      timeoutMs: DELIVERY_TIMEOUT_MS,
    });
    await res.text();
    return res.status === 200;
  } catch {
    return false; // refused connection, reset, or no answer in time
  }
}

/**
 * Delivers an event as Slack does: once, then again after each retry delay until some delivery is
 * answered 200. `url` is asked each time, so a retry reaches whichever instance is up then.
 */
export async function deliverEvent(url: () => string, payload: unknown, delays = RETRY_DELAYS_MS): Promise<boolean> {
  if (await attempt(url, payload, 0)) return true;
  for (let i = 0; i < delays.length; i++) {
    await sleep(delays[i]);
    if (await attempt(url, payload, i + 1)) return true;
  }
  return false;
}

/** A plausible STAR answer, a little different per person. */
export function answerText(n: number): string {
  return (
    `At my last team our checkout API failed for ${n % 7} percent of orders during the spring sale. ` +
    'I owned the fix: my goal was to stop the failures before the next campaign. ' +
    `I traced the errors to a retry storm, I added backoff and a circuit breaker, and I load-tested it at ${n % 5} times the peak. ` +
    'As a result failures fell from 4% to 0.1% and we kept about 80,000 dollars of orders a week. ' +
    'I learned to test failure modes, and I now add a load test to every launch checklist.'
  );
}

export function threadReply(
  answer: Pick<Answer, 'user' | 'channel' | 'threadTs' | 'ts' | 'text' | 'eventId'>,
  channelType: 'channel' | 'im',
) {
  return {
    token: 'unused',
    team_id: 'T1234',
    api_app_id: 'A1234',
    type: 'event_callback',
    event_id: answer.eventId,
    event_time: 1700000000,
    authorizations: [{ team_id: 'T1234', user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    event: {
      type: 'message',
      channel: answer.channel,
      user: answer.user,
      text: answer.text,
      ts: answer.ts,
      thread_ts: answer.threadTs,
      parent_user_id: 'U0BOT',
      event_ts: answer.ts,
      channel_type: channelType,
      team: 'T1234',
    },
  };
}

/** A slash command as Slack posts it (a fresh trigger id each time, as Slack gives). */
export async function slashCommand(url: string, user: string, channel: string, text: string, responseUrl: string) {
  const res = await postCommand(url, {
    token: 'unused',
    team_id: 'T1234',
    team_domain: 'example',
    channel_id: channel,
    channel_name: 'practice',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/star',
    text,
    api_app_id: 'A1234',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `1.2.${randomUUID()}`,
  });
  await res.text();
  return res.status;
}

/** Runs `work` over `items` with at most `limit` at a time, in order of start. */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  });
  await Promise.all(workers);
}
