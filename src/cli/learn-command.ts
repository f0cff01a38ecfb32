// `star learn` and `star quiz`: the walkthrough and the quiz of the Slack app, in the terminal.
import { loadLibrary } from '../content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../content/paths.js';
import { formatSeconds, PART_LABEL } from '../core/feedback.js';
import { LEVEL_NAMES, lpName, STAR_PARTS } from '../core/lp.js';
import type { Scenario } from '../core/scenario.js';
import { parseFlags, UsageError } from './args.js';
import type { Io } from './io.js';
import { scenarioFinder } from './scenario-finder.js';
import { parseLevel, parseLp } from './score-command.js';
import { wrap } from './wrap.js';

const LETTERS = 'ABCDE';
const width = (io: Io) => Math.max(40, Math.min(100, io.columns ?? 80));

function pickScenario(lpArg: string | undefined, id: string | undefined, pick: (n: number) => number): Scenario {
  if (id !== undefined) return scenarioFinder()(id);
  const lp = parseLp(lpArg);
  const pool = loadLibrary(DEFAULT_SCENARIOS_DIR).scenarios.filter((s) => lp === undefined || s.lp === lp);
  if (pool.length === 0) throw new UsageError('no scenario matches; see: star scenarios list');
  return pool[pick(pool.length)];
}

const random = (n: number) => Math.floor(Math.random() * n);

/** A model answer, step by step, ending with the command that practises the same question. */
export function runLearnCommand(args: string[], io: Io, pick: (n: number) => number = random): number {
  const { values, positionals } = parseFlags(args, {
    lp: { type: 'string' },
    scenario: { type: 'string' },
    level: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; see: star learn --help`);
  const level = parseLevel(values.level) ?? 'sde2';
  const scenario = pickScenario(values.lp, values.scenario, pick);
  const w = width(io);
  const para = (text: string, indent = '  ') => io.out(wrap(text, w, indent).join('\n'));
  const story = scenario.levels[level].story;
  para(`Walkthrough · ${lpName(scenario.lp)} · ${LEVEL_NAMES[level]} · ${scenario.title}`, '');
  io.out('');
  para(scenario.question, '');
  io.out('');
  para(scenario.overview);
  for (const part of STAR_PARTS) {
    const step = scenario.steps[part];
    io.out('');
    io.out(`${PART_LABEL[part]} (about ${formatSeconds(story[part].targetSeconds)})`);
    para(story[part].example);
    para(`Coaching: ${step.coaching}`, '    ');
    para(`Common mistake: ${step.commonMistake}`, '    ');
  }
  io.out('');
  io.out('A weak answer');
  para(scenario.weakAnswer.answer);
  for (const critique of scenario.weakAnswer.critiques) para(critique, '  • ');
  para(`The bar raiser: ${scenario.weakAnswer.verdict}`);
  io.out('');
  // One line however long, so it can be copied whole.
  io.out(`Practise this question: star practice --scenario ${scenario.id} --level ${level}`);
  return 0;
}

/** Multiple-choice questions read from the terminal; the story first when a question needs it. */
export async function runQuizCommand(args: string[], io: Io, pick: (n: number) => number = random): Promise<number> {
  const { values, positionals } = parseFlags(args, { lp: { type: 'string' }, count: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; see: star quiz --help`);
  const count = values.count === undefined ? 1 : Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 50)
    throw new UsageError('--count must be a whole number from 1 to 50');
  const w = width(io);
  let right = 0;
  let asked = 0;
  for (let n = 0; n < count; n++) {
    const scenario = pickScenario(values.lp, undefined, pick);
    const quiz = scenario.quiz[pick(scenario.quiz.length)];
    io.out(`Quiz ${n + 1} of ${count} · ${lpName(scenario.lp)}`);
    if (quiz.context) io.out(wrap(`The story: ${quiz.context}`, w, '  ').join('\n'));
    io.out(wrap(quiz.question, w).join('\n'));
    quiz.options.forEach((option, i) => {
      io.out(wrap(option, w, `  ${LETTERS[i]}. `).join('\n'));
    });
    let choice = -1;
    for (;;) {
      const line = await io.readLine(`Your answer (${LETTERS.slice(0, quiz.options.length).split('').join('/')}): `);
      if (line === undefined) {
        io.out('');
        io.out(asked > 0 ? `${right} of ${asked} right.` : 'No answer given.');
        return asked > 0 ? 0 : 1;
      }
      choice = LETTERS.indexOf(line.trim().toUpperCase());
      if (line.trim().length === 1 && choice >= 0 && choice < quiz.options.length) break;
      io.out(`Type one letter, A to ${LETTERS[quiz.options.length - 1]}.`);
    }
    asked++;
    if (choice === quiz.correct) right++;
    io.out(
      choice === quiz.correct
        ? 'Right.'
        : `Not quite: the answer is ${LETTERS[quiz.correct]}. ${quiz.options[quiz.correct]}`,
    );
    io.out(wrap(quiz.explanation, w, '  ').join('\n'));
    io.out(`From "${scenario.title}": star learn --scenario ${scenario.id}`);
    io.out('');
  }
  io.out(`${right} of ${asked} right.`);
  return 0;
}
