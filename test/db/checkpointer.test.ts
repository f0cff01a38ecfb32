// SQLite only: the WAL checkpoint worker concerns the SQLite file.
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Checkpointer, SAFETY_NET_PAGES, startCheckpointer } from '../../src/db/sqlite/checkpointer.js';
import { type TempDatabase, tempDatabase } from '../helpers/db.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setUp(intervalMs = 60_000): { t: TempDatabase; checkpointer: Checkpointer; warnings: string[] } {
  const t = tempDatabase();
  cleanups.push(() => t.close());
  const warnings: string[] = [];
  const checkpointer = startCheckpointer(t.database.sqlite, t.file, (m) => warnings.push(m), intervalMs);
  cleanups.push(() => checkpointer.stop());
  return { t, checkpointer, warnings };
}

function writeRows(t: TempDatabase, rows: number): void {
  const insert = t.database.sqlite.prepare(
    "INSERT INTO users (team_id, user_id, level, created_at, updated_at) VALUES ('T1234', ?, 'sde2', ?, ?)",
  );
  const at = new Date().toISOString();
  for (let i = 0; i < rows; i++) insert.run(`U${Date.now()}${i}${'x'.repeat(500)}`, at, at);
}

describe('background WAL checkpoints', () => {
  it("moves the connection's own checkpoint to the safety net", () => {
    const { t } = setUp();
    expect(t.database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_PAGES);
  });

  it('copies every committed WAL frame into the database file, from the worker', async () => {
    const { t, checkpointer } = setUp();
    writeRows(t, 500);
    const result = await checkpointer.checkpoint();
    expect(result.log).toBeGreaterThan(500); // the commits are in the WAL, not checkpointed by the app
    expect(result.checkpointed).toBe(result.log);
    expect(result.busy).toBe(0);
  });

  it('keeps the WAL from growing: after a checkpoint the next writes reuse it from the start', async () => {
    const { t, checkpointer } = setUp();
    const walBytes = () => statSync(`${t.file}-wal`).size;
    writeRows(t, 500);
    await checkpointer.checkpoint();
    const afterFirst = walBytes();
    for (let round = 0; round < 5; round++) {
      writeRows(t, 500);
      await checkpointer.checkpoint();
    }
    // Six rounds of writes in a WAL about one round long (SQLite restarts it once it is checkpointed).
    expect(walBytes()).toBeLessThan(afterFirst * 1.5);
    const rows = t.database.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
    expect(rows.n).toBe(3000);
  });

  it('checkpoints by itself on its interval', async () => {
    const { t } = setUp(20);
    const fileBytes = () => statSync(t.file).size;
    const before = fileBytes();
    writeRows(t, 500); // into the WAL only: the connection's own checkpoint is far off
    for (let i = 0; i < 250 && fileBytes() === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(fileBytes()).toBeGreaterThan(before); // the worker copied the frames into the file
  });

  it('stops cleanly, and a checkpoint asked of a stopped worker is refused', async () => {
    const { checkpointer } = setUp();
    await checkpointer.stop();
    await expect(checkpointer.checkpoint()).rejects.toThrow();
  });
});
