import { and, count, eq } from 'drizzle-orm';
import type { Level } from '../../core/lp.js';
import type { Db } from '../open.js';
import { practiceSessions } from '../schema.js';

export type PracticeSession = typeof practiceSessions.$inferSelect;
export type SessionState = PracticeSession['state'];

export class SessionsRepository {
  constructor(private readonly db: Db) {}

  create(
    values: {
      teamId: string;
      userId: string;
      channelId: string;
      scenarioId: string;
      lp: string;
      level: Level;
      mode?: 'dm' | 'channel';
      promptId?: number;
      questionTs?: string;
    },
    now: Date,
  ): PracticeSession {
    const at = now.toISOString();
    return this.db
      .insert(practiceSessions)
      .values({ ...values, state: 'asked', probeIndex: -1, createdAt: at, updatedAt: at })
      .returning()
      .get();
  }

  get(teamId: string, id: number): PracticeSession | undefined {
    return this.db
      .select()
      .from(practiceSessions)
      .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.id, id)))
      .get();
  }

  /** The session whose question message is the root of this thread (one user's, in a channel). */
  findByThread(teamId: string, channelId: string, threadTs: string, userId?: string): PracticeSession | undefined {
    return this.db
      .select()
      .from(practiceSessions)
      .where(
        and(
          eq(practiceSessions.teamId, teamId),
          eq(practiceSessions.channelId, channelId),
          eq(practiceSessions.questionTs, threadTs),
          userId ? eq(practiceSessions.userId, userId) : undefined,
        ),
      )
      .get();
  }

  setQuestionTs(id: number, ts: string, now: Date): void {
    this.db
      .update(practiceSessions)
      .set({ questionTs: ts, updatedAt: now.toISOString() })
      .where(eq(practiceSessions.id, id))
      .run();
  }

  setState(id: number, state: SessionState, probeIndex: number, now: Date): void {
    this.db
      .update(practiceSessions)
      .set({ state, probeIndex, updatedAt: now.toISOString() })
      .where(eq(practiceSessions.id, id))
      .run();
  }

  /**
   * Moves a session from one state to another only if it is still in the first: the database
   * decides which of two concurrent clicks wins. True when this caller won.
   */
  transition(id: number, from: SessionState, to: SessionState, probeIndex: number, now: Date): boolean {
    return (
      this.db
        .update(practiceSessions)
        .set({ state: to, probeIndex, updatedAt: now.toISOString() })
        .where(and(eq(practiceSessions.id, id), eq(practiceSessions.state, from)))
        .run().changes > 0
    );
  }

  countForUser(teamId: string, userId: string): number {
    const row = this.db
      .select({ n: count() })
      .from(practiceSessions)
      .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
      .get();
    return row?.n ?? 0;
  }

  /** How often the user has practised each scenario, for picking the least practised next. */
  scenarioCounts(teamId: string, userId: string): Map<string, number> {
    const rows = this.db
      .select({ scenarioId: practiceSessions.scenarioId, n: count() })
      .from(practiceSessions)
      .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
      .groupBy(practiceSessions.scenarioId)
      .all();
    return new Map(rows.map((r) => [r.scenarioId, r.n]));
  }
}
