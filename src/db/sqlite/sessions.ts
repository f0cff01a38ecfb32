import { and, count, desc, eq, isNotNull, ne } from 'drizzle-orm';
import type { MessageContent, PracticeSession } from '../../core/domain.js';
import type { NewSession, SessionsRepository } from '../ports.js';
import type { Db } from './open.js';
import { param, preparedOnce } from './prepared.js';
import { insertReply } from './replies.js';
import { practiceSessions } from './schema.js';
import type { SqliteStore } from './store.js';

const insertNewSession = preparedOnce((db) =>
  db
    .insert(practiceSessions)
    .values({
      teamId: param('teamId'),
      userId: param('userId'),
      channelId: param('channelId'),
      questionTs: param('questionTs'),
      mode: param('mode'),
      promptId: param('promptId'),
      scenarioId: param('scenarioId'),
      lp: param('lp'),
      level: param('level'),
      state: 'asked',
      probeIndex: -1,
      createdAt: param('at'),
      updatedAt: param('at'),
    })
    .returning()
    .prepare(),
);

export function insertSession(
  db: Db,
  values: NewSession & { mode?: 'dm' | 'channel'; promptId?: number; questionTs?: string },
  now: Date,
): PracticeSession {
  const session = insertNewSession(db).get({
    teamId: values.teamId,
    userId: values.userId,
    channelId: values.channelId,
    questionTs: values.questionTs ?? null,
    mode: values.mode ?? 'dm',
    promptId: values.promptId ?? null,
    scenarioId: values.scenarioId,
    lp: values.lp,
    level: values.level,
    at: now.toISOString(),
  });
  if (!session) throw new Error('inserting a session returned no row');
  return session;
}

const sessionOfThread = preparedOnce((db) =>
  db
    .select()
    .from(practiceSessions)
    .where(
      and(
        eq(practiceSessions.teamId, param('teamId')),
        eq(practiceSessions.channelId, param('channelId')),
        eq(practiceSessions.questionTs, param('threadTs')),
        eq(practiceSessions.userId, param('userId')),
      ),
    )
    .prepare(),
);

export function sessionByThread(
  db: Db,
  teamId: string,
  channelId: string,
  threadTs: string,
  userId: string,
): PracticeSession | undefined {
  return sessionOfThread(db).get({ teamId, channelId, threadTs, userId });
}

export class SqliteSessions implements SessionsRepository {
  constructor(private readonly store: SqliteStore) {}

  async get(teamId: string, id: number): Promise<PracticeSession | undefined> {
    return this.store.db
      .select()
      .from(practiceSessions)
      .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.id, id)))
      .get();
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
    return this.store.db
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
      .get();
  }

  async countForUser(teamId: string, userId: string): Promise<number> {
    const row = this.store.db
      .select({ n: count() })
      .from(practiceSessions)
      .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
      .get();
    return row?.n ?? 0;
  }

  async scenarioCounts(teamId: string, userId: string): Promise<Map<string, number>> {
    const rows = this.store.db
      .select({ scenarioId: practiceSessions.scenarioId, n: count() })
      .from(practiceSessions)
      .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
      .groupBy(practiceSessions.scenarioId)
      .all();
    return new Map(rows.map((r) => [r.scenarioId, r.n]));
  }

  async startDm(
    values: NewSession,
    question: (sessionId: number) => MessageContent,
    now: Date,
  ): Promise<{ session: PracticeSession; replyId: number }> {
    return this.store.write(() => {
      const session = insertSession(this.store.db, values, now);
      const reply = insertReply(
        this.store.db,
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
