import { and, desc, eq, gte, isNotNull } from 'drizzle-orm';
import type { Db } from '../open.js';
import { prompts } from '../schema.js';

export type PromptRow = typeof prompts.$inferSelect;

export class PromptsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Claims a slot: inserts the prompt unless one with the same slot key exists. Only the caller
   * that inserted gets the row back, so two instances racing for a slot post it once.
   */
  claim(
    values: Omit<typeof prompts.$inferInsert, 'id' | 'createdAt' | 'replyId' | 'messageTs'>,
    now: Date,
  ): PromptRow | undefined {
    return this.db
      .insert(prompts)
      .values({ ...values, createdAt: now.toISOString() })
      .onConflictDoNothing()
      .returning()
      .get();
  }

  setReply(id: number, replyId: number): void {
    this.db.update(prompts).set({ replyId }).where(eq(prompts.id, id)).run();
  }

  setMessageTs(replyId: number, ts: string): void {
    this.db.update(prompts).set({ messageTs: ts }).where(eq(prompts.replyId, replyId)).run();
  }

  findByThread(teamId: string, channelId: string, threadTs: string): PromptRow | undefined {
    return this.db
      .select()
      .from(prompts)
      .where(and(eq(prompts.teamId, teamId), eq(prompts.channelId, channelId), eq(prompts.messageTs, threadTs)))
      .get();
  }

  /** What a channel has been asked, oldest first, for the rotation. */
  history(teamId: string, channelId: string): { lp: string; questionId: string }[] {
    return this.db
      .select({ lp: prompts.lp, questionId: prompts.questionId })
      .from(prompts)
      .where(and(eq(prompts.teamId, teamId), eq(prompts.channelId, channelId)))
      .orderBy(prompts.id)
      .all();
  }

  /** Prompts posted since an instant, newest first: the threads to read again at start-up. */
  postedSince(since: Date): PromptRow[] {
    return this.db
      .select()
      .from(prompts)
      .where(and(gte(prompts.slotAt, since.toISOString()), isNotNull(prompts.messageTs)))
      .orderBy(desc(prompts.slotAt))
      .all();
  }
}
