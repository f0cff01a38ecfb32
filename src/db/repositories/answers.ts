import { and, asc, desc, eq } from 'drizzle-orm';
import type { Level } from '../../core/lp.js';
import type { RubricResult } from '../../core/rubric/index.js';
import type { Db } from '../open.js';
import { answerMessages, answers } from '../schema.js';

export type AnswerRow = typeof answers.$inferSelect;
export type AnswerMessageRow = typeof answerMessages.$inferSelect;

export interface AnswerSlot {
  teamId: string;
  userId: string;
  sessionId: number;
  kind: 'answer' | 'probe';
  probeIndex: number;
  lp: string;
  level: Level;
}

function scoreColumns(text: string, result: RubricResult) {
  return {
    text,
    overall: result.overall,
    verdict: result.verdict,
    dimensions: result.dimensions,
    flags: result.flags.map((f) => ({ id: f.id, quote: f.quote.slice(0, 200) })),
    rubricVersion: result.rubricVersion,
  };
}

export class AnswersRepository {
  constructor(private readonly db: Db) {}

  findMessage(teamId: string, channelId: string, messageTs: string): AnswerMessageRow | undefined {
    return this.db
      .select()
      .from(answerMessages)
      .where(
        and(
          eq(answerMessages.teamId, teamId),
          eq(answerMessages.channelId, channelId),
          eq(answerMessages.messageTs, messageTs),
        ),
      )
      .get();
  }

  findSlot(sessionId: number, kind: 'answer' | 'probe', probeIndex: number): AnswerRow | undefined {
    return this.db
      .select()
      .from(answers)
      .where(and(eq(answers.sessionId, sessionId), eq(answers.kind, kind), eq(answers.probeIndex, probeIndex)))
      .get();
  }

  get(id: number): AnswerRow | undefined {
    return this.db.select().from(answers).where(eq(answers.id, id)).get();
  }

  /** Creates the answer for a slot (session, kind, probe) or returns the existing one. */
  /**
   * Creates the answer for a slot (session, kind, probe) or returns the existing one. Without a
   * result the row starts unscored, for a caller that scores it with `rescore` in the same transaction.
   */
  ensureSlot(slot: AnswerSlot, text: string, result: RubricResult | null, now: Date): AnswerRow {
    const at = now.toISOString();
    const existing = this.findSlot(slot.sessionId, slot.kind, slot.probeIndex);
    if (existing) return existing;
    const scores = result
      ? scoreColumns(text, result)
      : { text, overall: 0, verdict: 'no-hire', dimensions: {}, flags: [], rubricVersion: 0 };
    return this.db
      .insert(answers)
      .values({ ...slot, ...scores, createdAt: at, updatedAt: at })
      .returning()
      .get();
  }

  /** Stores a message as part of an answer; false when that message was already stored. */
  addMessage(teamId: string, channelId: string, messageTs: string, answerId: number, text: string, now: Date): boolean {
    return (
      this.db
        .insert(answerMessages)
        .values({ teamId, channelId, messageTs, answerId, text, createdAt: now.toISOString() })
        .onConflictDoNothing()
        .run().changes > 0
    );
  }

  updateMessage(
    teamId: string,
    channelId: string,
    messageTs: string,
    change: { text?: string; deleted?: boolean },
  ): void {
    this.db
      .update(answerMessages)
      .set(change)
      .where(
        and(
          eq(answerMessages.teamId, teamId),
          eq(answerMessages.channelId, channelId),
          eq(answerMessages.messageTs, messageTs),
        ),
      )
      .run();
  }

  /** The answer's messages that still exist, in the order they were posted. */
  liveMessages(answerId: number): AnswerMessageRow[] {
    return this.db
      .select()
      .from(answerMessages)
      .where(and(eq(answerMessages.answerId, answerId), eq(answerMessages.deleted, false)))
      .orderBy(asc(answerMessages.messageTs))
      .all();
  }

  rescore(id: number, text: string, result: RubricResult, now: Date): void {
    this.db
      .update(answers)
      .set({ ...scoreColumns(text, result), deleted: false, updatedAt: now.toISOString() })
      .where(eq(answers.id, id))
      .run();
  }

  markDeleted(id: number, now: Date): void {
    this.db.update(answers).set({ deleted: true, updatedAt: now.toISOString() }).where(eq(answers.id, id)).run();
  }

  /** A user's answers that count (not deleted), newest first. */
  listForUser(teamId: string, userId: string): AnswerRow[] {
    return this.db
      .select()
      .from(answers)
      .where(and(eq(answers.teamId, teamId), eq(answers.userId, userId), eq(answers.deleted, false)))
      .orderBy(desc(answers.createdAt))
      .all();
  }
}
