import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { RubricResult } from '../../core/rubric/index.js';
import type { RescoreRepository, StaleAnswer } from '../ports.js';
import { answers, practiceSessions } from './schema.js';
import type { PgStore } from './store.js';

// The PostgreSQL twin of ../sqlite/rescore.ts.

export class PgRescore implements RescoreRepository {
  constructor(private readonly store: PgStore) {}

  async staleAnswers(version: number, afterId: number, limit: number): Promise<StaleAnswer[]> {
    return this.store.db
      .select({
        id: answers.id,
        teamId: answers.teamId,
        kind: answers.kind,
        probeIndex: answers.probeIndex,
        lp: answers.lp,
        level: answers.level,
        text: answers.text,
        questionId: practiceSessions.scenarioId,
        rubricVersion: answers.rubricVersion,
      })
      .from(answers)
      .innerJoin(practiceSessions, eq(practiceSessions.id, answers.sessionId))
      .where(and(lt(answers.rubricVersion, version), gt(answers.id, afterId)))
      .orderBy(asc(answers.id))
      .limit(limit);
  }

  async saveScores(rows: { id: number; result: RubricResult }[], now: Date): Promise<number> {
    const at = now.toISOString();
    return this.store.write(async (tx) => {
      let changed = 0;
      for (const { id, result } of rows) {
        const done = await tx
          .update(answers)
          .set({
            overall: result.overall,
            verdict: result.verdict,
            dimensions: result.dimensions,
            flags: result.flags.map((f) => ({ id: f.id, quote: f.quote.slice(0, 200) })),
            rubricVersion: result.rubricVersion,
            updatedAt: at,
          })
          .where(and(eq(answers.id, id), lt(answers.rubricVersion, result.rubricVersion)))
          .returning({ id: answers.id });
        changed += done.length;
      }
      return changed;
    });
  }
}
