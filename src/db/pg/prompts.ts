import { and, desc, eq, gte, isNotNull } from 'drizzle-orm';
import type { MessageContent, Prompt } from '../../core/domain.js';
import type { PromptClaim, PromptsRepository } from '../ports.js';
import { planNextRuns } from './next-runs.js';
import { insertReply } from './replies.js';
import { prompts, schedules } from './schema.js';
import { first, type PgStore } from './store.js';

export class PgPrompts implements PromptsRepository {
  constructor(private readonly store: PgStore) {}

  async claim(claim: PromptClaim, content: MessageContent, scheduled: boolean, now: Date): Promise<number | undefined> {
    return this.store.write(async (tx) => {
      // The unique slot key is the claim: only the caller that inserts gets the row back, so two
      // instances racing for a slot post it once.
      const prompt = await first(
        tx
          .insert(prompts)
          .values({ ...claim, createdAt: now.toISOString() })
          .onConflictDoNothing()
          .returning(),
      );
      if (!prompt) return undefined;
      const reply = await insertReply(
        tx,
        { teamId: claim.teamId, channelId: claim.channelId, threadTs: null, purpose: 'prompt' },
        content,
        now,
      );
      await tx.update(prompts).set({ replyId: reply.id }).where(eq(prompts.id, prompt.id));
      if (scheduled) {
        await tx
          .update(schedules)
          .set({ lastSlotAt: claim.slotAt })
          .where(and(eq(schedules.teamId, claim.teamId), eq(schedules.channelId, claim.channelId)));
        // The next prompt is the slot after this one (for every instance sharing the database).
        await planNextRuns(tx, claim, now, { prompt: new Date(0) });
      }
      return reply.id;
    });
  }

  async findByThread(teamId: string, channelId: string, threadTs: string): Promise<Prompt | undefined> {
    return first(
      this.store.db
        .select()
        .from(prompts)
        .where(and(eq(prompts.teamId, teamId), eq(prompts.channelId, channelId), eq(prompts.messageTs, threadTs))),
    );
  }

  async history(teamId: string, channelId: string): Promise<{ lp: string; questionId: string }[]> {
    return this.store.db
      .select({ lp: prompts.lp, questionId: prompts.questionId })
      .from(prompts)
      .where(and(eq(prompts.teamId, teamId), eq(prompts.channelId, channelId)))
      .orderBy(prompts.id);
  }

  async postedSince(since: Date): Promise<Prompt[]> {
    return this.store.db
      .select()
      .from(prompts)
      .where(and(gte(prompts.slotAt, since.toISOString()), isNotNull(prompts.messageTs)))
      .orderBy(desc(prompts.slotAt));
  }
}
