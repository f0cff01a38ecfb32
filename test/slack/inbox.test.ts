// The events inbox: a message is acknowledged once it is claimed and stored, before its work; the
// work follows in arrival order (an edit right after its message still applies); a redelivery of
// an event waiting in the inbox is acknowledged and not worked twice. And the request gate that
// puts acks before background work.

import type { App } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InFlight } from '../../src/services/in-flight.js';
import type { Services } from '../../src/services/index.js';
import { EventInbox, MAX_HOLD_MS } from '../../src/slack/inbox.js';
import { MAX_WAIT_FOR_QUIET_MS, RequestGate, SETTLE_MS } from '../../src/slack/request-gate.js';
import {
  channelReply,
  eventEnvelope,
  type Harness,
  quietLogger,
  slashCommand,
  startHarness,
  TEAM,
} from '../helpers/harness.js';

const CHANNEL = 'C1234';
const STRONG =
  'At my previous job I was on the payments team and 3% of refunds were stuck for days. My goal was to clear them before the quarter closed. ' +
  'I traced the stuck refunds to a retry job that skipped one currency. I wrote a fix, I backfilled 4,200 refunds and I added an alert. ' +
  'As a result stuck refunds went from 3% to 0.1% and support tickets fell by 40%. I learned to test every currency path, and I now add one to each review.';

const harnesses: Harness[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const h of harnesses.splice(0)) await h.close();
});

async function promptThread(): Promise<{ h: Harness; thread: string }> {
  const h = await startHarness({ env: { STAR_ADMINS: 'U1234' } });
  harnesses.push(h);
  await h.send({ ...slashCommand('schedule 09:30 UTC', h.slack.responseUrl('s')), channel_id: CHANNEL });
  await h.send({ ...slashCommand('prompt', h.slack.responseUrl('p')), channel_id: CHANNEL });
  return { h, thread: String(h.slack.callsTo('chat.postMessage')[0].result?.ts) };
}

/** Hands one event to the app as a receiver does; resolves when it is acknowledged. */
async function deliver(h: Harness, body: Record<string, unknown>): Promise<boolean> {
  let acked = false;
  await h.running.app.processEvent({
    body,
    ack: async () => {
      acked = true;
    },
  });
  return acked;
}

describe('the events inbox', () => {
  it('acknowledges a message before its work, then works it; a redelivery meanwhile is not worked again', async () => {
    const { h, thread } = await promptThread();
    const event = eventEnvelope(channelReply(STRONG, '1700001000.000001', thread, 'U1111'));
    expect(await deliver(h, event)).toBe(true);
    // Acknowledged, not yet worked: the answer is not stored, but the event is claimed.
    expect(await h.repos.answers.findMessage(TEAM, CHANNEL, '1700001000.000001')).toBeUndefined();
    expect(await deliver(h, event)).toBe(true);
    await h.running.inbox.idle();
    expect(await h.repos.answers.findMessage(TEAM, CHANNEL, '1700001000.000001')).toBeDefined();
    expect(await h.repos.answers.listForUser(TEAM, 'U1111')).toHaveLength(1);
    await h.running.services.outbox.idle();
    // Private feedback (the default): one neutral tick on the answer, once.
    expect(h.slack.callsTo('reactions.add').map((c) => c.args.timestamp)).toEqual(['1700001000.000001']);
  });

  it('works messages in the order they came: an edit right behind its message applies', async () => {
    const { h, thread } = await promptThread();
    const message = channelReply('We fixed it.', '1700001000.000002', thread, 'U2222');
    const edit = {
      type: 'message',
      subtype: 'message_changed',
      channel: CHANNEL,
      channel_type: 'channel',
      ts: '1700001001.000000',
      message: { ...message, text: STRONG },
    };
    expect(await deliver(h, eventEnvelope(message))).toBe(true);
    expect(await deliver(h, eventEnvelope(edit))).toBe(true);
    await h.running.inbox.idle();
    const stored = await h.repos.answers.findMessage(TEAM, CHANNEL, '1700001000.000002');
    expect(stored?.text).toBe(STRONG);
  });
});

describe('the request gate', () => {
  it('waits until no request has been answered for the settle time, and lets one waiter through at a time', async () => {
    vi.useFakeTimers();
    const gate = new RequestGate();
    const released: string[] = [];
    await gate.quiet(); // nothing ever came: quiet at once
    gate.enter();
    gate.enter();
    const settled = gate.quiet().then(() => released.push('settled'));
    gate.leave();
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(released).toEqual([]); // one request still being answered
    gate.leave();
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1);
    expect(released).toEqual([]); // the last one just ended: more of a burst may be on its way
    await vi.advanceTimersByTimeAsync(1);
    await settled;
    expect(released).toEqual(['settled']);
    // A request that never ends holds background work back, one piece released per period.
    gate.enter();
    const first = gate.quiet().then(() => released.push('first'));
    const second = gate.quiet().then(() => released.push('second'));
    await vi.advanceTimersByTimeAsync(MAX_WAIT_FOR_QUIET_MS - 1);
    expect(released).toEqual(['settled']);
    await vi.advanceTimersByTimeAsync(1);
    await first;
    expect(released).toEqual(['settled', 'first']);
    await vi.advanceTimersByTimeAsync(MAX_WAIT_FOR_QUIET_MS);
    await second;
    expect(released).toEqual(['settled', 'first', 'second']);
  });
});

describe('the inbox and the outbox', () => {
  it('counts the events queued or being worked, and tells the outbox when it has worked them all', async () => {
    const seen: number[] = [];
    let kicks = 0;
    let inbox: EventInbox | undefined;
    const app = {
      processEvent: async () => {
        seen.push(inbox?.waiting ?? -1);
      },
    } as unknown as App;
    const services = { logger: quietLogger, outbox: { kick: () => kicks++ } } as unknown as Services;
    inbox = new EventInbox(app, services, new InFlight());
    for (let i = 0; i < 3; i++) inbox.push(TEAM, `event:Ev${i}`, { event_id: `Ev${i}` });
    expect(inbox.waiting).toBe(3);
    await inbox.idle();
    // Each one is counted while it is worked, so a welcome waits for the feedback of the last.
    expect(seen).toEqual([3, 2, 1]);
    expect(inbox.waiting).toBe(0);
    expect(kicks).toBe(1);
  });
});

describe('the request gate’s settle timer', () => {
  it('waits out the rest of the settle time when its timer fires a millisecond early by Date.now()', async () => {
    vi.useFakeTimers();
    const gate = new RequestGate();
    gate.enter();
    gate.leave();
    let settled = false;
    void gate.quiet().then(() => {
      settled = true;
    });
    // Node runs timers on the loop's cached clock, which can be a millisecond behind Date.now()
    // when the request left: seen from Date.now(), the timer fires a millisecond short.
    vi.setSystemTime(Date.now() - 1);
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true); // not held until the trickle, MAX_WAIT_FOR_QUIET_MS later
  });
});

describe('the inbox under a steady stream of requests', () => {
  it('works an event that has waited MAX_HOLD_MS without waiting for quiet any longer', async () => {
    vi.useFakeTimers();
    const gate = new RequestGate();
    gate.enter(); // a request that never ends: the gate is never quiet
    const worked: string[] = [];
    const app = {
      processEvent: async ({ body }: { body: Record<string, unknown> }) => {
        worked.push(String(body.event_id));
      },
    } as unknown as App;
    const services = { logger: quietLogger, outbox: { kick: () => undefined } } as unknown as Services;
    const inbox = new EventInbox(app, services, new InFlight(), gate);
    for (let i = 0; i < 30; i++) inbox.push(TEAM, `event:Ev${i}`, { event_id: `Ev${i}` });
    // One event per gate period while it is not quiet...
    await vi.advanceTimersByTimeAsync(MAX_WAIT_FOR_QUIET_MS * 5);
    expect(worked.length).toBeGreaterThanOrEqual(4);
    expect(worked.length).toBeLessThanOrEqual(6);
    // ...until the oldest has waited MAX_HOLD_MS: then the rest go without waiting.
    await vi.advanceTimersByTimeAsync(MAX_HOLD_MS);
    expect(worked).toEqual(Array.from({ length: 30 }, (_, i) => `Ev${i}`));
    await inbox.idle();
  });
});
