// Exactly-once over signed HTTP: a message event is acknowledged once claimed and stored in the
// inbox (work that fails is done again by the inbox sweep, once), a replayed command runs once, and requests from
// the future or with unknown subcommand names get clear answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { INBOX_LEASE_MS } from '../../src/services/deliveries.js';
import { type E2E, startE2E } from '../helpers/e2e.js';
import { dmReply, eventEnvelope, slashCommand } from '../helpers/harness.js';
import { postCommand, postEvent } from '../helpers/signed.js';

const ANSWER =
  'At my last job I owned the billing export and 3% of invoices were late. My goal was to fix it before quarter end. ' +
  'I traced it to a timezone bug, I wrote the fix and I added a test for every region. As a result late invoices went from 3% to zero. ' +
  'I learned to test edge dates, and I now review every date change myself.';

let e2e: E2E;
// The app's clock, moved past the inbox lease; request signatures use the real time.
const clock = fixedClock(new Date());
beforeAll(async () => {
  e2e = await startE2E({}, clock);
});
afterAll(async () => {
  await e2e.close();
});

async function practiceQuestion(user: string): Promise<string> {
  const before = e2e.slack.callsTo('chat.postMessage').length;
  await postCommand(e2e.eventsUrl, slashCommand('practice ownership', e2e.slack.responseUrl(), user));
  await e2e.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length > before);
  return String(e2e.slack.callsTo('chat.postMessage').at(-1)?.result?.ts);
}

describe('delivery over HTTP', () => {
  it('acknowledges a message once it is stored in the inbox; work that failed is done by the sweep, once', async () => {
    const questionTs = await practiceQuestion('U3001');
    const event = eventEnvelope({ ...dmReply(ANSWER, '1700300000.000001', questionTs, 'U3001'), channel: 'D3001' });
    const answers = e2e.running.services.answers;
    const original = answers.receiveDm;
    answers.receiveDm = async () => {
      throw new Error('database went away');
    };
    try {
      // The 200 comes before the work: the event is in the inbox, so Slack does not retry it.
      expect((await postEvent(e2e.eventsUrl, event)).status).toBe(200);
      await e2e.running.inbox.idle();
    } finally {
      answers.receiveDm = original;
    }
    expect(await e2e.repos.answers.listForUser('T1234', 'U3001')).toEqual([]);
    // A redelivery meanwhile is acknowledged and left to the inbox (the claim is still leased).
    expect((await postEvent(e2e.eventsUrl, event, { retryNum: 1 })).status).toBe(200);
    await e2e.running.inbox.idle();
    expect(await e2e.repos.answers.listForUser('T1234', 'U3001')).toEqual([]);
    expect(await e2e.running.inbox.sweep()).toBe(0); // its lease is still running
    clock.advance(INBOX_LEASE_MS + 1_000);
    expect(await e2e.running.inbox.sweep()).toBe(1);
    await e2e.running.inbox.idle();
    expect(await e2e.repos.answers.listForUser('T1234', 'U3001')).toHaveLength(1);
    // Done: neither a sweep nor a redelivery works it again.
    clock.advance(INBOX_LEASE_MS + 1_000);
    expect(await e2e.running.inbox.sweep()).toBe(0);
    expect((await postEvent(e2e.eventsUrl, event, { retryNum: 2 })).status).toBe(200);
    await e2e.running.inbox.idle();
    expect(await e2e.repos.answers.listForUser('T1234', 'U3001')).toHaveLength(1);
  });

  it('runs a replayed slash command (the same trigger id) once', async () => {
    e2e.slack.reset();
    const command = slashCommand('practice ownership', e2e.slack.responseUrl(), 'U3002');
    expect((await postCommand(e2e.eventsUrl, command)).status).toBe(200);
    await e2e.slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    expect((await postCommand(e2e.eventsUrl, command)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(e2e.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('refuses a timestamp ten minutes in the future, and answers `/star constructor` with help', async () => {
    const future = Math.floor(Date.now() / 1000) + 600;
    const res = await postCommand(e2e.eventsUrl, slashCommand('help', e2e.slack.responseUrl()), { timestamp: future });
    expect(res.status).toBe(401);
    const odd = await postCommand(e2e.eventsUrl, slashCommand('constructor', e2e.slack.responseUrl()));
    expect(odd.status).toBe(200);
    expect(JSON.stringify(await odd.json())).toContain('constructor');
  });
});
