import { ContentError, formatProblem, loadLibrary } from '../content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../content/paths.js';
import { isLpId, LEADERSHIP_PRINCIPLES } from '../core/lp.js';
import { parseFlags, UsageError } from './args.js';
import type { Io } from './io.js';

const USAGE = 'usage: star scenarios check [--dir DIR] | star scenarios list [--lp ID] [--json] [--dir DIR]';

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
