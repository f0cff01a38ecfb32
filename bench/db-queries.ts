// What a query costs through drizzle's builder against the same query prepared once (placeholders)
// and against better-sqlite3 directly, on a migrated SQLite file: the reason the queries every
// answer makes are prepared once (src/db/sqlite/prepared.ts). `npx tsx bench/db-queries.ts`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, type SQLWrapper } from 'drizzle-orm';
import { openDatabase } from '../src/db/sqlite/open.js';
import { param } from '../src/db/sqlite/prepared.js';
import { answerMessages } from '../src/db/sqlite/schema.js';

const dir = mkdtempSync(path.join(tmpdir(), 'star-db-queries-'));
const { db, sqlite, close } = openDatabase(path.join(dir, 'star.db'));
const byKey = (t: string | SQLWrapper, c: string | SQLWrapper, m: string | SQLWrapper) =>
  and(eq(answerMessages.teamId, t), eq(answerMessages.channelId, c), eq(answerMessages.messageTs, m));
const built = (m: string) =>
  db
    .select()
    .from(answerMessages)
    .where(byKey('T1234', 'C1234', m))
    .get();
const prepared = db
  .select()
  .from(answerMessages)
  .where(byKey(param('t'), param('c'), param('m')))
  .prepare();
const direct = sqlite.prepare('SELECT * FROM answer_messages WHERE team_id = ? AND channel_id = ? AND message_ts = ?');

const N = 20_000;
const time = (run: (i: number) => unknown) => {
  const started = performance.now();
  for (let i = 0; i < N; i++) run(i);
  return ((performance.now() - started) * 1000) / N;
};
console.log('| round | drizzle builder | drizzle prepared | better-sqlite3 |\n|---|---|---|---|');
for (let round = 1; round <= 3; round++) {
  const a = time((i) => built(String(i)));
  const b = time((i) => prepared.get({ t: 'T1234', c: 'C1234', m: String(i) }));
  const c = time((i) => direct.get('T1234', 'C1234', String(i)));
  console.log(`| ${round} | ${a.toFixed(1)} µs | ${b.toFixed(1)} µs | ${c.toFixed(1)} µs |`);
}
close();
rmSync(dir, { recursive: true, force: true });
