import { and, desc, eq, gte, isNotNull } from 'drizzle-orm';
import type { MessageContent, Prompt } from '../../core/domain.js';
import type { PromptClaim, PromptsRepository } from '../ports.js';
import { planNextRuns } from './next-runs.js';
import { param, preparedOnce } from './prepared.js';
import { insertReply } from './replies.js';
import { prompts, schedules } from './schema.js';
import type { SqliteStore } from './store.js';

const promptOfThread = preparedOnce((db) =>
  db
    .select()
    .from(prompts)
    .where(
      and(
        eq(prompts.teamId, param('teamId')),
        eq(prompts.channelId, param('channelId')),
        eq(prompts.messageTs, param('threadTs')),
      ),
    )
    .prepare(),
);

export class SqlitePrompts implements PromptsRepository {
  constructor(private readonly store: SqliteStore) {}

  async claim(claim: PromptClaim, content: MessageContent, scheduled: boolean, now: Date): Promise<number | undefined> {
    const { db } = this.store;
    return this.store.write(() => {
      // The unique slot key is the claim: only the caller that inserts gets the row back, so two
      // instances racing for a slot post it once.
      const prompt = db
        .insert(prompts)
        .values({ ...claim, createdAt: now.toISOString() })
        .onConflictDoNothing()
        .returning()
        .get();
      if (!prompt) return undefined;
      const reply = insertReply(
        db,
        { teamId: claim.teamId, channelId: claim.channelId, threadTs: null, purpose: 'prompt' },
        content,
        now,
      );
      db.update(prompts).set({ replyId: reply.id }).where(eq(prompts.id, prompt.id)).run();
      if (scheduled) {
        db.update(schedules)
          .set({ lastSlotAt: claim.slotAt })
          .where(and(eq(schedules.teamId, claim.teamId), eq(schedules.channelId, claim.channelId)))
          .run();
        // The next prompt is the slot after this one (for every instance sharing the file).
        planNextRuns(db, claim, now, { prompt: new Date(0) });
      }
      return reply.id;
    });
  }

  async findByThread(teamId: string, channelId: string, threadTs: string): Promise<Prompt | undefined> {
    return promptOfThread(this.store.db).get({ teamId, channelId, threadTs });
  }

  async history(teamId: string, channelId: string): Promise<{ lp: string; questionId: string }[]> {
    return this.store.db
      .select({ lp: prompts.lp, questionId: prompts.questionId })
      .from(prompts)
      .where(and(eq(prompts.teamId, teamId), eq(prompts.channelId, channelId)))
      .orderBy(prompts.id)
      .all();
  }

  async postedSince(since: Date): Promise<Prompt[]> {
    return this.store.db
      .select()
      .from(prompts)
      .where(and(gte(prompts.slotAt, since.toISOString()), isNotNull(prompts.messageTs)))
      .orderBy(desc(prompts.slotAt))
      .all();
  }
}
