import { eq } from 'drizzle-orm';
import type { InstallationsRepository } from '../ports.js';
import { installations, uninstalledWorkspaces } from './schema.js';
import { first, type PgStore } from './store.js';

export class PgInstallations implements InstallationsRepository {
  constructor(private readonly store: PgStore) {}

  async save(teamId: string, enterpriseId: string | null, sealed: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.store.write(async (tx) => {
      await tx
        .insert(installations)
        .values({ teamId, enterpriseId, sealed, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({ target: installations.teamId, set: { enterpriseId, sealed, updatedAt: at } });
      // Installed again: no longer due for deletion.
      await tx.delete(uninstalledWorkspaces).where(eq(uninstalledWorkspaces.teamId, teamId));
    });
  }

  async find(teamId: string): Promise<string | undefined> {
    return (
      await first(
        this.store.db
          .select({ sealed: installations.sealed })
          .from(installations)
          .where(eq(installations.teamId, teamId)),
      )
    )?.sealed;
  }

  async remove(teamId: string, now: Date): Promise<boolean> {
    return this.store.write(async (tx) => {
      await tx.insert(uninstalledWorkspaces).values({ teamId, uninstalledAt: now.toISOString() }).onConflictDoNothing();
      const removed = await tx
        .delete(installations)
        .where(eq(installations.teamId, teamId))
        .returning({ teamId: installations.teamId });
      return removed.length > 0;
    });
  }

  async withLock<T>(
    teamId: string,
    work: (sealed: string | undefined) => Promise<{ sealed?: string; result: T }>,
    now: Date,
  ): Promise<T> {
    // The row lock is the per-installation lock across every instance: another instance asking
    // for it waits until this transaction ends, then reads the token this one stored.
    return this.store.db.transaction(async (tx) => {
      const row = await first(tx.select().from(installations).where(eq(installations.teamId, teamId)).for('update'));
      const outcome = await work(row?.sealed);
      if (outcome.sealed !== undefined && row)
        await tx
          .update(installations)
          .set({ sealed: outcome.sealed, updatedAt: now.toISOString() })
          .where(eq(installations.teamId, teamId));
      return outcome.result;
    });
  }
}
