// Exactly-once over signed HTTP: an event is acknowledged only after its work committed (a failure
// answers 500 and Slack's retry does the work), a replayed command runs once, and requests from
// the future or with unknown subcommand names get clear answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.js';
import { dmReply, eventEnvelope, slashCommand } from '../helpers/harness.js';
import { postCommand, postEvent } from '../helpers/signed.js';

const ANSWER =
  'At my last job I owned the billing export and 3% of invoices were late. My goal was to fix it before quarter end. ' +
  'I traced it to a timezone bug, I wrote the fix and I added a test for every region. As a result late invoices went from 3% to zero. ' +
  'I learned to test edge dates, and I now review every date change myself.';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
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
  it('answers 500 when an event’s work fails, and Slack’s retry then stores it once', async () => {
    const questionTs = await practiceQuestion('U3001');
    const event = eventEnvelope({ ...dmReply(ANSWER, '1700300000.000001', questionTs, 'U3001'), channel: 'D3001' });
    const answers = e2e.running.services.answers;
    const original = answers.receiveDm;
    answers.receiveDm = async () => {
      throw new Error('database went away');
    };
    try {
      expect((await postEvent(e2e.eventsUrl, event)).status).toBe(500);
    } finally {
      answers.receiveDm = original;
    }
    expect(await e2e.repos.answers.listForUser('T1234', 'U3001')).toEqual([]);
    expect((await postEvent(e2e.eventsUrl, event, { retryNum: 1 })).status).toBe(200);
    // The 200 comes after the answer is stored.
    expect(await e2e.repos.answers.listForUser('T1234', 'U3001')).toHaveLength(1);
    expect((await postEvent(e2e.eventsUrl, event, { retryNum: 2 })).status).toBe(200);
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
