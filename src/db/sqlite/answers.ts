import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { Answer, AnswerMessage, PracticeSession } from '../../core/domain.js';
import { type AnswerSlot, slotFor } from '../../core/session.js';
import { queuedReply, scoreColumns } from '../answer-rows.js';
import type { AnswerPlan, AnswersRepository, NewAnswerMessage, ReplyDraft } from '../ports.js';
import type { Db } from './open.js';
import { param, preparedOnce, setParam } from './prepared.js';
import { insertReply, upsertFeedbackReply } from './replies.js';
import { answerMessages, answers, practiceSessions, prompts } from './schema.js';
import { insertSession, sessionByThread } from './sessions.js';
import { decline, type SqliteStore } from './store.js';

// The queries every answer makes, prepared once (prepared.ts).
const messageByKey = preparedOnce((db) =>
  db
    .select()
    .from(answerMessages)
    .where(
      and(
        eq(answerMessages.teamId, param('teamId')),
        eq(answerMessages.channelId, param('channelId')),
        eq(answerMessages.messageTs, param('messageTs')),
      ),
    )
    .prepare(),
);

const answerInSlot = preparedOnce((db) =>
  db
    .select()
    .from(answers)
    .where(
      and(
        eq(answers.sessionId, param('sessionId')),
        eq(answers.kind, param('kind')),
        eq(answers.probeIndex, param('probeIndex')),
      ),
    )
    .prepare(),
);

const insertUnscoredAnswer = preparedOnce((db) =>
  db
    .insert(answers)
    .values({
      teamId: param('teamId'),
      userId: param('userId'),
      sessionId: param('sessionId'),
      kind: param('kind'),
      probeIndex: param('probeIndex'),
      lp: param('lp'),
      level: param('level'),
      text: param('text'),
      overall: 0,
      verdict: 'no-hire',
      dimensions: {},
      flags: [],
      rubricVersion: 0,
      createdAt: param('at'),
      updatedAt: param('at'),
    })
    .returning()
    .prepare(),
);

const insertMessage = preparedOnce((db) =>
  db
    .insert(answerMessages)
    .values({
      teamId: param('teamId'),
      channelId: param('channelId'),
      messageTs: param('messageTs'),
      answerId: param('answerId'),
      text: param('text'),
      createdAt: param('createdAt'),
    })
    .prepare(),
);

const promptById = preparedOnce((db) =>
  db
    .select()
    .from(prompts)
    .where(eq(prompts.id, param('id')))
    .prepare(),
);

const liveMessagesOf = preparedOnce((db) =>
  db
    .select()
    .from(answerMessages)
    .where(and(eq(answerMessages.answerId, param('answerId')), eq(answerMessages.deleted, false)))
    .orderBy(asc(answerMessages.messageTs))
    .prepare(),
);

const mainAnswerText = preparedOnce((db) =>
  db
    .select({ text: answers.text })
    .from(answers)
    .where(and(eq(answers.sessionId, param('sessionId')), eq(answers.kind, 'answer')))
    .prepare(),
);

/** The person's latest earlier main answer to the same scenario (the plan compares with it). */
const previousAttempt = preparedOnce((db) =>
  db
    .select({ overall: answers.overall, verdict: answers.verdict })
    .from(answers)
    .innerJoin(practiceSessions, eq(answers.sessionId, practiceSessions.id))
    .where(
      and(
        eq(answers.teamId, param('teamId')),
        eq(answers.userId, param('userId')),
        eq(answers.kind, 'answer'),
        eq(answers.deleted, false),
        eq(practiceSessions.scenarioId, param('scenarioId')),
        lt(answers.id, param('answerId')),
      ),
    )
    .orderBy(desc(answers.id))
    .prepare(),
);

const storeScore = preparedOnce((db) =>
  db
    .update(answers)
    .set({
      text: setParam('text'),
      overall: setParam('overall'),
      verdict: setParam('verdict'),
      dimensions: setParam('dimensions'),
      flags: setParam('flags'),
      rubricVersion: setParam('rubricVersion'),
      deleted: false,
      updatedAt: setParam('at'),
    })
    .where(eq(answers.id, param('id')))
    .prepare(),
);

const markAnswerDeleted = preparedOnce((db) =>
  db
    .update(answers)
    .set({ deleted: true, updatedAt: setParam('at') })
    .where(eq(answers.id, param('id')))
    .prepare(),
);

const storeProgress = preparedOnce((db) =>
  db
    .update(practiceSessions)
    .set({ state: setParam('state'), probeIndex: setParam('probeIndex'), updatedAt: setParam('at') })
    .where(eq(practiceSessions.id, param('id')))
    .prepare(),
);

function messageRow(db: Db, teamId: string, channelId: string, messageTs: string): AnswerMessage | undefined {
  return messageByKey(db).get({ teamId, channelId, messageTs });
}

function slotRow(db: Db, sessionId: number, slot: AnswerSlot): Answer | undefined {
  return answerInSlot(db).get({ sessionId, kind: slot.kind, probeIndex: slot.probeIndex });
}

/** The answer for a session's slot, created unscored on its first message (the plan scores it). */
function ensureAnswer(db: Db, session: PracticeSession, slot: AnswerSlot, text: string, now: Date): Answer {
  const existing = slotRow(db, session.id, slot);
  if (existing) return existing;
  const answer = insertUnscoredAnswer(db).get({
    teamId: session.teamId,
    userId: session.userId,
    sessionId: session.id,
    kind: slot.kind,
    probeIndex: slot.probeIndex,
    lp: session.lp,
    level: session.level,
    text,
    at: now.toISOString(),
  });
  if (!answer) throw new Error('inserting an answer returned no row');
  return answer;
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
      insertMessage(db).run({
        teamId: message.teamId,
        channelId: message.channelId,
        messageTs: message.messageTs,
        answerId: answer.id,
        text: message.text,
        createdAt: now.toISOString(),
      });
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
    return liveMessagesOf(this.store.db).all({ answerId });
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
    const prompt = session.promptId === null ? undefined : promptById(db).get({ id: session.promptId });
    const texts = this.liveRows(answer.id).map((m) => m.text);
    const mainText = answer.kind === 'answer' ? undefined : mainAnswerText(db).get({ sessionId: session.id })?.text;
    const previous =
      answer.kind === 'answer'
        ? previousAttempt(db).get({
            teamId: session.teamId,
            userId: session.userId,
            scenarioId: session.scenarioId,
            answerId: answer.id,
          })
        : undefined;
    const update = plan({ session, prompt, answer, texts, messageTs, mainText, previous }) ?? decline();
    if (update.score)
      storeScore(db).run({ ...scoreColumns(update.score.text, update.score.result), at, id: answer.id });
    else markAnswerDeleted(db).run({ at, id: answer.id });
    if (update.progress)
      storeProgress(db).run({
        state: update.progress.state,
        probeIndex: update.progress.probeIndex,
        at,
        id: session.id,
      });
    return update.replies.map((draft) => this.queue(session, answer.id, draft, now).id);
  }

  private queue(session: PracticeSession, answerId: number, draft: ReplyDraft, now: Date) {
    const reply = queuedReply(session, answerId, draft);
    return reply.feedback
      ? upsertFeedbackReply(this.store.db, reply.values, reply.content, now)
      : insertReply(this.store.db, reply.values, reply.content, now);
  }
}
