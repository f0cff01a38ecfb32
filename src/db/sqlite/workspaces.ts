import { and, eq, lte, sql } from 'drizzle-orm';
import type { WorkspacesRepository } from '../ports.js';
import { teamTablesOf } from '../team-tables.js';
import { schema, uninstalledWorkspaces } from './schema.js';
import type { SqliteStore } from './store.js';

// Checked once when the app loads: a team-keyed table missing from the list stops the start.
const TEAM_TABLES = teamTablesOf(schema);

export class SqliteWorkspaces implements WorkspacesRepository {
  constructor(private readonly store: SqliteStore) {}

  async uninstalledBy(cutoff: Date): Promise<string[]> {
    return this.store.db
      .select({ teamId: uninstalledWorkspaces.teamId })
      .from(uninstalledWorkspaces)
      .where(lte(uninstalledWorkspaces.uninstalledAt, cutoff.toISOString()))
      .orderBy(uninstalledWorkspaces.uninstalledAt)
      .all()
      .map((row) => row.teamId);
  }

  async deleteUninstalled(teamId: string, cutoff: Date): Promise<number> {
    return this.store.write(() => {
      const tx = this.store.db;
      const due = tx
        .select({ teamId: uninstalledWorkspaces.teamId })
        .from(uninstalledWorkspaces)
        .where(
          and(eq(uninstalledWorkspaces.teamId, teamId), lte(uninstalledWorkspaces.uninstalledAt, cutoff.toISOString())),
        )
        .get();
      if (!due) return 0;
      let removed = 0;
      for (const table of TEAM_TABLES) removed += tx.run(sql`DELETE FROM ${table} WHERE team_id = ${teamId}`).changes;
      return removed;
    });
  }
}
