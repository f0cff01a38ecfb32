import type { JobContext } from './context.js';

/**
 * Deletes the data of workspaces that uninstalled the app (or revoked its bot token) longer ago
 * than STAR_UNINSTALL_GRACE_DAYS and did not install it again. Idempotent: a workspace's rows go in
 * one transaction together with its mark, so a second run, or another instance, finds nothing.
 */
export async function deleteUninstalledWorkspaces(
  ctx: JobContext,
  now: Date,
): Promise<{ workspaces: number; rows: number }> {
  const graceMs = ctx.retention.uninstalledMs;
  if (graceMs === undefined) return { workspaces: 0, rows: 0 };
  return ctx.services.workspaces.deleteUninstalled(now, graceMs);
}
