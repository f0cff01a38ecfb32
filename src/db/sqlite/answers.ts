import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { Answer, AnswerMessage, PracticeSession } from '../../core/domain.js';
import { type AnswerSlot, slotFor } from '../../core/session.js';
import { queuedReply, scoreColumns } from '../answer-rows.js';
import type { AnswerPlan, AnswersRepository, NewAnswerMessage, ReplyDraft } from '../ports.js';
import type { Db } from './open.js';
import { insertReply, upsertFeedbackReply } from './replies.js';
import { answerMessages, answers, practiceSessions, prompts } from './schema.js';
import { insertSession, sessionByThread } from './sessions.js';
import { decline, type SqliteStore } from './store.js';

function messageRow(db: Db, teamId: string, channelId: string, messageTs: string): AnswerMessage | undefined {
  return db
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

function slotRow(db: Db, sessionId: number, slot: AnswerSlot): Answer | undefined {
  return db
    .select()
    .from(answers)
    .where(and(eq(answers.sessionId, sessionId), eq(answers.kind, slot.kind), eq(answers.probeIndex, slot.probeIndex)))
    .get();
}

/** The answer for a session's slot, created unscored on its first message (the plan scores it). */
function ensureAnswer(db: Db, session: PracticeSession, slot: AnswerSlot, text: string, now: Date): Answer {
  const existing = slotRow(db, session.id, slot);
  if (existing) return existing;
  const at = now.toISOString();
  return db
    .insert(answers)
    .values({
      teamId: session.teamId,
      userId: session.userId,
      sessionId: session.id,
      kind: slot.kind,
      probeIndex: slot.probeIndex,
      lp: session.lp,
      level: session.level,
      text,
      overall: 0,
      verdict: 'no-hire',
      dimensions: {},
      flags: [],
      rubricVersion: 0,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
}

export class SqliteAnswers implements AnswersRepository {
  constructor(private readonly store: SqliteStore) {}

  async get(teamId: string, id: number): Promise<Answer | undefined> {
    return this.store.db
      .select()
      .from(answers)
      .where(and(eq(answers.teamId, teamId), eq(answers.id, id)))
      .get();
  }

  async findMessage(teamId: string, channelId: string, messageTs: string): Promise<AnswerMessage | undefined> {
    return messageRow(this.store.db, teamId, channelId, messageTs);
  }

  async listForUser(teamId: string, userId: string): Promise<Answer[]> {
    return this.store.db
      .select()
      .from(answers)
      .where(and(eq(answers.teamId, teamId), eq(answers.userId, userId), eq(answers.deleted, false)))
      .orderBy(desc(answers.createdAt))
      .all();
  }

  async liveMessages(answerId: number): Promise<AnswerMessage[]> {
    return this.liveRows(answerId);
  }

  async addMessage(message: NewAnswerMessage, plan: AnswerPlan, now: Date): Promise<number[] | undefined> {
    const { db } = this.store;
    return this.store.attempt(() => {
      if (messageRow(db, message.teamId, message.channelId, message.messageTs)) decline();
      const session =
        sessionByThread(db, message.teamId, message.channelId, message.threadTs, message.userId) ??
        (message.newSession
          ? insertSession(db, { ...message.newSession, mode: 'channel', questionTs: message.threadTs }, now)
          : decline());
      const slot = slotFor(session) ?? decline();
      const answer = ensureAnswer(db, session, slot, message.text, now);
      db.insert(answerMessages)
        .values({
          teamId: message.teamId,
          channelId: message.channelId,
          messageTs: message.messageTs,
          answerId: answer.id,
          text: message.text,
          createdAt: now.toISOString(),
        })
        .run();
      return this.apply(session, answer, plan, now, message.messageTs);
    });
  }

  async reviseMessage(
    key: { teamId: string; channelId: string; messageTs: string },
    change: { text: string } | { deleted: true },
    plan: AnswerPlan,
    now: Date,
  ): Promise<number[] | undefined> {
    const { db } = this.store;
    return this.store.attempt(() => {
      const stored = messageRow(db, key.teamId, key.channelId, key.messageTs);
      if (!stored || stored.deleted) decline();
      // An unfurl or another change that leaves the text as it was is not an edit.
      if ('text' in change && stored.text === change.text) decline();
      db.update(answerMessages)
        .set('text' in change ? { text: change.text } : { deleted: true })
        .where(
          and(
            eq(answerMessages.teamId, key.teamId),
            eq(answerMessages.channelId, key.channelId),
            eq(answerMessages.messageTs, key.messageTs),
          ),
        )
        .run();
      const answer = db.select().from(answers).where(eq(answers.id, stored.answerId)).get() ?? decline();
      const session =
        db.select().from(practiceSessions).where(eq(practiceSessions.id, answer.sessionId)).get() ?? decline();
      return this.apply(session, answer, plan, now, key.messageTs);
    });
  }

  async refresh(
    teamId: string,
    sessionId: number,
    slot: AnswerSlot,
    plan: AnswerPlan,
    now: Date,
  ): Promise<number[] | undefined> {
    const { db } = this.store;
    return this.store.attempt(() => {
      const session =
        db
          .select()
          .from(practiceSessions)
          .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.id, sessionId)))
          .get() ?? decline();
      const answer = slotRow(db, sessionId, slot) ?? decline();
      return this.apply(session, answer, plan, now, undefined);
    });
  }

  private liveRows(answerId: number): AnswerMessage[] {
    return this.store.db
      .select()
      .from(answerMessages)
      .where(and(eq(answerMessages.answerId, answerId), eq(answerMessages.deleted, false)))
      .orderBy(asc(answerMessages.messageTs))
      .all();
  }

  /** Runs the plan on the answer as it now is and stores what it decided; returns the replies queued. */
  private apply(
    session: PracticeSession,
    answer: Answer,
    plan: AnswerPlan,
    now: Date,
    messageTs: string | undefined,
  ): number[] {
    const { db } = this.store;
    const at = now.toISOString();
    const prompt =
      session.promptId === null ? undefined : db.select().from(prompts).where(eq(prompts.id, session.promptId)).get();
    const texts = this.liveRows(answer.id).map((m) => m.text);
    const mainText =
      answer.kind === 'answer'
        ? undefined
        : db
            .select({ text: answers.text })
            .from(answers)
            .where(and(eq(answers.sessionId, session.id), eq(answers.kind, 'answer')))
            .get()?.text;
    const previous =
      answer.kind === 'answer'
        ? db
            .select({ overall: answers.overall, verdict: answers.verdict })
            .from(answers)
            .innerJoin(practiceSessions, eq(answers.sessionId, practiceSessions.id))
            .where(
              and(
                eq(answers.teamId, session.teamId),
                eq(answers.userId, session.userId),
                eq(answers.kind, 'answer'),
                eq(answers.deleted, false),
                eq(practiceSessions.scenarioId, session.scenarioId),
                lt(answers.id, answer.id),
              ),
            )
            .orderBy(desc(answers.id))
            .get()
        : undefined;
    const update = plan({ session, prompt, answer, texts, messageTs, mainText, previous }) ?? decline();
    db.update(answers)
      .set(
        update.score
          ? { ...scoreColumns(update.score.text, update.score.result), deleted: false, updatedAt: at }
          : { deleted: true, updatedAt: at },
      )
      .where(eq(answers.id, answer.id))
      .run();
    if (update.progress)
      db.update(practiceSessions)
        .set({ state: update.progress.state, probeIndex: update.progress.probeIndex, updatedAt: at })
        .where(eq(practiceSessions.id, session.id))
        .run();
    return update.replies.map((draft) => this.queue(session, answer.id, draft, now).id);
  }

  private queue(session: PracticeSession, answerId: number, draft: ReplyDraft, now: Date) {
    const reply = queuedReply(session, answerId, draft);
    return reply.feedback
      ? upsertFeedbackReply(this.store.db, reply.values, reply.content, now)
      : insertReply(this.store.db, reply.values, reply.content, now);
  }
}
