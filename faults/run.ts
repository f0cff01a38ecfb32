// `npm run faults [-- --app DIR] [--only ROW,ROW] [--short]`: starts real STAR Coach processes
// (dist/main.js) against a fake Slack on 127.0.0.1, breaks things one row at a time, and prints a
// table of what every acknowledged answer got. Every loop has a deadline; the run stops by itself.
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { FULL, ROWS, type RowResult, SHORT } from './rows.js';

function parseArgs(argv: string[]) {
  let appDir = process.cwd();
  let only: string[] | undefined;
  let short = false;
  let watchMs: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--app') appDir = path.resolve(argv[++i] ?? '.');
    else if (arg === '--only') only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg === '--short') short = true;
    else if (arg === '--watch') watchMs = Number(argv[++i]) * 1000;
    else
      throw new Error(
        `unknown argument ${arg}; use --app DIR, --only ${Object.keys(ROWS).join(',')}, --short, --watch SECONDS`,
      );
  }
  for (const name of only ?? [])
    if (!(name in ROWS)) throw new Error(`no row "${name}"; rows: ${Object.keys(ROWS).join(', ')}`);
  const scale = short ? SHORT : FULL;
  if (watchMs !== undefined && !(watchMs >= 0)) throw new Error('--watch takes a number of seconds');
  return { appDir, rows: only ?? Object.keys(ROWS), scale: watchMs === undefined ? scale : { ...scale, watchMs } };
}

function formatRow(r: RowResult): string {
  const recover = r.recoverSeconds === undefined ? 'not by deadline' : `${r.recoverSeconds.toFixed(1)} s`;
  return `| ${r.row} | ${r.answers} | ${r.acked} | ${r.stored} | ${r.exactlyOne} of ${r.acked} | ${r.duplicates} | ${recover} | ${r.locks} | ${r.note} |`;
}

const { appDir, rows, scale } = parseArgs(process.argv.slice(2));
console.log(`fault suite: ${appDir}, ${rows.length} row(s), load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
console.log('| row | answers | acked | stored | exactly one feedback | duplicates | recovered in | "locked" | note |');
console.log('|---|---|---|---|---|---|---|---|---|');
let failed = false;
for (const name of rows) {
  const started = Date.now();
  try {
    const result = await ROWS[name](appDir, scale);
    console.log(formatRow(result));
    if (result.stored < result.acked || result.exactlyOne < result.acked || result.duplicates > 0) failed = true;
  } catch (err) {
    failed = true;
    console.log(`| ${name} | error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)} |`);
  }
  console.error(`(${name}: ${((Date.now() - started) / 1000).toFixed(0)} s, load ${loadavg()[0].toFixed(1)})`);
}
process.exit(failed ? 1 : 0);
