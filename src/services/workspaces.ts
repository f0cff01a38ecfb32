// What happens to a workspace's data after it uninstalls the app: its tokens go at once (see
// ./installations.ts); everything else stays for a grace period, so a workspace that comes back
// finds its history, and is deleted after it.
import type { WorkspacesRepository } from '../db/ports.js';
import type { Logger } from '../logger.js';

export class WorkspaceRetention {
  constructor(
    private readonly repo: WorkspacesRepository,
    private readonly logger: Logger,
  ) {}

  /**
   * Deletes the data of every workspace uninstalled at least `graceMs` before `now` and not
   * installed again, one transaction per workspace; safe to run on every instance at once.
   */
  async deleteUninstalled(now: Date, graceMs: number): Promise<{ workspaces: number; rows: number }> {
    const cutoff = new Date(now.getTime() - graceMs);
    let workspaces = 0;
    let rows = 0;
    for (const teamId of await this.repo.uninstalledBy(cutoff)) {
      const removed = await this.repo.deleteUninstalled(teamId, cutoff);
      // 0: another instance (or an earlier run) got there first, or the workspace came back.
      if (removed === 0) continue;
      workspaces++;
      rows += removed;
      this.logger.info(`workspace ${teamId} uninstalled the app over the grace period ago: ${removed} rows deleted`);
    }
    return { workspaces, rows };
  }
}
