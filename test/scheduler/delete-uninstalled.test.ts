// The data of a workspace that uninstalled the app goes once STAR_UNINSTALL_GRACE_DAYS have passed,
// at fixed moments; another workspace's stays, and a workspace that installed again keeps its own.
import { afterEach, describe, expect, it } from 'vitest';
import { deleteUninstalledWorkspaces } from '../../src/scheduler/delete-uninstalled.js';
import { startWorld, type World } from '../helpers/world.js';

const DAY = 24 * 60 * 60_000;
const UNINSTALLED = new Date('2026-11-02T10:00:00Z');
const at = (days: number) => new Date(UNINSTALLED.getTime() + days * DAY);

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

/** Two workspaces with one practice question each; the world's grace period is 30 days. */
async function twoWorkspaces(): Promise<World> {
  const w = await startWorld({ start: '2026-11-01T09:00:00Z' });
  worlds.push(w);
  for (const team of ['T1111', 'T2222']) await w.services.practice.start(team, 'U1234', 'ownership', 'sde2');
  return w;
}

const sessionsOf = async (w: World, team: string) => (await w.repos.privacy.exportUser(team, 'U1234')).sessions;

describe('deleting uninstalled workspaces', () => {
  it('deletes a workspace’s data on the first run after its 30 days, once, and nothing of another', async () => {
    const w = await twoWorkspaces();
    expect(await sessionsOf(w, 'T1111')).toHaveLength(1);
    await w.repos.installations.remove('T1111', UNINSTALLED);
    await w.repos.installations.remove('T2222', at(5));

    expect(await deleteUninstalledWorkspaces(w.jobs, at(30 - 1 / 24 / 60))).toEqual({ workspaces: 0, rows: 0 });
    expect(await sessionsOf(w, 'T1111')).toHaveLength(1);

    const deleted = await deleteUninstalledWorkspaces(w.jobs, at(30));
    expect(deleted.workspaces).toBe(1);
    expect(deleted.rows).toBeGreaterThan(1);
    expect(await sessionsOf(w, 'T1111')).toEqual([]);
    expect(await sessionsOf(w, 'T2222')).toHaveLength(1);
    // The next run (or another instance's) finds nothing more to do.
    expect(await deleteUninstalledWorkspaces(w.jobs, at(31))).toEqual({ workspaces: 0, rows: 0 });

    expect((await deleteUninstalledWorkspaces(w.jobs, at(35))).workspaces).toBe(1);
    expect(await sessionsOf(w, 'T2222')).toEqual([]);
  });

  it('keeps the data of a workspace that installed the app again within its grace period', async () => {
    const w = await twoWorkspaces();
    await w.repos.installations.remove('T1111', UNINSTALLED);
    await w.repos.installations.save('T1111', null, 'v1:sealed', at(29));
    expect(await deleteUninstalledWorkspaces(w.jobs, at(400))).toEqual({ workspaces: 0, rows: 0 });
    expect(await sessionsOf(w, 'T1111')).toHaveLength(1);
  });

  it('deletes nothing when the job is given no grace period', async () => {
    const w = await twoWorkspaces();
    await w.repos.installations.remove('T1111', UNINSTALLED);
    const { uninstalledMs: _, ...kept } = w.jobs.retention;
    expect(await deleteUninstalledWorkspaces({ ...w.jobs, retention: kept }, at(400))).toEqual({
      workspaces: 0,
      rows: 0,
    });
    expect(await sessionsOf(w, 'T1111')).toHaveLength(1);
  });
});
