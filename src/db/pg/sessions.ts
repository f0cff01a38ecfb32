import { and, count, desc, eq, isNotNull, ne } from 'drizzle-orm';
import type { MessageContent, PracticeSession } from '../../core/domain.js';
import type { NewSession, SessionsRepository } from '../ports.js';
import { insertReply } from './replies.js';
import { practiceSessions } from './schema.js';
import { first, type PgDb, type PgStore } from './store.js';

export async function insertSession(
  db: PgDb,
  values: NewSession & { mode?: 'dm' | 'channel'; promptId?: number; questionTs?: string },
  now: Date,
): Promise<PracticeSession> {
  const at = now.toISOString();
  const [row] = await db
    .insert(practiceSessions)
    .values({ ...values, state: 'asked', probeIndex: -1, createdAt: at, updatedAt: at })
    .returning();
  return row;
}

export function sessionByThread(
  db: PgDb,
  teamId: string,
  channelId: string,
  threadTs: string,
  userId: string,
): Promise<PracticeSession | undefined> {
  return first(
    db
      .select()
      .from(practiceSessions)
      .where(
        and(
          eq(practiceSessions.teamId, teamId),
          eq(practiceSessions.channelId, channelId),
          eq(practiceSessions.questionTs, threadTs),
          eq(practiceSessions.userId, userId),
        ),
      ),
  );
}

export class PgSessions implements SessionsRepository {
  constructor(private readonly store: PgStore) {}

  async get(teamId: string, id: number): Promise<PracticeSession | undefined> {
    return first(
      this.store.db
        .select()
        .from(practiceSessions)
        .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.id, id))),
    );
  }

  async findByThread(
    teamId: string,
    channelId: string,
    threadTs: string,
    userId: string,
  ): Promise<PracticeSession | undefined> {
    return sessionByThread(this.store.db, teamId, channelId, threadTs, userId);
  }

  async latestOpenInDm(teamId: string, channelId: string, userId: string): Promise<PracticeSession | undefined> {
    return first(
      this.store.db
        .select()
        .from(practiceSessions)
        .where(
          and(
            eq(practiceSessions.teamId, teamId),
            eq(practiceSessions.userId, userId),
            eq(practiceSessions.channelId, channelId),
            eq(practiceSessions.mode, 'dm'),
            ne(practiceSessions.state, 'done'),
            isNotNull(practiceSessions.questionTs),
          ),
        )
        .orderBy(desc(practiceSessions.id))
        .limit(1),
    );
  }

  async countForUser(teamId: string, userId: string): Promise<number> {
    const row = await first(
      this.store.db
        .select({ n: count() })
        .from(practiceSessions)
        .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId))),
    );
    return row?.n ?? 0;
  }

  async scenarioCounts(teamId: string, userId: string): Promise<Map<string, number>> {
    const rows = await this.store.db
      .select({ scenarioId: practiceSessions.scenarioId, n: count() })
      .from(practiceSessions)
      .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
      .groupBy(practiceSessions.scenarioId);
    return new Map(rows.map((r) => [r.scenarioId, r.n]));
  }

  async startDm(
    values: NewSession,
    question: (sessionId: number) => MessageContent,
    now: Date,
  ): Promise<{ session: PracticeSession; replyId: number }> {
    return this.store.write(async (tx) => {
      const session = await insertSession(tx, values, now);
      const reply = await insertReply(
        tx,
        {
          teamId: values.teamId,
          channelId: values.channelId,
          threadTs: null,
          purpose: 'question',
          sessionId: session.id,
        },
        question(session.id),
        now,
      );
      return { session, replyId: reply.id };
    });
  }
}
