import type { RubricResult } from '../../src/core/rubric/index.js';
import { openDatabase } from '../../src/db/sqlite/open.js';
import { answers, practiceSessions } from '../../src/db/sqlite/schema.js';
import { TEAM } from './harness.js';

export interface SeedAnswer {
  userId: string;
  lp: string;
  text: string;
  result: RubricResult;
  at: Date;
}

/**
 * Writes a long history of scored DM answers (a session and its answer each) straight into an
 * app's database file in one transaction, through a second connection: for tests that need a year
 * of history in a moment. The app's own path to the same rows is tested elsewhere.
 */
export function storeDmAnswers(dbFile: string, history: readonly SeedAnswer[]): void {
  const { db, close } = openDatabase(dbFile);
  try {
    db.transaction((tx) => {
      for (const a of history) {
        const at = a.at.toISOString();
        const session = tx
          .insert(practiceSessions)
          .values({
            teamId: TEAM,
            userId: a.userId,
            channelId: `D${a.userId.slice(1)}`,
            scenarioId: 'webhook-retry-fix',
            lp: a.lp,
            level: 'sde2',
            state: 'answered',
            createdAt: at,
            updatedAt: at,
          })
          .returning({ id: practiceSessions.id })
          .get();
        tx.insert(answers)
          .values({
            teamId: TEAM,
            userId: a.userId,
            sessionId: session.id,
            kind: 'answer',
            lp: a.lp,
            level: 'sde2',
            text: a.text,
            overall: a.result.overall,
            verdict: a.result.verdict,
            dimensions: a.result.dimensions,
            flags: a.result.flags.map((f) => ({ id: f.id, quote: f.quote })),
            rubricVersion: a.result.rubricVersion,
            createdAt: at,
            updatedAt: at,
          })
          .run();
      }
    });
  } finally {
    close();
  }
}
