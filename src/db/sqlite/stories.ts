import { and, asc, eq, inArray } from 'drizzle-orm';
import type { LpId } from '../../core/lp.js';
import type { Story, StoryVersion } from '../../core/stories.js';
import type { NewStoryVersion, StoriesRepository, StorySource } from '../ports.js';
import type { Db } from './open.js';
import { answers, practiceSessions, stories, storySessions, storyVersions, voiceClips } from './schema.js';
import type { SqliteStore } from './store.js';

type StoryRow = typeof stories.$inferSelect;
type VersionRow = typeof storyVersions.$inferSelect;

function toVersion(row: VersionRow): StoryVersion {
  return {
    id: row.id,
    answerId: row.answerId,
    lp: row.lp as LpId,
    level: row.level,
    text: row.text,
    overall: row.overall,
    verdict: row.verdict,
    createdAt: row.createdAt,
  };
}

/** Stories with their versions, oldest version first. */
export function storiesWithVersions(db: Db, rows: readonly StoryRow[]): Story[] {
  if (rows.length === 0) return [];
  const versions = db
    .select()
    .from(storyVersions)
    .where(
      inArray(
        storyVersions.storyId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(storyVersions.createdAt), asc(storyVersions.id))
    .all();
  return rows.map((row) => ({
    ...row,
    lps: row.lps as LpId[],
    versions: versions.filter((v) => v.storyId === row.id).map(toVersion),
  }));
}

function ownStory(db: Db, teamId: string, userId: string, storyId: number): StoryRow | undefined {
  return db
    .select()
    .from(stories)
    .where(and(eq(stories.teamId, teamId), eq(stories.userId, userId), eq(stories.id, storyId)))
    .get();
}

function insertVersion(db: Db, teamId: string, storyId: number, version: NewStoryVersion, now: Date): boolean {
  const row = db
    .insert(storyVersions)
    .values({ ...version, teamId, storyId, createdAt: now.toISOString() })
    .onConflictDoNothing()
    .returning({ id: storyVersions.id })
    .get();
  return row !== undefined;
}

export class SqliteStories implements StoriesRepository {
  constructor(private readonly store: SqliteStore) {}

  async source(teamId: string, answerId: number): Promise<StorySource | undefined> {
    const { db } = this.store;
    const row = db
      .select({
        answerId: answers.id,
        userId: answers.userId,
        kind: answers.kind,
        deleted: answers.deleted,
        lp: answers.lp,
        level: answers.level,
        text: answers.text,
        overall: answers.overall,
        verdict: answers.verdict,
        storyId: storySessions.storyId,
      })
      .from(answers)
      .innerJoin(practiceSessions, eq(practiceSessions.id, answers.sessionId))
      .leftJoin(
        storySessions,
        and(eq(storySessions.teamId, answers.teamId), eq(storySessions.sessionId, answers.sessionId)),
      )
      .where(and(eq(answers.teamId, teamId), eq(answers.id, answerId)))
      .get();
    if (!row) return undefined;
    const { storyId, ...rest } = row;
    return { ...rest, lp: rest.lp as LpId, ...(storyId === null ? {} : { storyId }) };
  }

  async create(
    story: { teamId: string; userId: string; title: string; lps: LpId[] },
    version: NewStoryVersion,
    now: Date,
  ): Promise<{ story: Story; created: boolean }> {
    const { db } = this.store;
    return this.store.write(() => {
      // Saved before (this answer, or this mock's answer): that story, nothing added.
      if (version.answerId !== null || version.mockId !== undefined) {
        const existing = db
          .select({ storyId: storyVersions.storyId })
          .from(storyVersions)
          .innerJoin(stories, eq(stories.id, storyVersions.storyId))
          .where(
            and(
              eq(storyVersions.teamId, story.teamId),
              version.answerId !== null
                ? eq(storyVersions.answerId, version.answerId)
                : eq(storyVersions.mockId, version.mockId ?? -1),
              eq(stories.userId, story.userId),
            ),
          )
          .get();
        const row = existing && ownStory(db, story.teamId, story.userId, existing.storyId);
        if (row) return { story: storiesWithVersions(db, [row])[0], created: false };
      }
      const row = db
        .insert(stories)
        .values({ ...story, createdAt: now.toISOString(), updatedAt: now.toISOString() })
        .returning()
        .get();
      insertVersion(db, story.teamId, row.id, version, now);
      return { story: storiesWithVersions(db, [row])[0], created: true };
    });
  }

  async addVersion(
    teamId: string,
    userId: string,
    storyId: number,
    version: NewStoryVersion,
    now: Date,
  ): Promise<{ story: Story; created: boolean } | undefined> {
    const { db } = this.store;
    return this.store.write(() => {
      const row = ownStory(db, teamId, userId, storyId);
      if (!row) return undefined;
      const created = insertVersion(db, teamId, storyId, version, now);
      const lps = row.lps.includes(version.lp) ? row.lps : [...row.lps, version.lp];
      const updated = db
        .update(stories)
        .set({ lps, updatedAt: now.toISOString() })
        .where(eq(stories.id, storyId))
        .returning()
        .get();
      return { story: storiesWithVersions(db, [updated])[0], created };
    });
  }

  async list(teamId: string, userId: string): Promise<Story[]> {
    const { db } = this.store;
    const rows = db
      .select()
      .from(stories)
      .where(and(eq(stories.teamId, teamId), eq(stories.userId, userId)))
      .orderBy(asc(stories.id))
      .all();
    return storiesWithVersions(db, rows);
  }

  async get(teamId: string, userId: string, storyId: number): Promise<Story | undefined> {
    const row = ownStory(this.store.db, teamId, userId, storyId);
    return row ? storiesWithVersions(this.store.db, [row])[0] : undefined;
  }

  async rename(teamId: string, userId: string, storyId: number, title: string, now: Date): Promise<boolean> {
    return this.change(teamId, userId, storyId, { title, updatedAt: now.toISOString() });
  }

  async setLps(teamId: string, userId: string, storyId: number, lps: LpId[], now: Date): Promise<boolean> {
    return this.change(teamId, userId, storyId, { lps, updatedAt: now.toISOString() });
  }

  async delete(teamId: string, userId: string, storyId: number): Promise<boolean> {
    const { db } = this.store;
    return this.store.write(
      () =>
        db
          .delete(stories)
          .where(and(eq(stories.teamId, teamId), eq(stories.userId, userId), eq(stories.id, storyId)))
          .run().changes > 0,
    );
  }

  async linkSession(teamId: string, userId: string, sessionId: number, storyId: number): Promise<boolean> {
    const { db } = this.store;
    return this.store.write(() => {
      if (!ownStory(db, teamId, userId, storyId)) return false;
      db.insert(storySessions).values({ teamId, sessionId, storyId }).onConflictDoNothing().run();
      return true;
    });
  }

  private async change(
    teamId: string,
    userId: string,
    storyId: number,
    set: Partial<Pick<StoryRow, 'title' | 'lps' | 'updatedAt'>>,
  ): Promise<boolean> {
    const { db } = this.store;
    return this.store.write(
      () =>
        db
          .update(stories)
          .set(set)
          .where(and(eq(stories.teamId, teamId), eq(stories.userId, userId), eq(stories.id, storyId)))
          .run().changes > 0,
    );
  }
}

/** A person's stories with every version, for `/star export`. */
export function exportStories(db: Db, teamId: string, userId: string): Story[] {
  const rows = db
    .select()
    .from(stories)
    .where(and(eq(stories.teamId, teamId), eq(stories.userId, userId)))
    .orderBy(asc(stories.id))
    .all();
  return storiesWithVersions(db, rows);
}

/** Deletes a person's stories (their versions and reframe links go with them) and pending clips. */
export function forgetStoriesAndClips(db: Db, teamId: string, userId: string): number {
  const ids = db
    .select({ id: stories.id })
    .from(stories)
    .where(and(eq(stories.teamId, teamId), eq(stories.userId, userId)))
    .all()
    .map((r) => r.id);
  let removed = 0;
  if (ids.length > 0) {
    removed += db.delete(storyVersions).where(inArray(storyVersions.storyId, ids)).run().changes;
    removed += db.delete(storySessions).where(inArray(storySessions.storyId, ids)).run().changes;
    removed += db.delete(stories).where(inArray(stories.id, ids)).run().changes;
  }
  removed += db
    .delete(voiceClips)
    .where(and(eq(voiceClips.teamId, teamId), eq(voiceClips.userId, userId)))
    .run().changes;
  return removed;
}
