// What every StoriesRepository promises: stories are private to their owner, an answer is saved
// once, versions accumulate, and forget-me takes them all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewStoryVersion, Repositories } from '../../src/db/ports.js';

type Opened = { repos: Repositories; close(): void | Promise<void> };
type Open = () => Opened | Promise<Opened>;

const NOW = new Date('2026-12-01T10:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const version = (answerId: number | null, overall: number): NewStoryVersion => ({
  answerId,
  lp: 'ownership',
  level: 'sde2',
  text: `story told at ${overall}`,
  overall,
  verdict: overall >= 80 ? 'strong-hire' : 'lean-hire',
});
const mine = { teamId: 'T1234', userId: 'U1234', title: 'Orphaned library', lps: ['ownership' as const] };

export function describeStoryRepositories(name: string, open: Open): void {
  describe(`${name}: stories`, () => {
    let db: Opened;
    beforeEach(async () => {
      db = await open();
    });
    afterEach(async () => {
      await db.close();
    });

    it('saves an answer once, and adds versions in order with their LP', async () => {
      const { stories } = db.repos;
      const first = await stories.create(mine, version(7, 70), NOW);
      expect(first.created).toBe(true);
      expect(await stories.create(mine, version(7, 70), NOW)).toMatchObject({
        created: false,
        story: { id: first.story.id },
      });
      const added = await stories.addVersion(
        'T1234',
        'U1234',
        first.story.id,
        { ...version(8, 85), lp: 'deliver-results' },
        later(1000),
      );
      expect(added?.story.versions.map((v) => v.overall)).toEqual([70, 85]);
      expect(added?.story.lps).toEqual(['ownership', 'deliver-results']);
      expect((await stories.addVersion('T1234', 'U1234', first.story.id, version(8, 85), later(2000)))?.created).toBe(
        false,
      );
      expect(await stories.list('T1234', 'U1234')).toHaveLength(1);
    });

    it("saves a mock interview's answer once, apart from practice answers with the same number", async () => {
      const { stories } = db.repos;
      const fromMock = { ...version(null, 75), mockId: 7 };
      const first = await stories.create(mine, fromMock, NOW);
      expect(first.created).toBe(true);
      expect(await stories.create(mine, fromMock, later(1))).toMatchObject({
        created: false,
        story: { id: first.story.id },
      });
      // Answer 7 of practice is another answer than mock 7's.
      const practice = await stories.create(mine, version(7, 80), later(2));
      expect(practice.created).toBe(true);
      expect(practice.story.id).not.toBe(first.story.id);
      expect((await stories.list('T1234', 'U1234')).map((s) => s.versions.length)).toEqual([1, 1]);
    });

    it('keeps stories private to their owner and their team', async () => {
      const { stories } = db.repos;
      const { story } = await stories.create(mine, version(null, 70), NOW);
      expect(await stories.list('T1234', 'U9999')).toEqual([]);
      expect(await stories.list('T9999', 'U1234')).toEqual([]);
      expect(await stories.get('T1234', 'U9999', story.id)).toBeUndefined();
      expect(await stories.rename('T1234', 'U9999', story.id, 'mine now', NOW)).toBe(false);
      expect(await stories.setLps('T1234', 'U9999', story.id, ['frugality'], NOW)).toBe(false);
      expect(await stories.addVersion('T1234', 'U9999', story.id, version(9, 90), NOW)).toBeUndefined();
      expect(await stories.linkSession('T1234', 'U9999', 1, story.id)).toBe(false);
      expect(await stories.delete('T1234', 'U9999', story.id)).toBe(false);
      expect(await stories.rename('T1234', 'U1234', story.id, 'Renamed', NOW)).toBe(true);
      expect(await stories.setLps('T1234', 'U1234', story.id, ['frugality', 'ownership'], NOW)).toBe(true);
      expect(await stories.get('T1234', 'U1234', story.id)).toMatchObject({
        title: 'Renamed',
        lps: ['frugality', 'ownership'],
      });
      expect(await stories.delete('T1234', 'U1234', story.id)).toBe(true);
      expect(await stories.list('T1234', 'U1234')).toEqual([]);
    });

    it('goes with forget-me, and is in the export', async () => {
      const { stories, privacy } = db.repos;
      await stories.create(mine, version(null, 70), NOW);
      await db.repos.clips.addPending(
        {
          teamId: 'T1234',
          channelId: 'C1234',
          userId: 'U1234',
          messageTs: '1.1',
          threadTs: '1.0',
          fileId: 'F1',
          inDm: false,
        },
        NOW,
        NOW,
      );
      expect((await privacy.exportUser('T1234', 'U1234')).stories).toMatchObject([{ title: 'Orphaned library' }]);
      expect(await privacy.forgetUser('T1234', 'U1234', NOW)).toBeGreaterThanOrEqual(3);
      expect(await stories.list('T1234', 'U1234')).toEqual([]);
      expect(await db.repos.clips.claimDue(later(1), 1000, 10)).toEqual([]);
    });
  });
}
