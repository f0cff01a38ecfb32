import { existsSync } from 'node:fs';
import path from 'node:path';
import { bankKey, formatProblem, type Library, loadLibrary, readLibrary } from '../content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../content/paths.js';
import { writeCoverageTable } from '../content/readme-coverage.js';
import { coverageTable } from '../core/content-check/coverage.js';
import { checkContent, type Finding } from '../core/content-check/index.js';
import { measureDefects } from '../core/content-check/measure.js';
import { checkLibrary } from '../core/library-check.js';
import { LP_IDS, type LpId, lpName } from '../core/lp.js';
import { parseFlags, UsageError } from './args.js';
import type { Io } from './io.js';
import { parseLp } from './score-command.js';
import { wrap } from './wrap.js';

const USAGE =
  'usage: star scenarios check [--lp ID] [--write] [--dir DIR] | star scenarios verify [--lp ID] [--dir DIR] | star scenarios list [--lp ID] [--json] [--dir DIR]';

export function runScenariosCommand(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  const { values, positionals } = parseFlags(rest, {
    dir: { type: 'string' },
    lp: { type: 'string' },
    json: { type: 'boolean' },
    write: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}". ${USAGE}`);
  const dir = values.dir ?? DEFAULT_SCENARIOS_DIR;
  if (sub === 'check') {
    return check(dir, parseLp(values.lp), values.write === true, io);
  }
  if (sub === 'verify') {
    return verify(dir, parseLp(values.lp), io);
  }
  if (sub === 'list') {
    return list(dir, parseLp(values.lp), values.json === true, io);
  }
  throw new UsageError(sub ? `unknown scenarios command "${sub}". ${USAGE}` : USAGE);
}

/**
 * Schema problems and content findings as `file: field: message [check]`, then the coverage
 * table and the defect counts. Every finding fails the check; `--lp` lists and enforces only one
 * LP's findings; `--write` puts the coverage table into the folder's README.md.
 */
function check(dir: string, lp: LpId | undefined, write: boolean, io: Io): number {
  const library = readLibrary(dir);
  const findings = checkContent(library.scenarios, library.banks);
  const failing = lp === undefined ? findings : findings.filter((f) => f.lp === lp);

  for (const problem of library.problems) io.err(formatProblem(problem));
  for (const finding of failing) io.err(formatFinding(finding, library, dir));

  const table = coverageTable(library.scenarios, library.banks);
  io.out('Coverage');
  for (const line of table) io.out(`  ${line}`);
  io.out('Defect counts (issue 13)');
  for (const row of measureDefects(library.scenarios, library.banks)) io.out(`  ${row.defect}: ${row.count}`);
  if (write) {
    const readme = path.join(dir, 'README.md');
    if (!existsSync(readme)) throw new UsageError(`no README.md in ${dir} to write the coverage table into`);
    writeCoverageTable(readme, table);
    io.out(`wrote the coverage table into ${path.relative(process.cwd(), readme) || readme}`);
  }

  const problems = library.problems.length + failing.length;
  if (problems > 0) {
    io.err(`${problems} problem(s) found`);
    return 1;
  }
  const bankTotal = library.banks.reduce((n, b) => n + b.questions.length, 0);
  io.out(`ok: ${library.scenarios.length} scenarios, ${bankTotal} bank questions`);
  return 0;
}

/** `file: field: message [check]`, the file being the scenario's, the LP's questions.yaml, its folder or the library. */
function formatFinding(finding: Finding, library: Library, dir: string): string {
  const file =
    (finding.scenarioId && library.files.get(finding.scenarioId)) ||
    (finding.bank && finding.lp && library.files.get(bankKey(finding.lp))) ||
    path.relative(process.cwd(), finding.lp ? path.join(dir, finding.lp) : dir) ||
    dir;
  return `${formatProblem({ file, field: finding.field, message: finding.message })} [${finding.check}]`;
}

function list(dir: string, lp: string | undefined, json: boolean, io: Io): number {
  const { scenarios } = loadLibrary(dir);
  const chosen = scenarios.filter((s) => lp === undefined || s.lp === lp);
  if (json) {
    io.out(JSON.stringify(chosen.map(({ id, lp, title, question, tags }) => ({ id, lp, title, question, tags }))));
    return 0;
  }
  // Grouped by LP, one scenario a line: its id (what --scenario takes) and title, wrapped.
  const width = Math.max(40, Math.min(100, io.columns ?? 80));
  for (const id of LP_IDS) {
    const ofLp = chosen.filter((s) => s.lp === id);
    if (ofLp.length === 0) continue;
    io.out(lpName(id));
    for (const s of ofLp) io.out(wrap(`${s.id}: ${s.title}`, width, '  ', '      ').join('\n'));
  }
  io.out(`${chosen.length} ${chosen.length === 1 ? 'scenario' : 'scenarios'}`);
  return 0;
}

const EXPECTED = {
  hire: 'lean-hire or better',
  'no-hire': 'lean-no-hire or worse with a flag',
  between: 'lean-hire or lean-no-hire, scoring between the weak and the strong answer',
} as const;

function verify(dir: string, lp: string | undefined, io: Io): number {
  const library = readLibrary(dir);
  for (const problem of library.problems) io.err(`skipped: ${formatProblem(problem)}`);
  const scenarios = library.scenarios.filter((s) => lp === undefined || s.lp === lp);
  const report = checkLibrary(scenarios, library.banks);
  for (const failure of report.failures) {
    const r = failure.result;
    const flags = r.flags.map((f) => `${f.id}${f.quote ? ` "${f.quote.slice(0, 40)}"` : ''}`).join(', ') || 'no flags';
    io.out(
      `FAIL ${failure.scenarioId}: ${failure.item}: expected ${EXPECTED[failure.expected]}, got ${r.verdict} ${r.overall} ${JSON.stringify(r.dimensions)}; flags: ${flags}`,
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
