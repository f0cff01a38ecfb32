import { and, eq } from 'drizzle-orm';
import type { Db } from '../open.js';
import { quizAttempts } from '../schema.js';

export class QuizRepository {
  constructor(private readonly db: Db) {}

  record(
    values: { teamId: string; userId: string; scenarioId: string; quizIndex: number; choice: number; correct: boolean },
    now: Date,
  ): void {
    this.db
      .insert(quizAttempts)
      .values({ ...values, createdAt: now.toISOString() })
      .run();
  }

  totals(teamId: string, userId: string): { attempts: number; correct: number } {
    const rows = this.db
      .select({ correct: quizAttempts.correct })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.teamId, teamId), eq(quizAttempts.userId, userId)))
      .all();
    return { attempts: rows.length, correct: rows.filter((r) => r.correct).length };
  }
}
