import { loadLibrary } from '../content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../content/paths.js';
import { fixSummary, formatSeconds, PART_LABEL, topFixes, VERDICT_LABEL } from '../core/feedback.js';
import { LEVEL_NAMES, lpName, STAR_PARTS } from '../core/lp.js';
import { chooseProbes } from '../core/probes.js';
import { buildCatalog } from '../core/questions.js';
import { scoreAnswer } from '../core/rubric/index.js';
import { targetSecondsFor } from '../core/rubric/timing.js';
import type { Scenario } from '../core/scenario.js';
import { parseFlags, UsageError } from './args.js';
import type { Io } from './io.js';
import { renderReport } from './report.js';
import { findScenario } from './scenario-finder.js';
import { parseLevel, parseLp } from './score-command.js';
import { wrap } from './wrap.js';

/** The line that ends an answer typed at the terminal (Ctrl-D, the end of input, does too). */
export const END_LINE = '.';

/**
 * Reads an answer of any number of lines and paragraphs, until a line holding only "." or the end
 * of input; undefined when nothing was typed.
 */
async function readAnswer(io: Io): Promise<string | undefined> {
  const lines: string[] = [];
  for (;;) {
    const line = await io.readLine(lines.length === 0 ? '> ' : '  ');
    if (line === undefined || line.trim() === END_LINE) break;
    lines.push(line);
  }
  const text = lines.join('\n').trim();
  return text === '' ? undefined : text;
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
  const { scenarios, banks } = loadLibrary(DEFAULT_SCENARIOS_DIR);
  const pool =
    values.scenario === undefined
      ? scenarios.filter((s) => lp === undefined || s.lp === lp)
      : [findScenario(scenarios, values.scenario)];
  if (pool.length === 0) throw new UsageError('no scenario matches; see: star scenarios list');
  const scenario: Scenario = pool[pick(pool.length)];
  const w = Math.max(40, Math.min(100, io.columns ?? 80));
  const targets = targetSecondsFor(level, scenario);

  io.out(`${lpName(scenario.lp)} · ${LEVEL_NAMES[level]}`);
  io.out('');
  io.out(wrap(scenario.question, w).join('\n'));
  io.out('');
  const total = Object.values(targets).reduce((a, b) => a + b, 0);
  const parts = STAR_PARTS.map((p) => `${PART_LABEL[p]} ${formatSeconds(targets[p])}`).join(', ');
  io.out(wrap(`Aim for about ${formatSeconds(total)}: ${parts}.`, w).join('\n'));
  io.out(
    wrap(
      `Type or paste your answer; blank lines are fine. End it with a line holding only "${END_LINE}"${io.stdinIsTTY ? ' or Ctrl-D' : ''}.`,
      w,
    ).join('\n'),
  );
  const answer = await readAnswer(io);
  if (answer === undefined) {
    io.err('star: no answer given; practice ended');
    return 1;
  }
  const result = scoreAnswer(answer, { scenario, level, question: scenario.question });
  io.out('');
  for (const line of renderReport(answer, result, io.color, io.columns)) io.out(line);

  // Follow-ups chosen by what the answer left out, as in Slack.
  const question = buildCatalog([scenario], banks).get(scenario.id);
  const probes = question ? chooseProbes(question, { text: answer, result }, 3) : [];
  let probeScores = 0;
  let answered = 0;
  for (const [i, probe] of probes.entries()) {
    io.out('');
    io.out(wrap(`Follow-up ${i + 1} of ${probes.length}: ${probe.question}`, w).join('\n'));
    io.out(`(a line holding only "${END_LINE}" skips it)`);
    const reply = await readAnswer(io);
    if (reply === undefined) {
      if (probe.strong) io.out(wrap(`Skipped. A strong reply: ${probe.strong.answer}`, w).join('\n'));
      else io.out(wrap(`Skipped. A good reply gives: ${probe.probes}`, w).join('\n'));
      continue;
    }
    const probeResult = scoreAnswer(reply, { scenario, level, kind: 'probe', question: probe.question });
    answered++;
    probeScores += probeResult.overall;
    io.out(`${VERDICT_LABEL[probeResult.verdict]} · ${probeResult.overall}/100`);
    for (const item of topFixes(probeResult)) {
      io.out(
        wrap(`${item.label}. ${item.quotes[0] ? `You said "${item.quotes[0]}".` : fixSummary(item)}`, w, '  • ').join(
          '\n',
        ),
      );
      io.out(wrap(item.fix, w, '    → ', '      ').join('\n'));
    }
    io.out(wrap(`This probes: ${probe.probes}`, w).join('\n'));
    if (probe.strong) io.out(wrap(`Takeaway: ${probe.strong.takeaway}`, w).join('\n'));
  }
  io.out('');
  io.out(
    `Done. Answer: ${VERDICT_LABEL[result.verdict]} · ${result.overall}/100${answered > 0 ? `; follow-ups: ${answered} answered, average ${Math.round(probeScores / answered)}/100` : ''}.`,
  );
  return 0;
}
