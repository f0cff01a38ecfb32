import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { Answer, AnswerMessage, PracticeSession } from '../../core/domain.js';
import { type AnswerSlot, slotFor } from '../../core/session.js';
import { queuedReply, scoreColumns } from '../answer-rows.js';
import type { AnswerPlan, AnswersRepository, NewAnswerMessage, ReplyDraft } from '../ports.js';
import { insertReply, upsertFeedbackReply } from './replies.js';
import { answerMessages, answers, practiceSessions, prompts } from './schema.js';
import { insertSession, sessionByThread } from './sessions.js';
import { decline, first, type PgDb, type PgStore } from './store.js';

function messageRow(
  db: PgDb,
  teamId: string,
  channelId: string,
  messageTs: string,
): Promise<AnswerMessage | undefined> {
  return first(
    db
      .select()
      .from(answerMessages)
      .where(
        and(
          eq(answerMessages.teamId, teamId),
          eq(answerMessages.channelId, channelId),
          eq(answerMessages.messageTs, messageTs),
        ),
      ),
  );
}

function slotRow(db: PgDb, sessionId: number, slot: AnswerSlot): Promise<Answer | undefined> {
  return first(
    db
      .select()
      .from(answers)
      .where(
        and(eq(answers.sessionId, sessionId), eq(answers.kind, slot.kind), eq(answers.probeIndex, slot.probeIndex)),
      ),
  );
}

function liveRows(db: PgDb, answerId: number): Promise<AnswerMessage[]> {
  return db
    .select()
    .from(answerMessages)
    .where(and(eq(answerMessages.answerId, answerId), eq(answerMessages.deleted, false)))
    .orderBy(asc(answerMessages.messageTs));
}

/** The answer for a session's slot, created unscored on its first message (the plan scores it). */
async function ensureAnswer(db: PgDb, session: PracticeSession, slot: AnswerSlot, text: string, now: Date) {
  const existing = await slotRow(db, session.id, slot);
  if (existing) return existing;
  const at = now.toISOString();
  const [row] = await db
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
    .returning();
  return row;
}

export class PgAnswers implements AnswersRepository {
  constructor(private readonly store: PgStore) {}

  async get(teamId: string, id: number): Promise<Answer | undefined> {
    return first(
      this.store.db
        .select()
        .from(answers)
        .where(and(eq(answers.teamId, teamId), eq(answers.id, id))),
    );
  }

  async findMessage(teamId: string, channelId: string, messageTs: string): Promise<AnswerMessage | undefined> {
    return messageRow(this.store.db, teamId, channelId, messageTs);
  }

  async listForUser(teamId: string, userId: string): Promise<Answer[]> {
    return this.store.db
      .select()
      .from(answers)
      .where(and(eq(answers.teamId, teamId), eq(answers.userId, userId), eq(answers.deleted, false)))
      .orderBy(desc(answers.createdAt));
  }

  async liveMessages(answerId: number): Promise<AnswerMessage[]> {
    return liveRows(this.store.db, answerId);
  }

  async addMessage(message: NewAnswerMessage, plan: AnswerPlan, now: Date): Promise<number[] | undefined> {
    return this.store.attempt(async (tx) => {
      if (await messageRow(tx, message.teamId, message.channelId, message.messageTs)) decline();
      const session =
        (await sessionByThread(tx, message.teamId, message.channelId, message.threadTs, message.userId)) ??
        (message.newSession
          ? await insertSession(tx, { ...message.newSession, mode: 'channel', questionTs: message.threadTs }, now)
          : decline());
      const slot = slotFor(session) ?? decline();
      const answer = await ensureAnswer(tx, session, slot, message.text, now);
      await tx.insert(answerMessages).values({
        teamId: message.teamId,
        channelId: message.channelId,
        messageTs: message.messageTs,
        answerId: answer.id,
        text: message.text,
        createdAt: now.toISOString(),
      });
      return apply(tx, session, answer, plan, now, message.messageTs);
    });
  }

  async reviseMessage(
    key: { teamId: string; channelId: string; messageTs: string },
    change: { text: string } | { deleted: true },
    plan: AnswerPlan,
    now: Date,
  ): Promise<number[] | undefined> {
    return this.store.attempt(async (tx) => {
      const stored = await messageRow(tx, key.teamId, key.channelId, key.messageTs);
      if (!stored || stored.deleted) decline();
      // An unfurl or another change that leaves the text as it was is not an edit.
      if ('text' in change && stored.text === change.text) decline();
      await tx
        .update(answerMessages)
        .set('text' in change ? { text: change.text } : { deleted: true })
        .where(
          and(
            eq(answerMessages.teamId, key.teamId),
            eq(answerMessages.channelId, key.channelId),
            eq(answerMessages.messageTs, key.messageTs),
          ),
        );
      const answer = (await first(tx.select().from(answers).where(eq(answers.id, stored.answerId)))) ?? decline();
      const session =
        (await first(tx.select().from(practiceSessions).where(eq(practiceSessions.id, answer.sessionId)))) ?? decline();
      return apply(tx, session, answer, plan, now, key.messageTs);
    });
  }

  async refresh(
    teamId: string,
    sessionId: number,
    slot: AnswerSlot,
    plan: AnswerPlan,
    now: Date,
  ): Promise<number[] | undefined> {
    return this.store.attempt(async (tx) => {
      const session =
        (await first(
          tx
            .select()
            .from(practiceSessions)
            .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.id, sessionId))),
        )) ?? decline();
      const answer = (await slotRow(tx, sessionId, slot)) ?? decline();
      return apply(tx, session, answer, plan, now, undefined);
    });
  }
}

/** Runs the plan on the answer as it now is and stores what it decided; returns the replies queued. */
async function apply(
  tx: PgDb,
  session: PracticeSession,
  answer: Answer,
  plan: AnswerPlan,
  now: Date,
  messageTs: string | undefined,
): Promise<number[]> {
  const at = now.toISOString();
  const prompt =
    session.promptId === null
      ? undefined
      : await first(tx.select().from(prompts).where(eq(prompts.id, session.promptId)));
  const texts = (await liveRows(tx, answer.id)).map((m) => m.text);
  const mainText =
    answer.kind === 'answer'
      ? undefined
      : (
          await first(
            tx
              .select({ text: answers.text })
              .from(answers)
              .where(and(eq(answers.sessionId, session.id), eq(answers.kind, 'answer'))),
          )
        )?.text;
  const previous =
    answer.kind === 'answer'
      ? await first(
          tx
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
            .limit(1),
        )
      : undefined;
  const update = plan({ session, prompt, answer, texts, messageTs, mainText, previous }) ?? decline();
  await tx
    .update(answers)
    .set(
      update.score
        ? { ...scoreColumns(update.score.text, update.score.result), deleted: false, updatedAt: at }
        : { deleted: true, updatedAt: at },
    )
    .where(eq(answers.id, answer.id));
  if (update.progress)
    await tx
      .update(practiceSessions)
      .set({ state: update.progress.state, probeIndex: update.progress.probeIndex, updatedAt: at })
      .where(eq(practiceSessions.id, session.id));
  const ids: number[] = [];
  for (const draft of update.replies) ids.push((await queue(tx, session, answer.id, draft, now)).id);
  return ids;
}

function queue(tx: PgDb, session: PracticeSession, answerId: number, draft: ReplyDraft, now: Date) {
  const reply = queuedReply(session, answerId, draft);
  return reply.feedback
    ? upsertFeedbackReply(tx, reply.values, reply.content, now)
    : insertReply(tx, reply.values, reply.content, now);
}
