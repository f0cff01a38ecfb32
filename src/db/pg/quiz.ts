import { and, eq } from 'drizzle-orm';
import type { QuizRepository } from '../ports.js';
import { quizAttempts } from './schema.js';
import type { PgStore } from './store.js';

export class PgQuiz implements QuizRepository {
  constructor(private readonly store: PgStore) {}

  async record(
    values: { teamId: string; userId: string; scenarioId: string; quizIndex: number; choice: number; correct: boolean },
    now: Date,
  ): Promise<void> {
    await this.store.db.insert(quizAttempts).values({ ...values, createdAt: now.toISOString() });
  }

  async totals(teamId: string, userId: string): Promise<{ attempts: number; correct: number }> {
    const rows = await this.store.db
      .select({ correct: quizAttempts.correct })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.teamId, teamId), eq(quizAttempts.userId, userId)));
    return { attempts: rows.length, correct: rows.filter((r) => r.correct).length };
  }
}
