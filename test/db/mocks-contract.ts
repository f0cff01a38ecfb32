// What every implementation of the mock interview repository (MocksRepository in src/db/ports.ts)
// must do, written once like repositories-contract.ts: sqlite.test.ts runs it on SQLite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageContent } from '../../src/core/domain.js';
import type { NewMock, Repositories, RoundClaim } from '../../src/db/ports.js';
import type { RepositoryFixture } from './repositories-contract.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const body = (text: string): MessageContent => ({ text, blocks: [] });
const TEAM = 'T1234';
const POOL = 'C1234';

const mockOf = (candidateId: string, interviewerId: string, observerId: string | null = null): NewMock => ({
  candidateId,
  interviewerId,
  observerId,
  lp: 'ownership',
  level: 'sde2',
  questionId: 'webhook-retry-fix',
  suggestedTimes: ['2026-11-30T14:00:00.000Z'],
  mode: null,
});
const weekly = (mocks: NewMock[], roundKey = '2026-11-30'): RoundClaim => ({
  teamId: TEAM,
  channelId: POOL,
  roundKey,
  kind: 'weekly',
  roundAt: NOW.toISOString(),
  mocks,
});
const CARD = {
  ratings: { ownership: 3, impact: 2, structure: 3, delivery: 3, reflection: 2 } as const,
  flags: ['no-metric' as const],
  verdict: 'lean-hire' as const,
  wentWell: 'Clear.',
  toImprove: 'Numbers.',
};

export function describeMockRepositories(backend: string, open: () => Promise<RepositoryFixture> | RepositoryFixture) {
  describe(`mock interview repository on ${backend}`, () => {
    let fixture: RepositoryFixture;
    let repos: Repositories;
    beforeEach(async () => {
      fixture = await open();
      repos = fixture.repos;
    });
    afterEach(async () => {
      await fixture.close();
    });

    it('keeps a pool per channel: join, join again, leave, come back; the weekly time never pairs a past round', async () => {
      expect(await repos.mocks.pool(TEAM, POOL)).toBeUndefined();
      expect(await repos.mocks.join(TEAM, POOL, 'U1111', NOW)).toBe('joined');
      expect(await repos.mocks.join(TEAM, POOL, 'U1111', NOW)).toBe('already');
      expect(await repos.mocks.leave(TEAM, POOL, 'U1111', NOW)).toBe(true);
      expect(await repos.mocks.leave(TEAM, POOL, 'U1111', NOW)).toBe(false);
      expect(await repos.mocks.join(TEAM, POOL, 'U1111', later(1))).toBe('resumed');
      const pool = await repos.mocks.setWeekly(
        TEAM,
        POOL,
        { day: 1, minuteOfDay: 600, timezone: 'Europe/Berlin' },
        'U9999',
        later(2),
      );
      expect(pool).toMatchObject({ weekly: true, day: 1, minuteOfDay: 600, notBefore: later(2).toISOString() });
      expect((await repos.mocks.weeklyPools()).map((p) => p.channelId)).toEqual([POOL]);
      await repos.mocks.setWeekly(TEAM, POOL, null, 'U9999', later(3));
      expect(await repos.mocks.weeklyPools()).toEqual([]);
      // Another workspace's channel with the same id is another pool.
      expect(await repos.mocks.members('T9999', POOL)).toEqual([]);
    });

    it('claims a round once, whoever asks, and applies the ignored-round counts with it', async () => {
      await repos.mocks.join(TEAM, POOL, 'U1111', NOW);
      await repos.mocks.join(TEAM, POOL, 'U2222', NOW);
      const claim = {
        ...weekly([mockOf('U1111', 'U2222')]),
        ignored: [{ userId: 'U2222', ignoredRounds: 3, pause: true }],
      };
      const first = await repos.mocks.claimRound(claim, NOW);
      expect(first?.mocks).toHaveLength(1);
      expect(first?.mocks[0]).toMatchObject({ status: 'planned', responded: [], conversationId: null });
      expect(await repos.mocks.claimRound(claim, later(1))).toBeUndefined();
      expect((await repos.mocks.pool(TEAM, POOL))?.lastRoundAt).toBe(NOW.toISOString());
      const members = await repos.mocks.members(TEAM, POOL);
      expect(members.find((m) => m.userId === 'U2222')).toMatchObject({ status: 'paused', ignoredRounds: 3 });
      expect((await repos.mocks.lastWeeklyRound(TEAM, POOL)).map((m) => m.id)).toEqual([first?.mocks[0].id]);
      expect(await repos.mocks.history(TEAM, POOL, later(1).toISOString())).toEqual([]);
    });

    it('introduces a mock once, revises the introduction on a change, and leaves it alone when the plan declines', async () => {
      const round = await repos.mocks.claimRound(weekly([mockOf('U1111', 'U2222')]), NOW);
      const mock = round?.mocks[0];
      if (!mock) throw new Error('no mock');
      expect((await repos.mocks.unintroduced(NOW.toISOString())).map((m) => m.id)).toEqual([mock.id]);
      const replyId = await repos.mocks.introduce(TEAM, mock.id, 'G1', (m) => body(`intro ${m.conversationId}`), NOW);
      expect(await repos.replies.get(replyId ?? -1)).toMatchObject({ channelId: 'G1', text: 'intro G1' });
      expect(await repos.mocks.introduce(TEAM, mock.id, 'G1', () => body('again'), NOW)).toBeUndefined();
      expect(await repos.mocks.unintroduced(NOW.toISOString())).toEqual([]);
      await repos.replies.markSent(replyId ?? -1, '1700000000.000001', NOW);

      const changed = await repos.mocks.update(
        TEAM,
        mock.id,
        (m) =>
          m.mode
            ? undefined
            : { change: { mode: 'realistic' }, respondedBy: 'U1111', intro: (after) => body(`mode ${after.mode}`) },
        later(1),
      );
      expect(changed?.mock).toMatchObject({ mode: 'realistic', responded: ['U1111'] });
      expect(await repos.replies.get(replyId ?? -1)).toMatchObject({
        status: 'pending',
        text: 'mode realistic',
        sentTs: '1700000000.000001',
      });
      expect(await repos.mocks.update(TEAM, mock.id, (m) => (m.mode ? undefined : {}), later(2))).toBeUndefined();
      expect(await repos.mocks.update('T9999', mock.id, () => ({}), later(2))).toBeUndefined();
      expect((await repos.mocks.openSince(NOW.toISOString())).map((m) => m.id)).toEqual([mock.id]);
    });

    it('claims each notice once and queues it in the outbox (ephemeral when asked)', async () => {
      const first = await repos.mocks.claimNotice(
        { teamId: TEAM, key: 'headsup:C1234:2026-12-07', channelId: POOL },
        body('heads-up'),
        NOW,
      );
      expect(await repos.replies.get(first ?? -1)).toMatchObject({
        channelId: POOL,
        delivery: 'message',
        status: 'pending',
      });
      expect(
        await repos.mocks.claimNotice(
          { teamId: TEAM, key: 'headsup:C1234:2026-12-07', channelId: POOL },
          body('again'),
          NOW,
        ),
      ).toBeUndefined();
      expect(await repos.mocks.noticeSent(TEAM, 'headsup:C1234:2026-12-07')).toBe(true);
      expect(await repos.mocks.noticeSent('T9999', 'headsup:C1234:2026-12-07')).toBe(false);
      const note = await repos.mocks.claimNotice(
        { teamId: TEAM, key: 'note', channelId: 'G1', ephemeralTo: 'U1111' },
        body('only you'),
        NOW,
      );
      expect(await repos.replies.get(note ?? -1)).toMatchObject({ delivery: 'ephemeral', target: 'U1111' });
    });

    it('stores one scorecard per mock with the candidate’s DM, marks the mock met, and sets the pasted answer beside it', async () => {
      const round = await repos.mocks.claimRound(weekly([mockOf('U1111', 'U2222')]), NOW);
      const mock = round?.mocks[0];
      if (!mock) throw new Error('no mock');
      const answer = {
        teamId: TEAM,
        mockId: mock.id,
        userId: 'U1111',
        text: 'I fixed it.',
        overall: 40,
        verdict: 'no-hire' as const,
        dimensions: { ownership: 40 },
        flags: [{ id: 'too-short', quote: '' }],
        rubricVersion: 1,
      };
      const first = await repos.mocks.saveAnswer(
        answer,
        { channelId: 'D1111', render: (card) => body(`answer, card ${card ? 'yes' : 'no'}`) },
        NOW,
      );
      expect((await repos.replies.get(first ?? -1))?.text).toBe('answer, card no');
      const stored = await repos.mocks.submitScorecard(
        TEAM,
        mock.id,
        CARD,
        { channelId: 'D1111', render: (_m, card, a) => body(`card ${card.verdict} with ${a?.text}`) },
        later(1),
      );
      if (stored === undefined || stored === 'exists') throw new Error('not stored');
      expect(await repos.replies.get(stored.replyId)).toMatchObject({
        channelId: 'D1111',
        text: 'card lean-hire with I fixed it.',
      });
      expect(
        await repos.mocks.submitScorecard(
          TEAM,
          mock.id,
          CARD,
          { channelId: 'D1111', render: () => body('x') },
          later(2),
        ),
      ).toBe('exists');
      expect(await repos.mocks.get(TEAM, mock.id)).toMatchObject({ status: 'met', responded: ['U2222'] });
      // A second paste replaces the first.
      await repos.mocks.saveAnswer(
        { ...answer, text: 'I fixed it myself.' },
        { channelId: 'D1111', render: (card) => body(`card ${card?.verdict}`) },
        later(3),
      );
      expect((await repos.mocks.answer(TEAM, mock.id))?.text).toBe('I fixed it myself.');
      expect((await repos.mocks.heldInChannel(TEAM, POOL, NOW.toISOString())).map((m) => m.scorecard?.verdict)).toEqual(
        ['lean-hire'],
      );
      expect(await repos.mocks.heldInChannel(TEAM, POOL, later(5).toISOString())).toEqual([]);
      expect((await repos.mocks.mocksOf(TEAM, 'U2222', 5)).map((m) => m.id)).toEqual([mock.id]);
      expect(await repos.mocks.questionsAskedOf(TEAM, 'U1111')).toEqual(['webhook-retry-fix']);
      expect(await repos.mocks.questionsAskedOf(TEAM, 'U2222')).toEqual([]);
    });

    it('exports a person’s mocks, and forgets them: their own as candidate go, the others’ stay without them', async () => {
      await repos.mocks.join(TEAM, POOL, 'U1111', NOW);
      await repos.mocks.skip(TEAM, POOL, '2026-12-07', 'U1111', NOW);
      const round = await repos.mocks.claimRound(
        weekly([mockOf('U1111', 'U2222'), mockOf('U3333', 'U1111', 'U4444')]),
        NOW,
      );
      const [asCandidate, asInterviewer] = round?.mocks ?? [];
      await repos.mocks.submitScorecard(
        TEAM,
        asCandidate.id,
        CARD,
        { channelId: 'D1111', render: () => body('card') },
        NOW,
      );
      await repos.mocks.submitScorecard(
        TEAM,
        asInterviewer.id,
        CARD,
        { channelId: 'D3333', render: () => body('card') },
        NOW,
      );
      await repos.mocks.claimNotice(
        { teamId: TEAM, key: 'kit:x', channelId: 'D1111', userId: 'U1111' },
        body('kit'),
        NOW,
      );

      const exported = (await repos.privacy.exportUser(TEAM, 'U1111')).mocks;
      expect(exported.memberships.map((m) => m.channelId)).toEqual([POOL]);
      expect(exported.skips).toMatchObject([{ channelId: POOL, roundKey: '2026-12-07' }]);
      expect(exported.mocks.map((m) => [m.role, m.scorecard?.verdict])).toEqual([
        ['candidate', 'lean-hire'],
        ['interviewer', 'lean-hire'],
      ]);
      // The observer sees the mock, not the scorecard that belongs to the other two.
      expect((await repos.privacy.exportUser(TEAM, 'U4444')).mocks.mocks).toMatchObject([
        { role: 'observer', scorecard: null },
      ]);

      await repos.privacy.forgetUser(TEAM, 'U1111', later(1));
      const after = (await repos.privacy.exportUser(TEAM, 'U1111')).mocks;
      expect(after).toEqual({ memberships: [], skips: [], mocks: [] });
      expect(await repos.mocks.get(TEAM, asCandidate.id)).toBeUndefined();
      // U3333 keeps the scorecard they received; who interviewed is no longer said.
      expect(await repos.mocks.get(TEAM, asInterviewer.id)).toMatchObject({
        candidateId: 'U3333',
        interviewerId: 'forgotten',
      });
      expect(await repos.mocks.scorecard(TEAM, asInterviewer.id)).toMatchObject({ interviewerId: 'forgotten' });
      expect(await repos.mocks.noticeSent(TEAM, 'kit:x')).toBe(false);
    });
  });
}
