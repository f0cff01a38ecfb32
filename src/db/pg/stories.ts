import { and, asc, eq, inArray } from 'drizzle-orm';
import type { LpId } from '../../core/lp.js';
import type { Story, StoryVersion } from '../../core/stories.js';
import type { NewStoryVersion, StoriesRepository, StorySource } from '../ports.js';
import { answers, practiceSessions, stories, storySessions, storyVersions, voiceClips } from './schema.js';
import { first, type PgDb, type PgStore } from './store.js';

// The PostgreSQL twin of ../sqlite/stories.ts.

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
async function storiesWithVersions(db: PgDb, rows: readonly StoryRow[]): Promise<Story[]> {
  if (rows.length === 0) return [];
  const versions = await db
    .select()
    .from(storyVersions)
    .where(
      inArray(
        storyVersions.storyId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(storyVersions.createdAt), asc(storyVersions.id));
  return rows.map((row) => ({
    ...row,
    lps: row.lps as LpId[],
    versions: versions.filter((v) => v.storyId === row.id).map(toVersion),
  }));
}

function ownStory(db: PgDb, teamId: string, userId: string, storyId: number): Promise<StoryRow | undefined> {
  return first(
    db
      .select()
      .from(stories)
      .where(and(eq(stories.teamId, teamId), eq(stories.userId, userId), eq(stories.id, storyId))),
  );
}

async function insertVersion(
  db: PgDb,
  teamId: string,
  storyId: number,
  version: NewStoryVersion,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .insert(storyVersions)
    .values({ ...version, teamId, storyId, createdAt: now.toISOString() })
    .onConflictDoNothing()
    .returning({ id: storyVersions.id });
  return rows.length > 0;
}

export class PgStories implements StoriesRepository {
  constructor(private readonly store: PgStore) {}

  async source(teamId: string, answerId: number): Promise<StorySource | undefined> {
    const row = await first(
      this.store.db
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
        .where(and(eq(answers.teamId, teamId), eq(answers.id, answerId))),
    );
    if (!row) return undefined;
    const { storyId, ...rest } = row;
    return { ...rest, lp: rest.lp as LpId, ...(storyId === null ? {} : { storyId }) };
  }

  async create(
    story: { teamId: string; userId: string; title: string; lps: LpId[] },
    version: NewStoryVersion,
    now: Date,
  ): Promise<{ story: Story; created: boolean }> {
    return this.store.write(async (tx) => {
      // Saved before (this answer, or this mock's answer): that story, nothing added.
      if (version.answerId !== null || version.mockId !== undefined) {
        const existing = await first(
          tx
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
            ),
        );
        const row = existing && (await ownStory(tx, story.teamId, story.userId, existing.storyId));
        if (row) return { story: (await storiesWithVersions(tx, [row]))[0], created: false };
      }
      const [row] = await tx
        .insert(stories)
        .values({ ...story, createdAt: now.toISOString(), updatedAt: now.toISOString() })
        .returning();
      await insertVersion(tx, story.teamId, row.id, version, now);
      return { story: (await storiesWithVersions(tx, [row]))[0], created: true };
    });
  }

  async addVersion(
    teamId: string,
    userId: string,
    storyId: number,
    version: NewStoryVersion,
    now: Date,
  ): Promise<{ story: Story; created: boolean } | undefined> {
    return this.store.write(async (tx) => {
      const row = await ownStory(tx, teamId, userId, storyId);
      if (!row) return undefined;
      const created = await insertVersion(tx, teamId, storyId, version, now);
      const lps = row.lps.includes(version.lp) ? row.lps : [...row.lps, version.lp];
      const [updated] = await tx
        .update(stories)
        .set({ lps, updatedAt: now.toISOString() })
        .where(eq(stories.id, storyId))
        .returning();
      return { story: (await storiesWithVersions(tx, [updated]))[0], created };
    });
  }

  async list(teamId: string, userId: string): Promise<Story[]> {
    return exportStories(this.store.db, teamId, userId);
  }

  async get(teamId: string, userId: string, storyId: number): Promise<Story | undefined> {
    const row = await ownStory(this.store.db, teamId, userId, storyId);
    return row ? (await storiesWithVersions(this.store.db, [row]))[0] : undefined;
  }

  async rename(teamId: string, userId: string, storyId: number, title: string, now: Date): Promise<boolean> {
    return this.change(teamId, userId, storyId, { title, updatedAt: now.toISOString() });
  }

  async setLps(teamId: string, userId: string, storyId: number, lps: LpId[], now: Date): Promise<boolean> {
    return this.change(teamId, userId, storyId, { lps, updatedAt: now.toISOString() });
  }

  async delete(teamId: string, userId: string, storyId: number): Promise<boolean> {
    const rows = await this.store.db
      .delete(stories)
      .where(and(eq(stories.teamId, teamId), eq(stories.userId, userId), eq(stories.id, storyId)))
      .returning({ id: stories.id });
    return rows.length > 0;
  }

  async linkSession(teamId: string, userId: string, sessionId: number, storyId: number): Promise<boolean> {
    return this.store.write(async (tx) => {
      if (!(await ownStory(tx, teamId, userId, storyId))) return false;
      await tx.insert(storySessions).values({ teamId, sessionId, storyId }).onConflictDoNothing();
      return true;
    });
  }

  private async change(
    teamId: string,
    userId: string,
    storyId: number,
    set: Partial<Pick<StoryRow, 'title' | 'lps' | 'updatedAt'>>,
  ): Promise<boolean> {
    const rows = await this.store.db
      .update(stories)
      .set(set)
      .where(and(eq(stories.teamId, teamId), eq(stories.userId, userId), eq(stories.id, storyId)))
      .returning({ id: stories.id });
    return rows.length > 0;
  }
}

/** A person's stories with every version, for `/star export`. */
export async function exportStories(db: PgDb, teamId: string, userId: string): Promise<Story[]> {
  const rows = await db
    .select()
    .from(stories)
    .where(and(eq(stories.teamId, teamId), eq(stories.userId, userId)))
    .orderBy(asc(stories.id));
  return storiesWithVersions(db, rows);
}

/** Deletes a person's stories (their versions and reframe links go with them) and pending clips. */
export async function forgetStoriesAndClips(db: PgDb, teamId: string, userId: string): Promise<number> {
  const ids = (
    await db
      .select({ id: stories.id })
      .from(stories)
      .where(and(eq(stories.teamId, teamId), eq(stories.userId, userId)))
  ).map((r) => r.id);
  let removed = 0;
  if (ids.length > 0) {
    removed += (
      await db.delete(storyVersions).where(inArray(storyVersions.storyId, ids)).returning({ id: storyVersions.id })
    ).length;
    removed += (
      await db
        .delete(storySessions)
        .where(inArray(storySessions.storyId, ids))
        .returning({ id: storySessions.sessionId })
    ).length;
    removed += (await db.delete(stories).where(inArray(stories.id, ids)).returning({ id: stories.id })).length;
  }
  removed += (
    await db
      .delete(voiceClips)
      .where(and(eq(voiceClips.teamId, teamId), eq(voiceClips.userId, userId)))
      .returning({ id: voiceClips.id })
  ).length;
  return removed;
}
