// `star rescore [--db PATH]`: re-scores stored answers that an older rubric scored.
import { existsSync } from 'node:fs';
import { systemClock } from '../clock.js';
import { loadLibrary } from '../content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../content/paths.js';
import { buildCatalog } from '../core/questions.js';
import { RUBRIC_VERSION } from '../core/rubric/index.js';
import { openDatabase, sqliteRescore } from '../db/sqlite/index.js';
import { rescoreStoredAnswers } from '../services/rescore.js';
import { parseFlags, UsageError } from './args.js';
import type { Io } from './io.js';

/** The app's default database file (STAR_DB, as the bot reads it). */
const DEFAULT_DB = process.env.STAR_DB ?? './data/star.db';

export async function runRescoreCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(args, { db: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError('rescore takes no FILE; name the database with --db PATH');
  const file = values.db ?? DEFAULT_DB;
  if (!existsSync(file)) throw new UsageError(`no database at ${file}`);
  const library = loadLibrary(DEFAULT_SCENARIOS_DIR);
  const database = openDatabase(file);
  try {
    const counts = await rescoreStoredAnswers({
      repo: sqliteRescore(database.db),
      catalog: buildCatalog(library.scenarios, library.banks),
      clock: systemClock,
    });
    io.out(
      `rescore ${file}: ${counts.stale} answer(s) below rubric version ${RUBRIC_VERSION}, ${counts.updated} re-scored in ${counts.batches} batch(es)`,
    );
  } finally {
    database.close();
  }
  return 0;
}
