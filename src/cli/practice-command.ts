import { loadLibrary } from '../content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../content/paths.js';
import { LEVEL_NAMES, lpName } from '../core/lp.js';
import { scoreAnswer } from '../core/rubric/index.js';
import { targetSecondsFor } from '../core/rubric/timing.js';
import type { Scenario } from '../core/scenario.js';
import { parseFlags, UsageError } from './args.js';
import type { Io } from './io.js';
import { renderReport } from './report.js';
import { parseLevel, parseLp } from './score-command.js';

/** Reads lines until an empty line (or end of input); undefined when nothing was typed at all. */
async function readAnswer(io: Io): Promise<string | undefined> {
  const lines: string[] = [];
  for (;;) {
    const line = await io.readLine(lines.length === 0 ? '> ' : '  ');
    if (line === undefined || line.trim() === '') break;
    lines.push(line);
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

export async function runPracticeCommand(
  args: string[],
  io: Io,
  pick: (n: number) => number = (n) => Math.floor(Math.random() * n),
): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    lp: { type: 'string' },
    level: { type: 'string' },
    scenario: { type: 'string' },
  });
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}"; usage: star practice [--lp ID] [--level LEVEL]`);
  const lp = parseLp(values.lp);
  const level = parseLevel(values.level) ?? 'sde2';
  const { scenarios } = loadLibrary(DEFAULT_SCENARIOS_DIR);
  const pool = scenarios.filter(
    (s) => (lp === undefined || s.lp === lp) && (values.scenario === undefined || s.id === values.scenario),
  );
  if (pool.length === 0) throw new UsageError('no scenario matches; see: star scenarios list');
  const scenario: Scenario = pool[pick(pool.length)];
  const targets = targetSecondsFor(level, scenario);

  io.out(`${lpName(scenario.lp)} · ${LEVEL_NAMES[level]}`);
  io.out('');
  io.out(scenario.question);
  io.out('');
  io.out(
    `Aim for about ${Object.values(targets).reduce((a, b) => a + b, 0)} s: Situation ${targets.situation} s, Task ${targets.task} s, Action ${targets.action} s, Result ${targets.result} s, Reflection ${targets.reflection} s.`,
  );
  io.out('Type your answer; finish with an empty line.');
  const answer = await readAnswer(io);
  if (answer === undefined) {
    io.err('star: no answer given; practice ended');
    return 1;
  }
  const result = scoreAnswer(answer, { scenario, level, question: scenario.question });
  io.out('');
  for (const line of renderReport(answer, result, io.color, io.columns)) io.out(line);

  let probeScores = 0;
  let answered = 0;
  for (const [i, probe] of scenario.probes.entries()) {
    io.out('');
    io.out(`Follow-up ${i + 1} of ${scenario.probes.length}: ${probe.question}`);
    io.out('(an empty line skips it)');
    const reply = await readAnswer(io);
    if (reply === undefined) {
      io.out(`Skipped. A strong answer: ${probe.strong.answer}`);
      continue;
    }
    const probeResult = scoreAnswer(reply, { scenario, level, kind: 'probe', question: probe.question });
    answered++;
    probeScores += probeResult.overall;
    io.out(`${probeResult.verdict} ${probeResult.overall}/100`);
    for (const flag of probeResult.flags) io.out(`  ${flag.id}: "${flag.quote}" → ${flag.fix}`);
    io.out(`This probes: ${probe.probes}`);
    io.out(`Takeaway: ${probe.strong.takeaway}`);
  }
  io.out('');
  io.out(
    `Done. Answer: ${result.verdict} ${result.overall}/100${answered > 0 ? `; follow-ups: ${answered} answered, average ${Math.round(probeScores / answered)}/100` : ''}.`,
  );
  return 0;
}
