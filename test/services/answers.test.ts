import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageContent } from '../../src/core/domain.js';
import { MAX_ANSWER_CHARS, MAX_MESSAGES_PER_ANSWER } from '../../src/services/answers.js';
import { startWorld, type World } from '../helpers/world.js';

const STRONG =
  'At my previous job I was on the payments team and 3% of refunds were stuck for days. My goal was to clear them before the quarter closed. ' +
  'I traced the stuck refunds to a retry job that skipped one currency. I wrote a fix, I backfilled 4,200 refunds and I added an alert. ' +
  'As a result stuck refunds went from 3% to 0.1% and support tickets fell by 40%. I learned to test every currency path, and I now add one to each review.';
const WEAK = 'I think we kind of fixed it and things got better.';

let w: World;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(() => w.close());

const text = (content: unknown) => JSON.stringify(content);
const bodyOf = (args: unknown[]) => args[args.length - 1] as MessageContent;

describe('DM answers', () => {
  async function started() {
    const { session } = await w.services.practice.start('T1234', 'U1234', 'ownership', 'sde2');
    const questionTs = String((await w.repos.sessions.get('T1234', session.id))?.questionTs);
    const dm = (ts: string, body: string) => ({
      teamId: 'T1234',
      channelId: 'D1234',
      userId: 'U1234',
      ts,
      threadTs: questionTs,
      text: body,
    });
    return { session, questionTs, dm };
  }

  it('scores messages as one answer with one feedback message, updated in place; edits and deletes re-score', async () => {
    const { questionTs, dm } = await started();
    await w.services.answers.receiveDm(dm('1700000100.000001', WEAK));
    const [, feedback] = w.gateway.callsTo('post');
    expect(feedback[1]).toBe(questionTs);
    await w.services.answers.receiveDm(dm('1700000101.000001', STRONG));
    expect(w.gateway.callsTo('post')).toHaveLength(2);
    expect(text(bodyOf(w.gateway.callsTo('update')[0]))).toContain('from 2 messages');
    const [answer] = await w.repos.answers.listForUser('T1234', 'U1234');
    expect(answer.text).toBe(`${WEAK}\n\n${STRONG}`);

    expect(await w.services.answers.edit('T1234', 'D1234', '1700000100.000001', 'I led it.')).toBe(true);
    expect((await w.repos.answers.listForUser('T1234', 'U1234'))[0].text).toBe(`I led it.\n\n${STRONG}`);
    await w.services.answers.remove('T1234', 'D1234', '1700000100.000001');
    await w.services.answers.remove('T1234', 'D1234', '1700000101.000001');
    expect(await w.repos.answers.listForUser('T1234', 'U1234')).toEqual([]);
    expect(text(bodyOf(w.gateway.callsTo('update').at(-1) ?? []))).toContain('no longer counts');
  });

  it('offers a short message outside the thread as the answer, scores a long one directly, and hints when nothing is open', async () => {
    const { dm, questionTs } = await started();
    await w.services.answers.receiveDm({ ...dm('1700000100.000001', 'hello'), threadTs: undefined });
    await w.services.answers.receiveDm(dm('1700000101.000001', '   '));
    const hints = w.gateway.callsTo('post').slice(1);
    expect(hints.map((p) => [p[1], bodyOf(p).text])).toEqual([
      [null, expect.stringContaining('Is that your answer to')],
      [expect.any(String), expect.stringContaining('no words to score')],
    ]);
    expect(text(bodyOf(hints[0]))).toContain('star_use_as_answer');
    expect(await w.repos.answers.listForUser('T1234', 'U1234')).toEqual([]);

    await w.services.answers.receiveDm({ ...dm('1700000102.000001', STRONG), threadTs: undefined });
    const feedback = w.gateway.callsTo('post').at(-1) ?? [];
    expect(feedback[1]).toBe(questionTs);
    expect(bodyOf(feedback).text).toMatch(/\/100/);
    expect(await w.repos.answers.listForUser('T1234', 'U1234')).toHaveLength(1);

    // The button adds the offered message to the answer, once however often it is pressed.
    const value = JSON.parse(JSON.stringify(bodyOf(hints[0]).blocks)).find(
      (b: { type: string }) => b.type === 'actions',
    ).elements[0].value as string;
    expect(await w.services.answers.useAsAnswer('T1234', 'U9999', value)).toBe('not-found');
    expect(await w.services.answers.useAsAnswer('T1234', 'U1234', value)).toBe('scored');
    expect(await w.services.answers.useAsAnswer('T1234', 'U1234', value)).toBe('scored');
    const [answer] = await w.repos.answers.listForUser('T1234', 'U1234');
    expect(await w.repos.answers.liveMessages(answer.id)).toHaveLength(2);

    // With no question open, a hint that says how to get one.
    await w.services.answers.receiveDm({ ...dm('1700000103.000001', 'hi'), userId: 'U5555', threadTs: undefined });
    expect(bodyOf(w.gateway.callsTo('post').at(-1) ?? []).text).toContain('/star practice');
  });

  it('starts the follow-ups once, for the session’s own person, then scores each and ends the session', async () => {
    const { session, dm } = await started();
    await w.services.answers.receiveDm(dm('1700000100.000001', STRONG));
    expect(await w.services.answers.startProbes('T1234', 'U9999', session.id)).toBe('not-found');
    expect(await w.services.answers.startProbes('T1234', 'U1234', session.id)).toBe('started');
    expect(await w.services.answers.startProbes('T1234', 'U1234', session.id)).toBe('already');
    expect(text(bodyOf(w.gateway.callsTo('update')[0]))).not.toContain('star_start_probes');
    expect(bodyOf(w.gateway.callsTo('post')[2]).text).toMatch(/^Follow-up 1 of (\d+)/);
    const probes = Number(bodyOf(w.gateway.callsTo('post')[2]).text.match(/of (\d+)/)?.[1]);
    for (let i = 0; i < probes; i++)
      await w.services.answers.receiveDm(dm(`1700000200.00000${i}`, 'I pulled the logs myself and I showed my lead.'));
    expect((await w.repos.sessions.get('T1234', session.id))?.state).toBe('done');
    await w.services.answers.receiveDm(dm('1700000300.000001', 'one more'));
    expect(bodyOf(w.gateway.callsTo('post').at(-1) ?? []).text).toContain('This session is finished');
  });

  it('bounds an answer: 25 messages and 40,000 characters in all; more is refused with a notice, not dropped silently', async () => {
    const { dm } = await started();
    for (let i = 0; i < MAX_MESSAGES_PER_ANSWER; i++)
      await w.services.answers.receiveDm(dm(`1700000100.${String(i + 1).padStart(6, '0')}`, STRONG));
    await w.services.answers.receiveDm(dm('1700000200.000001', 'one more part'));
    expect(bodyOf(w.gateway.callsTo('post').at(-1) ?? []).text).toContain('already has 25 messages');
    const [answer] = await w.repos.answers.listForUser('T1234', 'U1234');
    expect(await w.repos.answers.liveMessages(answer.id)).toHaveLength(MAX_MESSAGES_PER_ANSWER);
    expect(answer.text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
  });

  it('scores at most 40,000 characters of an answer, and refuses a message once that is full', async () => {
    const { dm } = await started();
    const long = `${STRONG} `.repeat(110).slice(0, MAX_ANSWER_CHARS - 200);
    await w.services.answers.receiveDm(dm('1700000100.000001', long));
    await w.services.answers.receiveDm(dm('1700000100.000002', STRONG));
    const [answer] = await w.repos.answers.listForUser('T1234', 'U1234');
    expect(answer.text).toHaveLength(MAX_ANSWER_CHARS);
    await w.services.answers.receiveDm(dm('1700000100.000003', STRONG));
    expect(bodyOf(w.gateway.callsTo('post').at(-1) ?? []).text).toContain('already has 40,000 characters');
    expect(await w.repos.answers.liveMessages(answer.id)).toHaveLength(2);
  });

  it('logs and ignores an answer to a question no longer in the library', async () => {
    const { dm } = await started();
    await w.db.query("UPDATE practice_sessions SET scenario_id = 'gone'");
    await w.services.answers.receiveDm(dm('1700000100.000001', STRONG));
    expect(await w.repos.answers.listForUser('T1234', 'U1234')).toEqual([]);
    expect(String(w.logger.warnings.at(-1)?.[0])).toContain('no longer in the library');
  });
});

describe('channel answers', () => {
  async function prompted(feedback: 'private' | 'public') {
    await w.repos.schedules.upsertTime(
      { teamId: 'T1234', channelId: 'C1234', minuteOfDay: 570, timezone: 'UTC', days: [1], createdBy: 'U1234' },
      w.clock.now(),
    );
    await w.repos.schedules.update('T1234', 'C1234', { feedback, lps: ['ownership'] }, w.clock.now());
    const schedule = await w.repos.schedules.get('T1234', 'C1234');
    expect(await w.services.prompts.promptNow(schedule ?? ({} as never))).toBe(true);
    const thread = String((await w.repos.prompts.postedSince(new Date(0)))[0].messageTs);
    const reply = (user: string, ts: string, body: string) => ({
      teamId: 'T1234',
      channelId: 'C1234',
      userId: user,
      ts,
      threadTs: thread,
      text: body,
    });
    return { thread, reply };
  }

  it('private: feedback and the follow-up in the DM, a neutral tick for the channel; an edit updates the DM; the follow-up answer ends it', async () => {
    const { reply } = await prompted('private');
    await w.services.answers.receiveInChannel(reply('U1111', '1700001000.000001', WEAK));
    const [feedback] = w.gateway.callsTo('post').slice(1);
    expect(feedback.slice(0, 2)).toEqual(['D1111', null]);
    expect(text(bodyOf(feedback))).toContain('Follow-up:');
    expect(text(bodyOf(feedback))).toContain('Only you see this');
    expect(w.gateway.callsTo('postEphemeral')).toEqual([]);
    const [tick] = w.gateway.callsTo('addReaction');
    expect(tick).toEqual(['C1234', '1700001000.000001', 'ballot_box_with_check']);

    await w.services.answers.edit('T1234', 'C1234', '1700001000.000001', STRONG);
    expect(w.gateway.callsTo('removeReaction')).toEqual([]); // the tick says nothing about the verdict
    expect(w.gateway.callsTo('addReaction')).toHaveLength(1);
    expect(w.gateway.callsTo('update').at(-1)?.[0]).toBe('D1111');
    expect(text(bodyOf(w.gateway.callsTo('update').at(-1) ?? []))).toContain('Updated after your edit');
    expect(w.gateway.callsTo('post').filter((p) => p[0] === 'C1234')).toHaveLength(1); // the prompt only

    await w.services.answers.receiveInChannel(reply('U1111', '1700001001.000001', 'I pulled the logs myself.'));
    const probeFeedback = w.gateway.callsTo('post').at(-1) ?? [];
    expect(probeFeedback[0]).toBe('D1111');
    expect(text(bodyOf(probeFeedback))).toContain('on the follow-up');
    await w.services.answers.receiveInChannel(reply('U1111', '1700001002.000001', 'thanks!'));
    expect(bodyOf(w.gateway.callsTo('postEphemeral').at(-1) ?? []).text).toContain('already scored');
    expect((await w.repos.answers.listForUser('T1234', 'U1111')).map((a) => a.kind).sort()).toEqual([
      'answer',
      'probe',
    ]);
  });

  it('public: feedback and follow-up in one thread message; a delete says so in place', async () => {
    const { reply } = await prompted('public');
    await w.services.answers.receiveInChannel(reply('U1111', '1700001000.000001', WEAK));
    const posts = w.gateway.callsTo('post');
    expect(posts).toHaveLength(2);
    expect(text(bodyOf(posts[1]))).toContain('<@U1111> · *No hire');
    expect(text(bodyOf(posts[1]))).toContain('Follow-up:');
    expect(text(bodyOf(posts[1]))).toContain('star_feedback_detail');
    expect(w.gateway.callsTo('postEphemeral')).toEqual([]);
    // The follow-up's reply is answered in the DM: the channel gets no second message.
    await w.services.answers.receiveInChannel(reply('U1111', '1700001001.000001', 'I pulled the logs myself.'));
    expect(w.gateway.callsTo('post').map((p) => p[0])).toEqual(['C1234', 'C1234', 'D1111']);
    await w.services.answers.remove('T1234', 'C1234', '1700001000.000001');
    expect(text(bodyOf(w.gateway.callsTo('update')[0]))).toContain('no longer counts');
    // The main answer is gone; the follow-up's reply stays until it is deleted too.
    expect((await w.repos.answers.listForUser('T1234', 'U1111')).map((x) => x.kind)).toEqual(['probe']);
  });

  it('ignores replies outside prompt threads, empty ones, and a message seen before', async () => {
    const { reply } = await prompted('private');
    await w.services.answers.receiveInChannel({
      ...reply('U1111', '1700001000.000001', STRONG),
      threadTs: '1600000000.000001',
    });
    await w.services.answers.receiveInChannel(reply('U1111', '1700001000.000002', ' '));
    await w.services.answers.receiveInChannel(reply('U2222', '1700001000.000003', STRONG));
    await w.services.answers.receiveInChannel(reply('U2222', '1700001000.000003', STRONG));
    expect(w.gateway.callsTo('post').map((c) => c[0])).toEqual(['C1234', 'D2222']);
  });
});
