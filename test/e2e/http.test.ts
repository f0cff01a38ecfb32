import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { ACTION_IDS } from '../../src/messages/ids.js';
import { type E2E, startE2E } from '../helpers/e2e.js';
import { buttonClick, dmReply, eventEnvelope, slashCommand, TEAM, USER } from '../helpers/harness.js';
import { postCommand, postEvent, postInteraction } from '../helpers/signed.js';

const ANSWER =
  'At my previous job I was on the search team and query latency had doubled. My goal was to bring p99 back under 300 ms before launch. ' +
  'I profiled the service and I found an N+1 query. I rewrote it as one batched call and I added a latency budget to CI. ' +
  'As a result p99 went from 640 ms to 210 ms and search abandonment fell 4%. I learned to profile before tuning, and I now check query counts in every review.';

type AckBody = { blocks: { type: string; elements?: { value: string }[] }[] };

let e2e: E2E;
// The app's clock is moved by hand, so retries come due without waiting for them.
const clock = fixedClock('2026-11-30T09:00:00Z');
beforeAll(async () => {
  e2e = await startE2E({}, clock);
});
afterAll(async () => {
  await e2e.close();
});

describe('the HTTP receiver', () => {
  it('answers GET /healthz', async () => {
    const res = await fetch(`${e2e.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });

  it('rejects a bad signature and a stale timestamp with 401, and does nothing', async () => {
    const before = e2e.slack.calls.length;
    const bad = await postCommand(e2e.eventsUrl, slashCommand('help', e2e.slack.responseUrl()), {
      secret: 'wrong-secret',
    });
    expect(bad.status).toBe(401);
    const stale = await postCommand(e2e.eventsUrl, slashCommand('help', e2e.slack.responseUrl()), {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(stale.status).toBe(401);
    expect(e2e.slack.calls.length).toBe(before);
  });

  it('answers the URL verification challenge', async () => {
    const res = await postEvent(e2e.eventsUrl, { token: 'x', challenge: 'abc123', type: 'url_verification' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('abc123');
  });

  it('runs the practice flow from the slash command to a probe answer, over signed requests', async () => {
    e2e.slack.reset();
    const ackRes = await postCommand(e2e.eventsUrl, slashCommand('practice dive-deep', e2e.slack.responseUrl()));
    expect(ackRes.status).toBe(200);
    expect(await ackRes.json()).toMatchObject({ response_type: 'ephemeral' });
    await e2e.slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    const question = e2e.slack.callsTo('chat.postMessage')[0];
    const questionTs = String(question.result?.ts);
    expect(question.args.channel).toBe('D1234');

    const answerRes = await postEvent(e2e.eventsUrl, eventEnvelope(dmReply(ANSWER, '1700000100.000001', questionTs)));
    expect(answerRes.status).toBe(200);
    await e2e.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length === 2);
    expect(e2e.slack.callsTo('chat.postMessage')[1].args.thread_ts).toBe(questionTs);

    const session = await e2e.repos.sessions.findByThread(TEAM, 'D1234', questionTs, USER);
    const click = await postInteraction(
      e2e.eventsUrl,
      buttonClick(ACTION_IDS.startProbes, String(session?.id), e2e.slack.responseUrl()),
    );
    expect(click.status).toBe(200);
    await e2e.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length === 3);

    const probeRes = await postEvent(
      e2e.eventsUrl,
      eventEnvelope(
        dmReply(
          'I pulled the slow-query log, I reproduced the N+1 locally, and I showed the lead a flame graph before I changed anything.',
          '1700000200.000001',
          questionTs,
        ),
      ),
    );
    expect(probeRes.status).toBe(200);
    await e2e.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length === 4);
    expect(JSON.stringify(e2e.slack.callsTo('chat.postMessage')[3].args.blocks)).toMatch(/on the follow-up/);
    const answers = await e2e.repos.answers.listForUser(TEAM, USER);
    expect(answers.map((a) => a.kind).sort()).toEqual(['answer', 'probe']);
  });

  it('processes a delivery that Slack repeats (X-Slack-Retry-Num) once', async () => {
    e2e.slack.reset();
    await postCommand(e2e.eventsUrl, slashCommand('practice earn-trust', e2e.slack.responseUrl(), 'U5678'));
    await e2e.slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    const questionTs = String(e2e.slack.callsTo('chat.postMessage')[0].result?.ts);
    // Slack has the question; answers are taken once its ts is stored as the session's thread.
    await e2e.slack.waitFor(async () => !!(await e2e.repos.sessions.findByThread(TEAM, 'D5678', questionTs, 'U5678')));
    const event = eventEnvelope(
      { ...dmReply(ANSWER, '1700000300.000001', questionTs, 'U5678'), channel: 'D5678' },
      'EvE2ERepeat',
    );
    await postEvent(e2e.eventsUrl, event);
    await postEvent(e2e.eventsUrl, event, { retryNum: 1 });
    await postEvent(e2e.eventsUrl, event, { retryNum: 2 });
    await e2e.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length >= 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(e2e.slack.callsTo('chat.postMessage')).toHaveLength(2);
    expect(await e2e.repos.answers.listForUser(TEAM, 'U5678')).toHaveLength(1);
  });

  it('over HTTP: a 429 and an API error during replies, a 40,000-character answer, an edit and a delete', async () => {
    e2e.slack.reset();
    await postCommand(e2e.eventsUrl, slashCommand('practice frugality', e2e.slack.responseUrl(), 'U7777'));
    await e2e.slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    const questionTs = String(e2e.slack.callsTo('chat.postMessage')[0].result?.ts);
    const dm = 'D7777';
    await e2e.slack.waitFor(async () => !!(await e2e.repos.sessions.findByThread(TEAM, dm, questionTs, 'U7777')));
    const event = (e: Record<string, unknown>) => eventEnvelope({ channel: dm, channel_type: 'im', ...e });

    // The feedback post is refused with a 429: the answer is kept and the reply goes out on the retry sweep.
    e2e.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await postEvent(
      e2e.eventsUrl,
      event({ ...dmReply(ANSWER, '1700100000.000001', questionTs, 'U7777'), channel: dm }),
    );
    const feedbackStatus = async () => {
      const [answer] = await e2e.repos.answers.listForUser(TEAM, 'U7777');
      if (!answer) return undefined;
      return (await e2e.repos.replies.forSession(answer.sessionId)).find((r) => r.purpose === 'feedback')?.status;
    };
    // The Web API answered 429; the reply is stored as failed, to be retried after Retry-After.
    await e2e.slack.waitFor(async () => (await feedbackStatus()) === 'failed');
    // The pass that stored the failure also holds the channel for its Retry-After: let it finish
    // before the clock moves, or it would find the reply due and send it itself.
    await e2e.running.services.outbox.idle();
    expect(await e2e.sweep()).toBe(0); // Retry-After: 1 has not passed
    clock.advance(1_000);
    expect(await e2e.sweep()).toBe(1);
    expect(
      e2e.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === questionTs && c.result),
    ).toHaveLength(1);

    // The edit's update fails with an API error first; the sweep delivers it.
    e2e.slack.failNext('chat.update', { error: 'internal_error' });
    const huge = `${ANSWER} `.repeat(120).slice(0, 40_000);
    await postEvent(
      e2e.eventsUrl,
      event({
        type: 'message',
        subtype: 'message_changed',
        ts: '1700100001.000001',
        message: { type: 'message', user: 'U7777', text: huge, ts: '1700100000.000001' },
      }),
    );
    // The Web API answered with an error; the reply is stored as failed, to be retried.
    await e2e.slack.waitFor(async () => (await feedbackStatus()) === 'failed');
    await e2e.running.services.outbox.idle();
    clock.advance(5_000); // the first backoff, 5 s at most
    await e2e.sweep();
    const update = e2e.slack
      .callsTo('chat.update')
      .filter((c) => c.result)
      .at(-1);
    const blocks = update?.args.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(blocks)).toContain('Too long.');

    await postEvent(
      e2e.eventsUrl,
      event({ type: 'message', subtype: 'message_deleted', ts: '1700100002.000001', deleted_ts: '1700100000.000001' }),
    );
    await e2e.slack.waitFor(async () => (await e2e.repos.answers.listForUser(TEAM, 'U7777')).length === 0);
  }, 20_000);

  it('serves the quiz and learn buttons', async () => {
    e2e.slack.reset();
    const quizRes = await postCommand(e2e.eventsUrl, slashCommand('quiz frugality', e2e.slack.responseUrl()));
    const quiz = (await quizRes.json()) as AckBody;
    const value = quiz.blocks.find((b) => b.type === 'actions')?.elements?.[0].value ?? '';
    await postInteraction(e2e.eventsUrl, buttonClick('star_quiz_choice_0', value, e2e.slack.responseUrl('quiz')));
    const learnRes = await postCommand(e2e.eventsUrl, slashCommand('learn frugality', e2e.slack.responseUrl()));
    const learn = (await learnRes.json()) as AckBody;
    const next = learn.blocks.find((b) => b.type === 'actions')?.elements?.[0].value ?? '';
    await postInteraction(e2e.eventsUrl, buttonClick(ACTION_IDS.learnNext, next, e2e.slack.responseUrl('learn')));
    const started = Date.now();
    while (e2e.slack.responses.length < 2 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
    expect(e2e.slack.responses.map((r) => r.path).sort()).toEqual(['/response/learn', '/response/quiz']);
    expect(JSON.stringify(e2e.slack.responses.find((r) => r.path === '/response/learn')?.body)).toContain(
      'S · Situation',
    );
  });
});
