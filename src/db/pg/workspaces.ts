import { and, eq, lte, sql } from 'drizzle-orm';
import type { WorkspacesRepository } from '../ports.js';
import { teamTablesOf } from '../team-tables.js';
import { schema, uninstalledWorkspaces } from './schema.js';
import { first, type PgStore } from './store.js';

// Checked once when the app loads: a team-keyed table missing from the list stops the start.
const TEAM_TABLES = teamTablesOf(schema);

export class PgWorkspaces implements WorkspacesRepository {
  constructor(private readonly store: PgStore) {}

  async uninstalledBy(cutoff: Date): Promise<string[]> {
    const rows = await this.store.db
      .select({ teamId: uninstalledWorkspaces.teamId })
      .from(uninstalledWorkspaces)
      .where(lte(uninstalledWorkspaces.uninstalledAt, cutoff.toISOString()))
      .orderBy(uninstalledWorkspaces.uninstalledAt);
    return rows.map((row) => row.teamId);
  }

  async deleteUninstalled(teamId: string, cutoff: Date): Promise<number> {
    return this.store.write(async (tx) => {
      const due = await first(
        tx
          .select({ teamId: uninstalledWorkspaces.teamId })
          .from(uninstalledWorkspaces)
          .where(
            and(
              eq(uninstalledWorkspaces.teamId, teamId),
              lte(uninstalledWorkspaces.uninstalledAt, cutoff.toISOString()),
            ),
          )
          .for('update'),
      );
      if (!due) return 0;
      let removed = 0;
      for (const table of TEAM_TABLES) {
        // Counted the same way on node-postgres and PGlite, whose results differ otherwise.
        const result = await tx.execute(
          sql`WITH gone AS (DELETE FROM ${table} WHERE team_id = ${teamId} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
        );
        removed += (result as unknown as { rows: { n: number }[] }).rows[0].n;
      }
      return removed;
    });
  }
}
