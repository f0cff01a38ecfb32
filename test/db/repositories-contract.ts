// What every implementation of the repository ports (src/db/ports.ts) must do, written once:
// sqlite.test.ts runs it on SQLite; another backend runs the same suite on its own database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageContent } from '../../src/core/domain.js';
import { scoreAnswer } from '../../src/core/rubric/index.js';
import { MAIN_ANSWER } from '../../src/core/session.js';
import type { AnswerPlan, AnswerUpdate, NewSession, Repositories } from '../../src/db/ports.js';

export interface RepositoryFixture {
  repos: Repositories;
  close(): void | Promise<void>;
}

const NOW = new Date('2026-11-30T09:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const body = (text: string): MessageContent => ({ text, blocks: [] });
const DM_SESSION: NewSession = {
  teamId: 'T1234',
  userId: 'U1234',
  channelId: 'D1234',
  scenarioId: 'webhook-retry-fix',
  lp: 'ownership',
  level: 'sde2',
};
const RESULT = scoreAnswer('I think we kind of fixed it and things got better.', { level: 'sde2' });

/** A plan that scores the joined texts with one fixed result and asks for one feedback message. */
const scoreAll: AnswerPlan = (draft) => ({
  score: draft.texts.length > 0 ? { text: draft.texts.join('\n\n'), result: RESULT } : undefined,
  progress: { state: 'answered', probeIndex: -1 },
  replies: [{ kind: 'feedback', content: body(`${draft.texts.length} message(s)`) }],
});

export function describeRepositories(backend: string, open: () => Promise<RepositoryFixture> | RepositoryFixture) {
  describe(`repositories on ${backend}`, () => {
    let fixture: RepositoryFixture;
    let repos: Repositories;
    beforeEach(async () => {
      fixture = await open();
      repos = fixture.repos;
    });
    afterEach(async () => {
      await fixture.close();
    });

    /** A DM session whose question went out at ts 1700000000.000001. */
    async function dmSession() {
      const { session, replyId } = await repos.sessions.startDm(DM_SESSION, (id) => body(`question ${id}`), NOW);
      await repos.replies.markSent(replyId, '1700000000.000001', NOW);
      return session;
    }
    const message = (ts: string, text: string) => ({
      teamId: 'T1234',
      channelId: 'D1234',
      userId: 'U1234',
      messageTs: ts,
      threadTs: '1700000000.000001',
      text,
    });

    it('stores a DM session with its question, and records the question ts as its thread on first send', async () => {
      const { session, replyId } = await repos.sessions.startDm(DM_SESSION, (id) => body(`question ${id}`), NOW);
      expect(session).toMatchObject({ state: 'asked', probeIndex: -1, mode: 'dm', questionTs: null });
      expect((await repos.replies.get(replyId))?.text).toBe(`question ${session.id}`);
      expect(await repos.replies.markSent(replyId, '1700000000.000001', NOW)).toBe(false);
      // Once sent, only its ts is kept: the body is not stored twice.
      expect(await repos.replies.get(replyId)).toMatchObject({ status: 'sent', sentTs: '1700000000.000001', text: '' });
      expect(await repos.sessions.findByThread('T1234', 'D1234', '1700000000.000001', 'U1234')).toMatchObject({
        id: session.id,
      });
      expect(await repos.sessions.findByThread('T1234', 'D1234', '1700000000.000001', 'U9999')).toBeUndefined();
      expect(await repos.sessions.scenarioCounts('T1234', 'U1234')).toEqual(new Map([['webhook-retry-fix', 1]]));
    });

    it('keeps the feedback ts on its answer, so an edit after retention pruned the reply still updates that message', async () => {
      await dmSession();
      const [feedbackId] = (await repos.answers.addMessage(message('1700000100.000001', 'first'), scoreAll, NOW)) ?? [];
      await repos.replies.markSent(feedbackId, '1700000200.000001', NOW);
      const [answer] = await repos.answers.listForUser('T1234', 'U1234');
      expect(answer.feedbackTs).toBe('1700000200.000001');
      // Both sent replies (question and feedback) are older than the retention; a pending one stays.
      await repos.replies.enqueue(
        { teamId: 'T1234', channelId: 'D1234', threadTs: null, purpose: 'notice' },
        body('n'),
        NOW,
      );
      expect(await repos.replies.prune(later(1), 1)).toBe(1);
      expect(await repos.replies.prune(later(1), 10)).toBe(1);
      expect(await repos.replies.prune(later(1), 10)).toBe(0);
      expect(await repos.replies.get(feedbackId)).toBeUndefined();
      const [again] =
        (await repos.answers.reviseMessage(
          { teamId: 'T1234', channelId: 'D1234', messageTs: '1700000100.000001' },
          { text: 'first, edited' },
          scoreAll,
          later(2),
        )) ?? [];
      expect(await repos.replies.get(again)).toMatchObject({ sentTs: '1700000200.000001', status: 'pending' });
    });

    it('adds messages to one answer, scores them together in one transaction, and refuses a message twice', async () => {
      const session = await dmSession();
      const first = await repos.answers.addMessage(message('1700000100.000001', 'first part'), scoreAll, NOW);
      const second = await repos.answers.addMessage(message('1700000101.000001', 'second part'), scoreAll, NOW);
      expect(first).toHaveLength(1);
      expect(second).toEqual(first); // the same feedback row, given new content
      expect(
        await repos.answers.addMessage(message('1700000101.000001', 'second part'), scoreAll, NOW),
      ).toBeUndefined();
      const [answer] = await repos.answers.listForUser('T1234', 'U1234');
      expect(answer).toMatchObject({ kind: 'answer', text: 'first part\n\nsecond part', overall: RESULT.overall });
      expect((await repos.replies.get(first?.[0] ?? 0))?.text).toBe('2 message(s)');
      expect((await repos.sessions.get('T1234', session.id))?.state).toBe('answered');
    });

    it('rolls everything back when the plan declines, and ignores messages for a finished or unknown session', async () => {
      await dmSession();
      expect(await repos.answers.addMessage(message('1700000100.000001', 'x'), () => undefined, NOW)).toBeUndefined();
      expect(await repos.answers.findMessage('T1234', 'D1234', '1700000100.000001')).toBeUndefined();
      expect(await repos.answers.listForUser('T1234', 'U1234')).toEqual([]);
      const done: AnswerPlan = (draft) => ({
        ...(scoreAll(draft) as AnswerUpdate),
        progress: { state: 'done', probeIndex: -1 },
      });
      await repos.answers.addMessage(message('1700000100.000002', 'answer'), done, NOW);
      expect(await repos.answers.addMessage(message('1700000100.000003', 'late'), scoreAll, NOW)).toBeUndefined();
      expect(
        await repos.answers.addMessage(
          { ...message('1700000100.000004', 'x'), threadTs: '1600000000.000001' },
          scoreAll,
          NOW,
        ),
      ).toBeUndefined();
    });

    it('edits and deletes: re-scores from the messages left; the last one gone takes the answer out', async () => {
      await dmSession();
      await repos.answers.addMessage(message('1700000100.000001', 'one'), scoreAll, NOW);
      await repos.answers.addMessage(message('1700000101.000001', 'two'), scoreAll, NOW);
      const key = { teamId: 'T1234', channelId: 'D1234', messageTs: '1700000100.000001' };
      expect(await repos.answers.reviseMessage(key, { text: 'one' }, scoreAll, NOW)).toBeUndefined(); // unchanged
      expect(await repos.answers.reviseMessage(key, { text: 'uno' }, scoreAll, NOW)).toHaveLength(1);
      expect((await repos.answers.listForUser('T1234', 'U1234'))[0].text).toBe('uno\n\ntwo');
      await repos.answers.reviseMessage(key, { deleted: true }, scoreAll, NOW);
      expect((await repos.answers.listForUser('T1234', 'U1234'))[0].text).toBe('two');
      expect(await repos.answers.reviseMessage(key, { deleted: true }, scoreAll, NOW)).toBeUndefined();
      await repos.answers.reviseMessage({ ...key, messageTs: '1700000101.000001' }, { deleted: true }, scoreAll, NOW);
      expect(await repos.answers.listForUser('T1234', 'U1234')).toEqual([]);
    });

    it('creates a channel session with the first answer in a prompt thread, and refreshes a slot', async () => {
      const replyId = await repos.prompts.claim(
        {
          teamId: 'T1234',
          channelId: 'C1234',
          slotKey: '2026-11-30',
          slotAt: NOW.toISOString(),
          lp: 'ownership',
          questionId: 'webhook-retry-fix',
          level: 'sde2',
          feedback: 'public',
        },
        body('prompt'),
        true,
        NOW,
      );
      await repos.replies.markSent(replyId ?? 0, '1700000000.000009', NOW);
      const prompt = await repos.prompts.findByThread('T1234', 'C1234', '1700000000.000009');
      expect(prompt).toMatchObject({ replyId, lp: 'ownership' });
      const seen: string[] = [];
      const ids = await repos.answers.addMessage(
        {
          teamId: 'T1234',
          channelId: 'C1234',
          userId: 'U2222',
          messageTs: '1700000100.000001',
          threadTs: '1700000000.000009',
          text: 'my answer',
          newSession: { ...DM_SESSION, userId: 'U2222', channelId: 'C1234', promptId: prompt?.id ?? 0 },
        },
        (draft) => {
          seen.push(draft.session.mode, draft.prompt?.feedback ?? '', draft.messageTs ?? '');
          return {
            score: { text: draft.texts.join(''), result: RESULT },
            progress: { state: 'probing', probeIndex: 0 },
            replies: [
              { kind: 'ephemeral', content: body('private'), userId: 'U2222' },
              { kind: 'reaction', emoji: 'red_circle', messageTs: draft.messageTs ?? '', remove: false },
              { kind: 'message', content: body('follow-up') },
            ],
          };
        },
        NOW,
      );
      expect(seen).toEqual(['channel', 'public', '1700000100.000001']);
      const session = await repos.sessions.findByThread('T1234', 'C1234', '1700000000.000009', 'U2222');
      expect(session).toMatchObject({ mode: 'channel', promptId: prompt?.id, state: 'probing', probeIndex: 0 });
      const replies = await repos.replies.forSession(session?.id ?? 0);
      expect(replies.map((r) => [r.delivery, r.target, r.targetTs, r.threadTs])).toEqual([
        ['ephemeral', 'U2222', null, '1700000000.000009'],
        ['react', 'red_circle', '1700000100.000001', '1700000000.000009'],
        ['message', null, null, '1700000000.000009'],
      ]);
      expect(replies.map((r) => r.id)).toEqual(ids);
      const refreshed = await repos.answers.refresh('T1234', session?.id ?? 0, MAIN_ANSWER, scoreAll, NOW);
      expect(refreshed).toHaveLength(1);
      expect(await repos.answers.refresh('T9999', session?.id ?? 0, MAIN_ANSWER, scoreAll, NOW)).toBeUndefined();
    });

    it('claims a prompt slot once, remembers a scheduled one on its schedule, and keeps the rotation history', async () => {
      await repos.schedules.upsertTime(
        { teamId: 'T1234', channelId: 'C1234', minuteOfDay: 570, timezone: 'UTC', days: [1], createdBy: 'U1234' },
        NOW,
      );
      const claim = {
        teamId: 'T1234',
        channelId: 'C1234',
        slotKey: '2026-11-30',
        slotAt: NOW.toISOString(),
        lp: 'ownership',
        questionId: 'q1',
        level: 'sde2' as const,
        feedback: 'private' as const,
      };
      expect(await repos.prompts.claim(claim, body('p'), true, NOW)).toBeTypeOf('number');
      expect(await repos.prompts.claim({ ...claim, questionId: 'q2' }, body('p'), true, NOW)).toBeUndefined();
      expect((await repos.schedules.get('T1234', 'C1234'))?.lastSlotAt).toBe(NOW.toISOString());
      await repos.prompts.claim({ ...claim, slotKey: 'now:x', slotAt: later(60).toISOString() }, body('p'), false, NOW);
      expect((await repos.schedules.get('T1234', 'C1234'))?.lastSlotAt).toBe(NOW.toISOString());
      expect(await repos.prompts.history('T1234', 'C1234')).toEqual([
        { lp: 'ownership', questionId: 'q1' },
        { lp: 'ownership', questionId: 'q1' },
      ]);
    });

    it('keeps each schedule’s next prompt and digest instants, so the tick reads only what is due', async () => {
      const at = (iso: string) => new Date(iso);
      const due = async (iso: string) => ({
        prompts: (await repos.schedules.promptsDue(at(iso))).map((s) => s.channelId),
        digests: (await repos.schedules.digestsDue(at(iso))).map((s) => s.channelId),
      });
      // Mondays 09:30 UTC, made on Sunday; the digest is Friday 16:00 UTC by default.
      const made = at('2026-11-29T12:00:00Z');
      await repos.schedules.upsertTime(
        { teamId: 'T1234', channelId: 'C1234', minuteOfDay: 570, timezone: 'UTC', days: [1], createdBy: 'U1234' },
        made,
      );
      expect(await due('2026-11-30T09:29:00Z')).toEqual({ prompts: [], digests: [] });
      expect(await due('2026-11-30T09:30:00Z')).toEqual({ prompts: ['C1234'], digests: [] });
      // Claiming the slot moves the next instant on to the next Monday.
      const claim = {
        teamId: 'T1234',
        channelId: 'C1234',
        slotKey: '2026-11-30',
        slotAt: '2026-11-30T09:30:00.000Z',
        lp: 'ownership',
        questionId: 'q1',
        level: 'sde2' as const,
        feedback: 'private' as const,
      };
      await repos.prompts.claim(claim, body('p'), true, at('2026-11-30T09:30:00Z'));
      expect((await due('2026-11-30T09:31:00Z')).prompts).toEqual([]);
      expect((await due('2026-12-07T09:29:00Z')).prompts).toEqual([]);
      expect((await due('2026-12-07T09:30:00Z')).prompts).toEqual(['C1234']);
      // Handled within the grace window, a slot stays due; past it, it moves on.
      await repos.schedules.promptHandled('T1234', 'C1234', at('2026-12-07T09:35:00Z'), 60 * 60_000);
      expect((await due('2026-12-07T09:36:00Z')).prompts).toEqual(['C1234']);
      await repos.schedules.promptHandled('T1234', 'C1234', at('2026-12-07T10:31:00Z'), 60 * 60_000);
      expect((await due('2026-12-07T10:32:00Z')).prompts).toEqual([]);
      expect((await due('2026-12-14T09:30:00Z')).prompts).toEqual(['C1234']);
      // The digest: due from Friday 16:00 until handled, then next week's.
      expect((await due('2026-12-04T15:59:00Z')).digests).toEqual([]);
      expect((await due('2026-12-04T16:00:00Z')).digests).toEqual(['C1234']);
      expect((await due('2026-12-07T09:00:00Z')).digests).toEqual(['C1234']);
      await repos.schedules.digestHandled('T1234', 'C1234', at('2026-12-07T09:00:00Z'));
      expect((await due('2026-12-11T15:59:00Z')).digests).toEqual([]);
      expect((await due('2026-12-11T16:00:00Z')).digests).toEqual(['C1234']);
      // Turned off: never due.
      await repos.schedules.update('T1234', 'C1234', { enabled: false }, at('2026-12-12T00:00:00Z'));
      expect(await due('2027-01-04T10:00:00Z')).toEqual({ prompts: [], digests: [] });
    });

    it('hands a reply to one sender at a time, counts failures, and keeps a dead one out of the sweep', async () => {
      const reply = await repos.replies.enqueue(
        { teamId: 'T1234', channelId: 'C1234', threadTs: null, purpose: 'notice' },
        body('hello'),
        NOW,
      );
      const due = {
        id: reply.id,
        teamId: 'T1234',
        channelId: 'C1234',
        delivery: 'message',
        purpose: 'notice',
        createdAt: NOW.toISOString(),
      };
      expect(await repos.replies.due(NOW, 10)).toEqual([due]);
      expect(await repos.replies.claim(reply.id, NOW)).toMatchObject({
        reply: { status: 'sending' },
        interrupted: false,
      });
      expect(await repos.replies.claim(reply.id, NOW)).toBeUndefined();
      expect(await repos.replies.due(NOW, 10)).toEqual([]);
      // A claim left by a process that died mid-send is taken back once its lease (30 s) ran out,
      // and the new sender is told the send was interrupted (Slack may have the message).
      expect(await repos.replies.due(later(29), 10)).toEqual([]);
      expect(await repos.replies.nextDueAt()).toEqual(later(30));
      expect(await repos.replies.due(later(31), 10)).toEqual([due]);
      expect(await repos.replies.claim(reply.id, later(31))).toMatchObject({ interrupted: true });
      await repos.replies.markFailed(reply.id, 'internal_error', later(5), NOW);
      await repos.replies.markFailed(reply.id, 'internal_error', later(15), later(10));
      expect(await repos.replies.get(reply.id)).toMatchObject({
        status: 'failed',
        attempts: 2,
        lastError: 'internal_error',
        failingSince: NOW.toISOString(),
      });
      expect(await repos.replies.due(later(14), 10)).toEqual([]);
      expect(await repos.replies.nextDueAt()).toEqual(later(15));
      expect(await repos.replies.due(later(15), 10)).toEqual([due]);
      // A send that timed out (Slack may have the message) stays claimed until its retry, and its
      // next sender is told it was interrupted, so it looks before posting.
      expect(await repos.replies.claim(reply.id, later(15))).toMatchObject({ interrupted: false });
      await repos.replies.markFailed(reply.id, 'timeout', later(25), later(16), true);
      expect(await repos.replies.get(reply.id)).toMatchObject({ status: 'sending', attempts: 3, lastError: 'timeout' });
      expect(await repos.replies.claim(reply.id, later(24))).toBeUndefined();
      expect(await repos.replies.due(later(24), 10)).toEqual([]);
      expect(await repos.replies.nextDueAt()).toEqual(later(25));
      expect(await repos.replies.due(later(25), 10)).toEqual([due]);
      expect(await repos.replies.claim(reply.id, later(25))).toMatchObject({ interrupted: true });
      await repos.replies.markFailed(reply.id, 'internal_error', later(15), later(15));
      // A channel Slack rate-limited holds every waiting reply of its own, no other channel's.
      const other = await repos.replies.enqueue(
        { teamId: 'T1234', channelId: 'C5678', threadTs: null, purpose: 'notice' },
        body('elsewhere'),
        NOW,
      );
      expect(await repos.replies.deferChannel('T1234', 'C1234', later(60), later(15))).toBe(1);
      expect((await repos.replies.due(later(20), 10)).map((r) => r.id)).toEqual([other.id]);
      expect((await repos.replies.due(later(60), 10)).map((r) => r.id)).toEqual([reply.id, other.id]);
      await repos.replies.markDead(reply.id, 'channel_not_found', NOW);
      expect(await repos.replies.get(reply.id)).toMatchObject({
        status: 'dead',
        lastError: 'gave up: channel_not_found',
      });
      expect((await repos.replies.due(later(3600), 10)).map((r) => r.id)).toEqual([other.id]);
      expect(await repos.replies.claim(reply.id, later(3600))).toBeUndefined();
    });

    it('claims a digest once per channel and week, and an event id once', async () => {
      expect(await repos.community.digestClaimed('T1234', 'C1234', '2026-11-27')).toBe(false);
      expect(await repos.community.claimDigest('T1234', 'C1234', '2026-11-27', body('d'), NOW)).toBeTypeOf('number');
      expect(await repos.community.claimDigest('T1234', 'C1234', '2026-11-27', body('d'), NOW)).toBeUndefined();
      expect(await repos.community.digestClaimed('T1234', 'C1234', '2026-11-27')).toBe(true);
      const lease = 30_000;
      expect(await repos.events.claim('T1234', 'event:Ev1', NOW, lease)).toBe('claimed');
      expect(await repos.events.claim('T1234', 'event:Ev1', later(1), lease)).toBe('busy'); // being worked on
      expect(await repos.events.claim('T1234', 'event:Ev1', later(31), lease)).toBe('claimed'); // its worker died
      await repos.events.complete('T1234', 'event:Ev1', later(32));
      expect(await repos.events.claim('T1234', 'event:Ev1', later(33), lease)).toBe('done');
      expect(await repos.events.claim('T5678', 'event:Ev1', NOW, lease)).toBe('claimed'); // another workspace
      await repos.events.release('T5678', 'event:Ev1'); // its work failed: Slack's retry may do it
      expect(await repos.events.claim('T5678', 'event:Ev1', later(2), lease)).toBe('claimed');
      await repos.events.complete('T1234', 'trigger:1.2.3', NOW); // nothing to complete: no error
      expect(await repos.events.prune(later(86_400), 1)).toBe(1);
      expect(await repos.events.prune(later(86_400 + 40), 10)).toBe(1);
      expect(await repos.events.claim('T1234', 'event:Ev1', later(86_400 + 41), lease)).toBe('claimed');
    });

    it('keeps an inbox event until its work is done, and hands an overdue one to one sweeper', async () => {
      const lease = 30_000;
      const body = '{"type":"event_callback","event_id":"EvIn1"}';
      expect(await repos.events.claim('T1234', 'event:EvIn1', NOW, lease, body)).toBe('claimed');
      expect(await repos.events.claim('T1234', 'event:EvIn2', NOW, lease, '{"n":2}')).toBe('claimed');
      expect(await repos.events.claim('T1234', 'event:Plain', NOW, lease)).toBe('claimed'); // no payload: not the inbox's
      expect(await repos.events.claim('T1234', 'event:EvIn1', later(1), lease, body)).toBe('busy'); // a redelivery
      expect(await repos.events.takeOverdue(later(29), lease, 10)).toEqual([]); // leases still running
      await repos.events.complete('T1234', 'event:EvIn2', later(2));
      const overdue = await repos.events.takeOverdue(later(31), lease, 10);
      expect(overdue).toEqual([{ teamId: 'T1234', key: 'event:EvIn1', payload: body, attempts: 2 }]);
      // Taken: a fresh lease, so neither a second sweeper nor a redelivery gets it now.
      expect(await repos.events.takeOverdue(later(32), lease, 10)).toEqual([]);
      expect(await repos.events.claim('T1234', 'event:EvIn1', later(33), lease, body)).toBe('busy');
      const again = await repos.events.takeOverdue(later(62), lease, 1);
      expect(again.map((item) => [item.key, item.attempts])).toEqual([['event:EvIn1', 3]]);
      await repos.events.complete('T1234', 'event:EvIn1', later(63));
      expect(await repos.events.claim('T1234', 'event:EvIn1', later(64), lease, body)).toBe('done');
      expect(await repos.events.takeOverdue(later(200), lease, 10)).toEqual([]);
    });

    it('claims a welcome and stores its DM together, once; a welcome that cannot be built claims nothing', async () => {
      const content = () => body('welcome');
      const id = await repos.users.welcome('T1234', 'U4444', content, NOW);
      expect(id).toBeTypeOf('number');
      expect(await repos.replies.get(id ?? -1)).toMatchObject({
        channelId: 'U4444',
        purpose: 'notice',
        delivery: 'dm',
        target: 'U4444',
        status: 'pending',
      });
      expect(await repos.users.welcome('T1234', 'U4444', content, later(1))).toBeUndefined();
      expect(await repos.users.claimWelcome('T1234', 'U4444', later(2))).toBe(false);
      // The DM fails to be stored: the claim goes with it, so the next contact welcomes them.
      const broken = () => {
        throw new Error('no welcome today');
      };
      await expect(repos.users.welcome('T1234', 'U5555', broken, NOW)).rejects.toThrow('no welcome today');
      expect(await repos.users.welcome('T1234', 'U5555', content, later(1))).toBeTypeOf('number');
    });

    it('keeps settings with defaults, and forgets a person entirely while others stay', async () => {
      expect(await repos.users.get('T1234', 'U1234')).toEqual({ level: 'sde2', levelChosen: false, timezone: null });
      expect(await repos.users.claimWelcome('T1234', 'U1234', NOW)).toBe(true);
      expect(await repos.users.claimWelcome('T1234', 'U1234', later(1))).toBe(false);
      await repos.users.setLevel('T1234', 'U1234', 'senior', NOW);
      await repos.users.setTimezone('T1234', 'U1234', 'Asia/Tokyo', NOW);
      expect(await repos.users.get('T1234', 'U1234')).toEqual({
        level: 'senior',
        levelChosen: true,
        timezone: 'Asia/Tokyo',
      });
      await dmSession();
      await repos.answers.addMessage(message('1700000100.000001', 'mine'), scoreAll, NOW);
      await repos.quiz.record(
        { teamId: 'T1234', userId: 'U1234', scenarioId: 's', quizIndex: 0, choice: 1, correct: true },
        NOW,
      );
      await repos.community.addAway('T1234', 'U1234', '2026-12-24', '2027-01-02', NOW);
      await repos.users.setLevel('T1234', 'U5678', 'sde1', NOW);
      const exported = await repos.privacy.exportUser('T1234', 'U1234');
      expect(exported.answers[0].messages.map((m) => m.text)).toEqual(['mine']);
      expect(exported.settings).toMatchObject({ level: 'senior' });
      const removed = await repos.privacy.forgetUser('T1234', 'U1234', later(1));
      expect(removed).toBeGreaterThanOrEqual(7);
      const after = await repos.privacy.exportUser('T1234', 'U1234');
      expect([after.settings, after.sessions, after.answers, after.quizAttempts, after.away]).toEqual([
        null,
        [],
        [],
        [],
        [],
      ]);
      expect(await repos.privacy.forgottenSince('T1234', 'U1234', '1700000100.000001')).toBe(true);
      expect(await repos.users.get('T1234', 'U5678')).toEqual({ level: 'sde1', levelChosen: true, timezone: null });
    });

    it('keeps one sealed installation per workspace, replaces it, updates it under its lock, and removes it', async () => {
      await repos.installations.save('T1111', null, 'v1:sealed-a', NOW);
      await repos.installations.save('T2222', 'E1', 'v1:sealed-b', NOW);
      await repos.installations.save('T1111', null, 'v1:sealed-a2', later(1));
      expect(await repos.installations.find('T1111')).toBe('v1:sealed-a2');
      const seen: (string | undefined)[] = [];
      const results = await Promise.all(
        [1, 2].map((n) =>
          repos.installations.withLock(
            'T1111',
            async (sealed) => {
              seen.push(sealed);
              return { sealed: `${sealed}+${n}`, result: n };
            },
            later(2),
          ),
        ),
      );
      expect(results).toEqual([1, 2]);
      // The second saw what the first stored: one after the other, never both on the old record.
      expect(seen).toEqual(['v1:sealed-a2', 'v1:sealed-a2+1']);
      expect(await repos.installations.find('T1111')).toBe('v1:sealed-a2+1+2');
      expect(await repos.installations.remove('T1111', later(3))).toBe(true);
      expect(await repos.installations.remove('T1111', later(4))).toBe(false);
      expect(await repos.installations.find('T1111')).toBeUndefined();
      expect(await repos.installations.find('T2222')).toBe('v1:sealed-b');
    });
  });
}
