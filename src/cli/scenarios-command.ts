import { ContentError, formatProblem, loadLibrary, readLibrary } from '../content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../content/paths.js';
import { checkLibrary } from '../core/library-check.js';
import { isLpId, LEADERSHIP_PRINCIPLES } from '../core/lp.js';
import { parseFlags, UsageError } from './args.js';
import type { Io } from './io.js';

const USAGE =
  'usage: star scenarios check [--dir DIR] | star scenarios verify [--lp ID] [--dir DIR] | star scenarios list [--lp ID] [--json] [--dir DIR]';

export function runScenariosCommand(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  const { values, positionals } = parseFlags(rest, {
    dir: { type: 'string' },
    lp: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}". ${USAGE}`);
  const dir = values.dir ?? DEFAULT_SCENARIOS_DIR;
  if (sub === 'check') return check(dir, io);
  if (sub === 'verify') {
    if (values.lp !== undefined && !isLpId(values.lp)) throw new UsageError(`unknown LP "${values.lp}"`);
    return verify(dir, values.lp, io);
  }
  if (sub === 'list') {
    if (values.lp !== undefined && !isLpId(values.lp)) throw new UsageError(`unknown LP "${values.lp}"`);
    return list(dir, values.lp, values.json === true, io);
  }
  throw new UsageError(sub ? `unknown scenarios command "${sub}". ${USAGE}` : USAGE);
}

function check(dir: string, io: Io): number {
  try {
    const library = loadLibrary(dir);
    for (const lp of LEADERSHIP_PRINCIPLES) {
      const scenarios = library.scenarios.filter((s) => s.lp === lp.id).length;
      const questions = library.banks.filter((b) => b.lp === lp.id).reduce((n, b) => n + b.questions.length, 0);
      io.out(
        `${lp.id.padEnd(46)} ${String(scenarios).padStart(3)} scenarios ${String(questions).padStart(4)} bank questions`,
      );
    }
    const bankTotal = library.banks.reduce((n, b) => n + b.questions.length, 0);
    io.out(`ok: ${library.scenarios.length} scenarios, ${bankTotal} bank questions`);
    return 0;
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    for (const problem of err.problems) io.err(formatProblem(problem));
    io.err(`${err.problems.length} problem(s) found`);
    return 1;
  }
}

function list(dir: string, lp: string | undefined, json: boolean, io: Io): number {
  const { scenarios } = loadLibrary(dir);
  const chosen = scenarios.filter((s) => lp === undefined || s.lp === lp);
  if (json) {
    io.out(JSON.stringify(chosen.map(({ id, lp, title, question, tags }) => ({ id, lp, title, question, tags }))));
    return 0;
  }
  for (const s of chosen) io.out(`${s.id.padEnd(40)} ${s.lp.padEnd(36)} ${s.title}`);
  io.out(`${chosen.length} scenario(s)`);
  return 0;
}

function verify(dir: string, lp: string | undefined, io: Io): number {
  const library = readLibrary(dir);
  for (const problem of library.problems) io.err(`skipped: ${formatProblem(problem)}`);
  const scenarios = library.scenarios.filter((s) => lp === undefined || s.lp === lp);
  const report = checkLibrary(scenarios, library.banks);
  for (const failure of report.failures) {
    const r = failure.result;
    const flags = r.flags.map((f) => `${f.id}${f.quote ? ` "${f.quote.slice(0, 40)}"` : ''}`).join(', ') || 'no flags';
    io.out(
      `FAIL ${failure.scenarioId}: ${failure.item}: expected ${failure.expected === 'hire' ? 'lean-hire or better' : 'lean-no-hire or worse with a flag'}, got ${r.verdict} ${r.overall} ${JSON.stringify(r.dimensions)}; flags: ${flags}`,
    );
  }
  const duplicates = report.duplicates.filter(
    (d) =>
      lp === undefined ||
      scenarios.some((s) => s.id === d.a || s.id === d.b) ||
      d.a.startsWith(lp) ||
      d.b.startsWith(lp),
  );
  for (const d of duplicates) io.out(`DUPLICATE questions ${d.a} and ${d.b} (overlap ${d.similarity.toFixed(2)})`);
  io.out(
    `${report.checked - report.failures.length} passed, ${report.failures.length} failed, ${duplicates.length} near-duplicate question pair(s)`,
  );
  return report.failures.length === 0 && duplicates.length === 0 && library.problems.length === 0 ? 0 : 1;
}
