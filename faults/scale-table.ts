// `npx tsx faults/scale-table.ts [ANSWERS]`: answers per second with 1, 2 and 3 instances on one
// PostgreSQL database (DATABASE_URL, or postgres@127.0.0.1:5432/test) behind a round-robin proxy,
// each answer scored, stored and its feedback posted to the fake Slack. Build first (npm run build).
import { cpus, loadavg } from 'node:os';
import { postgresUnavailable } from '../test/helpers/pg.js';
import { answersPerSecond } from './postgres.js';

const count = Number(process.argv[2] ?? 200);
const unavailable = await postgresUnavailable();
if (unavailable) {
  console.log(`no PostgreSQL server: ${unavailable}`);
  process.exit(1);
}
console.log(`${count} answers per run, load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
console.log('| instances | answers per second | load at start |');
console.log('|---|---|---|');
for (const instances of [1, 2, 3]) {
  const load = loadavg()[0].toFixed(1);
  const rate = await answersPerSecond(process.cwd(), instances, count);
  console.log(`| ${instances} | ${rate.toFixed(1)} | ${load} |`);
}
