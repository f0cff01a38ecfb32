// Which tables hold a workspace's rows, in the order a workspace's data is deleted (a table before
// the ones its rows point at, so every foreign key holds at each step). Both backends delete from
// this list; a table added to a schema with a team_id column and not listed here stops the app at
// start (and fails test/db), so a new table cannot be left out of a workspace's deletion.
import { type Column, getTableColumns, getTableName, type Table } from 'drizzle-orm';
import { StarError } from '../core/errors.js';

export const TEAM_TABLES_IN_DELETE_ORDER = [
  'installations',
  'story_versions',
  'story_sessions',
  'stories',
  'voice_clips',
  'mock_notices',
  'mock_skips',
  'mock_answers',
  'mock_scorecards',
  'mocks',
  'mock_rounds',
  'mock_members',
  'mock_pools',
  'digests',
  'peer_reviews',
  'answer_messages',
  'replies',
  'answers',
  // Sessions before prompts: a channel session points at its prompt.
  'practice_sessions',
  'prompts',
  'schedules',
  'quiz_attempts',
  'away_ranges',
  'processed_events',
  'users',
  // Last: while it is there, a deletion cut short is done again by the next run.
  'uninstalled_workspaces',
] as const;

/**
 * Tables with no team id, and why they are not deleted with a workspace: `forgotten_users` holds
 * one-way hashes of (team, user) marking who asked to be forgotten, no data of theirs.
 */
export const TABLES_WITHOUT_TEAM = ['forgotten_users'] as const;

/** The schema and the list above disagree: a bug, caught at start and by test/db. */
export class SchemaCoverageError extends StarError {
  readonly code = 'schema_coverage';
}

/** The schema's tables holding a workspace's rows, in deletion order; throws when the list is out of date. */
export function teamTablesOf<T extends Table>(schema: Record<string, T>): T[] {
  const byName = new Map(Object.values(schema).map((table) => [getTableName(table), table]));
  const hasTeam = (table: T) =>
    Object.values(getTableColumns(table) as Record<string, Column>).some((c) => c.name === 'team_id');
  const listed = new Set<string>(TEAM_TABLES_IN_DELETE_ORDER);
  const exempt = new Set<string>(TABLES_WITHOUT_TEAM);
  const unlisted = [...byName.keys()].filter((name) => !listed.has(name) && !exempt.has(name));
  const wrong = [...listed].filter((name) => {
    const table = byName.get(name);
    return table === undefined || !hasTeam(table);
  });
  if (unlisted.length > 0 || wrong.length > 0)
    throw new SchemaCoverageError(
      `src/db/team-tables.ts does not match the schema: not listed ${unlisted.join(', ') || 'none'}; ` +
        `listed but missing or without a team_id column ${wrong.join(', ') || 'none'}`,
    );
  return TEAM_TABLES_IN_DELETE_ORDER.map((name) => byName.get(name) as T);
}
