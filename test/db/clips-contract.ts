// What every ClipsRepository promises (SQLite today, PostgreSQL next): a pending clip is stored
// once per message, claimed by one caller at a time for its lease, rescheduled and settled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../../src/db/ports.js';

type Opened = { repos: Repositories; close(): void | Promise<void> };
type Open = () => Opened | Promise<Opened>;

const T0 = new Date('2026-12-01T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const clip = (messageTs: string) => ({
  teamId: 'T1234',
  channelId: 'C1234',
  userId: 'U1234',
  messageTs,
  threadTs: '1700000000.000001',
  fileId: `F${messageTs}`,
  inDm: false,
});

export function describeClipRepositories(name: string, open: Open): void {
  describe(`${name}: clips`, () => {
    let db: Opened;
    beforeEach(async () => {
      db = await open();
    });
    afterEach(async () => {
      await db.close();
    });

    it('stores a clip once per message', async () => {
      expect(await db.repos.clips.addPending(clip('1.1'), at(20_000), T0)).toBe(true);
      expect(await db.repos.clips.addPending(clip('1.1'), at(20_000), T0)).toBe(false);
    });

    it('claims due clips once until their lease ends, counting each check', async () => {
      const { clips } = db.repos;
      await clips.addPending(clip('1.1'), at(20_000), T0);
      await clips.addPending(clip('1.2'), at(90_000), T0);
      expect(await clips.claimDue(at(10_000), 60_000, 10)).toEqual([]);
      const first = await clips.claimDue(at(30_000), 60_000, 10);
      expect(first).toMatchObject([{ messageTs: '1.1', checks: 1, status: 'pending', createdAt: T0.toISOString() }]);
      // Another instance in the same minute gets nothing; after the lease it takes over.
      expect(await clips.claimDue(at(31_000), 60_000, 10)).toEqual([]);
      expect((await clips.claimDue(at(91_000), 60_000, 10)).map((c) => [c.messageTs, c.checks])).toEqual([
        ['1.1', 2],
        ['1.2', 1],
      ]);
    });

    it('reschedules and settles', async () => {
      const { clips } = db.repos;
      await clips.addPending(clip('1.1'), T0, T0);
      const [claimed] = await clips.claimDue(T0, 60_000, 10);
      await clips.reschedule('T1234', claimed.id, at(40_000), T0);
      expect(await clips.claimDue(at(39_000), 60_000, 10)).toEqual([]);
      expect(await clips.claimDue(at(40_000), 60_000, 10)).toHaveLength(1);
      await clips.finish('T1234', claimed.id, 'done', at(40_000));
      expect(await clips.claimDue(at(3_600_000), 60_000, 10)).toEqual([]);
      // Another team's id changes nothing.
      await clips.addPending(clip('1.3'), T0, T0);
      const [other] = await clips.claimDue(T0, 0, 10);
      await clips.finish('T9999', other.id, 'gave-up', T0);
      expect(await clips.claimDue(at(1), 0, 10)).toHaveLength(1);
    });

    it('records the timing of a scored clip, settling a pending one', async () => {
      const { clips } = db.repos;
      await clips.addPending(clip('1.1'), T0, T0);
      const timing = {
        spokenSeconds: 96,
        clipSeconds: 97,
        words: 200,
        wordsPerMinute: 125,
        parts: [],
        pauses: [],
        fillers: { um: 0, uh: 0, like: 0, 'you know': 0 },
        fillerCount: 0,
        fillersPerMinute: 0,
      };
      await clips.recordTiming(clip('1.1'), timing, T0);
      await clips.recordTiming(clip('1.2'), timing, T0);
      expect(await clips.claimDue(at(3_600_000), 60_000, 10)).toEqual([]);
      // No answer holds these messages, so no answer has a timing.
      expect(await clips.timingFor('T1234', { channelId: 'C1234', messageTs: '1.1' })).toBeUndefined();
      expect(await clips.timingFor('T1234', { sessionId: 1 })).toBeUndefined();
    });
  });
}
