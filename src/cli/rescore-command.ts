// `star rescore [--db PATH]`: re-scores stored answers that an older rubric scored.
import { existsSync } from 'node:fs';
import { systemClock } from '../clock.js';
import { loadLibrary } from '../content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../content/paths.js';
import { buildCatalog } from '../core/questions.js';
import { RUBRIC_VERSION } from '../core/rubric/index.js';
import { openPostgres, pgRescore } from '../db/pg/index.js';
import { openDatabase, sqliteRescore } from '../db/sqlite/index.js';
import { rescoreStoredAnswers } from '../services/rescore.js';
import { parseFlags, UsageError } from './args.js';
import type { Io } from './io.js';

/** The app's default database file (STAR_DB, as the bot reads it). */
const DEFAULT_DB = process.env.STAR_DB ?? './data/star.db';

export async function runRescoreCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(args, { db: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError('rescore takes no FILE; name the database with --db PATH');
  const library = loadLibrary(DEFAULT_SCENARIOS_DIR);
  const catalog = buildCatalog(library.scenarios, library.banks);
  const report = (where: string, counts: { stale: number; updated: number; batches: number }) =>
    io.out(
      `rescore ${where}: ${counts.stale} answer(s) below rubric version ${RUBRIC_VERSION}, ${counts.updated} re-scored in ${counts.batches} batch(es)`,
    );
  // The app's own choice of database: PostgreSQL at DATABASE_URL, unless --db names a SQLite file.
  const url = values.db === undefined ? process.env.DATABASE_URL : undefined;
  if (url) {
    const database = await openPostgres(url);
    try {
      report(
        new URL(url).host,
        await rescoreStoredAnswers({ repo: pgRescore(database.db), catalog, clock: systemClock }),
      );
    } finally {
      await database.close();
    }
    return 0;
  }
  const file = values.db ?? DEFAULT_DB;
  if (!existsSync(file)) throw new UsageError(`no database at ${file}`);
  const database = openDatabase(file);
  try {
    report(file, await rescoreStoredAnswers({ repo: sqliteRescore(database.db), catalog, clock: systemClock }));
  } finally {
    database.close();
  }
  return 0;
}
