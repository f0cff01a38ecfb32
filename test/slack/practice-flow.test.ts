import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/messages/ids.js';
import {
  BOT_USER,
  buttonClick,
  DM,
  dmDelete,
  dmEdit,
  dmReply,
  eventEnvelope,
  type Harness,
  slashCommand,
  startHarness,
  TEAM,
  USER,
} from '../helpers/harness.js';

const ANSWER =
  'At my previous job I was on the checkout team and about 2% of card payments were timing out during peak hours. ' +
  'Nobody had asked me to look, but my goal was to stop the timeouts before the holiday sale.\n\n' +
  'I pulled a week of gateway logs and grouped the failures by endpoint. I traced them to a connection pool capped at 10. ' +
  'I load-tested a pool of 50 in staging and I rolled it out behind a flag. We kind of watched it for a day.\n\n' +
  'As a result timeouts went from 2% to 0.1% and checkout conversion rose 1.5% during the sale.\n\n' +
  'I learned to check client defaults after every upgrade, and I now add a pool-size alert to each new service.';

const texts = (blocks: unknown): string => JSON.stringify(blocks);

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function startPractice(text = 'practice ownership sde1') {
  const ack = await h.send(slashCommand(text, h.slack.responseUrl()));
  await h.slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
  const question = h.slack.callsTo('chat.postMessage')[0];
  const ts = '1700000000.000001';
  return { ack, question, ts };
}

describe('the coaching loop after feedback', () => {
  it('shows a strong answer with the bar raiser, and Try again asks the same question and shows both scores', async () => {
    const { ts, question } = await startPractice();
    await h.send(eventEnvelope(dmReply(ANSWER, '1700000100.000001', ts)));
    const feedback = texts(h.slack.callsTo('chat.postMessage')[1].args.blocks);
    expect(feedback).toContain(ACTION_IDS.strongAnswer);
    expect(feedback).toContain(ACTION_IDS.tryAgain);
    const [answer] = await h.repos.answers.listForUser(TEAM, USER);

    await h.send(buttonClick(ACTION_IDS.strongAnswer, String(answer.id), h.slack.responseUrl('strong')));
    const strong = texts(h.slack.callsTo('views.open').at(-1)?.args.view);
    expect(strong).toContain('A strong answer');
    expect(strong).toContain('The bar raiser on an answer near the bar');
    // Nobody else may open someone's private answer.
    const opened = h.slack.callsTo('views.open').length;
    await h.send({
      ...buttonClick(ACTION_IDS.strongAnswer, String(answer.id), h.slack.responseUrl('other')),
      user: { id: 'U9999', username: 'eve', team_id: TEAM },
    });
    expect(h.slack.callsTo('views.open')).toHaveLength(opened);

    const session = await h.repos.sessions.findByThread(TEAM, DM, ts, USER);
    await h.send(buttonClick(ACTION_IDS.tryAgain, String(session?.id), h.slack.responseUrl('again')));
    const again = h.slack.callsTo('chat.postMessage').at(-1);
    expect(again?.args.text).toBe(question.args.text);
    const secondTs = String(again?.result?.ts);
    await h.send(eventEnvelope(dmReply(`${ANSWER} I also wrote the runbook.`, '1700000300.000001', secondTs)));
    const second = h.slack.callsTo('chat.postMessage').at(-1);
    expect(second?.args.thread_ts).toBe(secondTs);
    expect(texts(second?.args.blocks)).toMatch(new RegExp(`last time ${answer.overall}/100, [+-]\\d+`));
  });
});

describe('/star practice in a DM', () => {
  it('opens a DM, posts the question with target times, and stores the session', async () => {
    const { ack, question } = await startPractice();
    expect(ack).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Sending you an Ownership question in a DM'),
    });
    expect(h.slack.callsTo('conversations.open')[0].args.users).toBe(USER);
    expect(question.args.channel).toBe(DM);
    expect(question.args.thread_ts).toBeUndefined();
    expect(texts(question.args.blocks)).toMatch(/Aim for about \d+ min( \d+ s)? spoken: Situation \d+ s/);
    const session = await h.repos.sessions.findByThread(TEAM, DM, '1700000000.000001', USER);
    expect(session).toMatchObject({ userId: USER, lp: 'ownership', level: 'sde1', state: 'asked' });
  });

  it('scores an answer in the thread, quotes the flagged words, then asks each probe in turn', async () => {
    const { ts } = await startPractice();
    await h.send(eventEnvelope(dmReply(ANSWER, '1700000100.000001', ts)));
    const feedback = h.slack.callsTo('chat.postMessage')[1];
    expect(feedback.args.thread_ts).toBe(ts);
    const body = texts(feedback.args.blocks);
    expect(body).toMatch(/(Strong hire|Lean hire|Lean no hire|No hire) · \d+\/100/);
    // The first screen: the verdict and at most three fixes in plain words, never a rubric id.
    expect(body).toContain('Hedging.');
    expect(body).toContain('“kind of”');
    expect(body).not.toMatch(/`[a-z]+(-[a-z]+)*`/);
    expect(body).not.toContain('Timing');
    expect(body).toContain(ACTION_IDS.startProbes);
    expect(body).toContain(ACTION_IDS.feedbackDetail);
    const [answer] = await h.repos.answers.listForUser(TEAM, USER);
    await h.send(buttonClick(ACTION_IDS.feedbackDetail, String(answer.id), h.slack.responseUrl()));
    const detail = h.slack.callsTo('views.open').at(-1);
    expect(texts(detail?.args.view)).toContain('Timing');
    expect(texts(detail?.args.view)).toContain('Ownership');

    const session = await h.repos.sessions.findByThread(TEAM, DM, ts, USER);
    await h.send(buttonClick(ACTION_IDS.startProbes, String(session?.id), h.slack.responseUrl()));
    const probeQuestion = h.slack.callsTo('chat.postMessage')[2];
    expect(texts(probeQuestion.args.blocks)).toMatch(/Follow-up 1 of \d+/);
    // The feedback message is updated so the button cannot start the probes twice.
    const update = h.slack.callsTo('chat.update').at(-1);
    expect(update?.args.ts).toBe(feedback.args.ts ?? '1700000000.000002');
    expect(texts(update?.args.blocks)).not.toContain(ACTION_IDS.startProbes);
    await h.send(buttonClick(ACTION_IDS.startProbes, String(session?.id), h.slack.responseUrl()));
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(3);

    await h.send(eventEnvelope(dmReply('I escalated it and they handled it.', '1700000200.000001', ts)));
    const probeFeedback = h.slack.callsTo('chat.postMessage')[3];
    expect(texts(probeFeedback.args.blocks)).toContain('Handed the problem to someone else');
    expect(texts(probeFeedback.args.blocks)).toMatch(/Follow-up 2 of \d+/);
    const answers = await h.repos.answers.listForUser(TEAM, USER);
    expect(answers.map((a) => a.kind).sort()).toEqual(['answer', 'probe']);
  });

  it('combines several messages into one answer and updates the feedback instead of posting again', async () => {
    const { ts } = await startPractice();
    const [first, second] = ANSWER.split('\n\nAs a result');
    await h.send(eventEnvelope(dmReply(first, '1700000100.000001', ts)));
    await h.send(eventEnvelope(dmReply(`As a result${second}`, '1700000101.000001', ts)));
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(2);
    const update = h.slack.callsTo('chat.update')[0];
    expect(texts(update.args.blocks)).toContain('from 2 messages');
    const answer = (await h.repos.answers.listForUser(TEAM, USER))[0];
    expect(answer.text).toContain('connection pool');
    expect(answer.text).toContain('0.1%');
  });

  it('posts one feedback message when two messages arrive at the same moment', async () => {
    const { ts } = await startPractice();
    const [first, second] = ANSWER.split('\n\nAs a result');
    await Promise.all([
      h.send(eventEnvelope(dmReply(first, '1700000100.000001', ts))),
      h.send(eventEnvelope(dmReply(`As a result${second}`, '1700000101.000001', ts))),
    ]);
    const feedback = h.slack.calls.filter(
      (c) => (c.method === 'chat.postMessage' && c.args.thread_ts === ts) || c.method === 'chat.update',
    );
    expect(feedback.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    // Whether the second message arrived before the post (one post) or during it (a post, then an
    // update), what the person sees last covers both messages.
    expect(texts(feedback.at(-1)?.args.blocks)).toContain('from 2 messages');
  });

  it('re-scores an edited answer in place and takes a deleted one out of the scores', async () => {
    const { ts } = await startPractice();
    await h.send(eventEnvelope(dmReply('I think we kind of fixed it and things got better.', '1700000100.000001', ts)));
    const before = (await h.repos.answers.listForUser(TEAM, USER))[0];
    await h.send(eventEnvelope(dmEdit(ANSWER, '1700000100.000001', ts)));
    const after = (await h.repos.answers.listForUser(TEAM, USER))[0];
    expect(after.id).toBe(before.id);
    expect(after.overall).toBeGreaterThan(before.overall);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(2);
    expect(h.slack.callsTo('chat.update')).toHaveLength(1);

    await h.send(eventEnvelope(dmDelete('1700000100.000001')));
    expect(await h.repos.answers.listForUser(TEAM, USER)).toEqual([]);
    expect(texts(h.slack.callsTo('chat.update')[1].args.blocks)).toContain('no longer counts');
  });

  it('drops a repeated event id even when its payload differs (the delivery guard, not the message key)', async () => {
    const { ts } = await startPractice();
    await h.send(eventEnvelope(dmReply(ANSWER, '1700000100.000001', ts), 'EvSame'));
    await h.send(eventEnvelope(dmReply(`${ANSWER} Also.`, '1700000100.000002', ts), 'EvSame'));
    expect(await h.repos.answers.liveMessages((await h.repos.answers.listForUser(TEAM, USER))[0].id)).toHaveLength(1);
  });

  it('processes a repeated delivery once', async () => {
    const { ts } = await startPractice();
    const event = eventEnvelope(dmReply(ANSWER, '1700000100.000001', ts), 'EvRepeat1');
    await h.send(event);
    await h.send(event, { retryNum: 1, retryReason: 'http_timeout' });
    // Same message under a new event id (Slack can do this too): still one answer.
    await h.send(eventEnvelope(dmReply(ANSWER, '1700000100.000001', ts), 'EvRepeat2'));
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(2);
    expect(await h.repos.answers.listForUser(TEAM, USER)).toHaveLength(1);
  });

  it("ignores its own messages and other bots' messages", async () => {
    const { ts } = await startPractice();
    await h.send(eventEnvelope({ ...dmReply('Follow-up 1', '1700000100.000001', ts, BOT_USER), bot_id: 'B0BOT' }));
    await h.send(eventEnvelope({ ...dmReply('beep', '1700000101.000001', ts, 'U0OTHERBOT'), bot_id: 'B0OTHER' }));
    await h.send(
      eventEnvelope({
        type: 'message',
        subtype: 'bot_message',
        channel: DM,
        channel_type: 'im',
        text: 'hook',
        ts: '1700000102.000001',
        bot_id: 'B0HOOK',
      }),
    );
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await h.repos.answers.listForUser(TEAM, USER)).toEqual([]);
  });

  it('keeps the answer and retries the reply after a 429 with Retry-After', async () => {
    const { ts } = await startPractice();
    h.slack.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    await h.send(eventEnvelope(dmReply(ANSWER, '1700000100.000001', ts)));
    expect(await h.repos.answers.listForUser(TEAM, USER)).toHaveLength(1);
    const session = await h.repos.sessions.findByThread(TEAM, DM, ts, USER);
    const feedback = (await h.repos.replies.forSession(session?.id ?? 0)).find((r) => r.purpose === 'feedback');
    expect(feedback).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: '2026-11-30T09:00:30.000Z' });
    expect(await h.sweep()).toBe(0); // not due yet
    h.clock.advance(30_000);
    expect(await h.sweep()).toBe(1);
    expect(h.slack.callsTo('chat.postMessage').at(-1)?.args.thread_ts).toBe(ts);
  });

  it('keeps the answer and retries the reply after a Slack API error', async () => {
    const { ts } = await startPractice();
    h.slack.failNext('chat.postMessage', { error: 'internal_error' }, { status: 500 });
    await h.send(eventEnvelope(dmReply(ANSWER, '1700000100.000001', ts)));
    h.clock.advance(5_000);
    expect(await h.sweep()).toBe(0); // the 500
    h.clock.advance(10_000);
    expect(await h.sweep()).toBe(1);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toHaveLength(3);
  });

  it('answers a 40,000-character answer within Block Kit limits', async () => {
    const { ts } = await startPractice();
    const huge = `${ANSWER} `.repeat(60).slice(0, 40_000);
    await h.send(eventEnvelope(dmReply(huge, '1700000100.000001', ts)));
    const feedback = h.slack.callsTo('chat.postMessage')[1];
    const blocks = feedback.args.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) {
      if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(3000);
      if (b.type === 'header') expect(b.text?.text.length).toBeLessThanOrEqual(150);
    }
    expect(texts(blocks)).toContain('Too long.');
  });

  it('opens the structured-answer form and scores what it submits', async () => {
    const { ts } = await startPractice();
    const session = await h.repos.sessions.findByThread(TEAM, DM, ts, USER);
    await h.send(buttonClick(ACTION_IDS.openAnswerForm, String(session?.id), h.slack.responseUrl()));
    const view = h.slack.callsTo('views.open')[0].args.view as { callback_id: string; blocks: { block_id?: string }[] };
    expect(view.callback_id).toBe('star_answer_form');
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual([
      'situation',
      'task',
      'action',
      'result',
      'reflection',
    ]);
    const values = Object.fromEntries(
      ['situation', 'task', 'action', 'result', 'reflection'].map((part, i) => [
        part,
        { value: { type: 'plain_text_input', value: ANSWER.split('\n\n')[Math.min(i, 3)] } },
      ]),
    );
    const ack = await h.send({
      type: 'view_submission',
      team: { id: TEAM, domain: 'example' },
      user: { id: USER, team_id: TEAM },
      api_app_id: 'A1234',
      view: {
        id: 'V1234',
        type: 'modal',
        callback_id: 'star_answer_form',
        private_metadata: String(session?.id),
        state: { values },
      },
    });
    expect(ack).toBeUndefined();
    const posts = h.slack.callsTo('chat.postMessage');
    expect(texts(posts[1].args.blocks)).toMatch(/\/100/);
    expect(texts(posts[2].args.blocks)).toContain('Your answer from the form');
    expect(await h.repos.answers.listForUser(TEAM, USER)).toHaveLength(1);
  });

  it('rejects a form without an Action or Result', async () => {
    const ack = await h.send({
      type: 'view_submission',
      team: { id: TEAM, domain: 'example' },
      user: { id: USER, team_id: TEAM },
      api_app_id: 'A1234',
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: 'star_answer_form',
        private_metadata: '1',
        state: { values: { action: { value: { value: ' ' } } } },
      },
    });
    expect(ack).toEqual({
      response_action: 'errors',
      errors: { action: 'Write at least a sentence here.', result: 'Write at least a sentence here.' },
    });
  });
});
