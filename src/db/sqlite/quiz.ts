import { and, eq } from 'drizzle-orm';
import type { QuizRepository } from '../ports.js';
import { quizAttempts } from './schema.js';
import type { SqliteStore } from './store.js';

export class SqliteQuiz implements QuizRepository {
  constructor(private readonly store: SqliteStore) {}

  async record(
    values: { teamId: string; userId: string; scenarioId: string; quizIndex: number; choice: number; correct: boolean },
    now: Date,
  ): Promise<void> {
    await this.store.write(() =>
      this.store.db
        .insert(quizAttempts)
        .values({ ...values, createdAt: now.toISOString() })
        .run(),
    );
  }

  async totals(teamId: string, userId: string): Promise<{ attempts: number; correct: number }> {
    const rows = this.store.db
      .select({ correct: quizAttempts.correct })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.teamId, teamId), eq(quizAttempts.userId, userId)))
      .all();
    return { attempts: rows.length, correct: rows.filter((r) => r.correct).length };
  }
}
