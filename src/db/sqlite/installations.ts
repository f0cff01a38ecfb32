import { eq } from 'drizzle-orm';
import type { InstallationsRepository } from '../ports.js';
import { installations, uninstalledWorkspaces } from './schema.js';
import type { SqliteStore } from './store.js';

export class SqliteInstallations implements InstallationsRepository {
  constructor(private readonly store: SqliteStore) {}

  async save(teamId: string, enterpriseId: string | null, sealed: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.store.write(() => {
      this.store.db
        .insert(installations)
        .values({ teamId, enterpriseId, sealed, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({ target: installations.teamId, set: { enterpriseId, sealed, updatedAt: at } })
        .run();
      // Installed again: no longer due for deletion.
      this.store.db.delete(uninstalledWorkspaces).where(eq(uninstalledWorkspaces.teamId, teamId)).run();
    });
  }

  async find(teamId: string): Promise<string | undefined> {
    return this.store.db
      .select({ sealed: installations.sealed })
      .from(installations)
      .where(eq(installations.teamId, teamId))
      .get()?.sealed;
  }

  async remove(teamId: string, now: Date): Promise<boolean> {
    return this.store.write(() => {
      this.store.db
        .insert(uninstalledWorkspaces)
        .values({ teamId, uninstalledAt: now.toISOString() })
        .onConflictDoNothing()
        .run();
      return this.store.db.delete(installations).where(eq(installations.teamId, teamId)).run().changes > 0;
    });
  }

  async withLock<T>(
    teamId: string,
    work: (sealed: string | undefined) => Promise<{ sealed?: string; result: T }>,
    now: Date,
  ): Promise<T> {
    // One SQLite file is one host: a process-wide queue per workspace is the lock (a transaction
    // cannot stay open across the awaited refresh call on a synchronous driver).
    const previous = this.locks.get(teamId) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const chained = previous.then(() => mine);
    this.locks.set(teamId, chained);
    await previous;
    try {
      const outcome = await work(await this.find(teamId));
      if (outcome.sealed !== undefined) {
        const enterpriseId =
          this.store.db
            .select({ id: installations.enterpriseId })
            .from(installations)
            .where(eq(installations.teamId, teamId))
            .get()?.id ?? null;
        await this.save(teamId, enterpriseId, outcome.sealed, now);
      }
      return outcome.result;
    } finally {
      release();
      if (this.locks.get(teamId) === chained) this.locks.delete(teamId);
    }
  }

  private readonly locks = new Map<string, Promise<void>>();
}
