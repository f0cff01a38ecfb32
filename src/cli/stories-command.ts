// `star stories export`: the story bank's prep document from the database, for one person, as
// Markdown on standard output (the same document `/star stories export` sends in Slack).
import { existsSync } from 'node:fs';
import { systemClock } from '../clock.js';
import { loadLibrary } from '../content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../content/paths.js';
import { probesByLp, storiesMarkdown } from '../core/stories.js';
import { openDatabase, sqliteRepositories } from '../db/sqlite/index.js';
import { parseFlags, UsageError } from './args.js';
import type { Io } from './io.js';

/** The database the app uses when STAR_DB is not set (as in config.ts). */
const DEFAULT_DB = './data/star.db';

export async function runStoriesCommand(args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'export') throw new UsageError('usage: star stories export --team ID --user ID [--db FILE]');
  const { values, positionals } = parseFlags(rest, {
    team: { type: 'string' },
    user: { type: 'string' },
    db: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`stories export takes no FILE, got ${positionals[0]}`);
  // The CLI user: flags, else the same variables the app's own settings use.
  const team = values.team ?? env.STAR_TEAM_ID;
  const user = values.user ?? env.STAR_USER_ID;
  if (!team || !user) throw new UsageError('stories export needs --team and --user (or STAR_TEAM_ID and STAR_USER_ID)');
  const file = values.db ?? env.STAR_DB ?? DEFAULT_DB;
  // Never create an empty database by asking for one that is not there.
  if (!existsSync(file)) throw new UsageError(`no database at ${file}; give --db FILE or set STAR_DB`);
  const database = openDatabase(file);
  try {
    const stories = await sqliteRepositories(database.db).stories.list(team, user);
    const markdown = storiesMarkdown(stories, {
      probesFor: probesByLp(loadLibrary(DEFAULT_SCENARIOS_DIR).scenarios),
      date: systemClock.now().toISOString().slice(0, 10),
    });
    io.out(markdown.trimEnd());
  } finally {
    database.close();
  }
  return 0;
}
