// A byte-for-byte guard for speed work on the rubric: scores a fixed set of answers and writes (or
// checks against) the full JSON of every scoring: score, verdict, every flag with its quote,
// offsets, part and occurrences, strengths, part timings, and the scorecard features `star eval`
// and `star calibrate` fit on.
//
//   npx tsx bench/rubric-golden.ts write DIR [DEV_FILE]   record the golden output (on the old code)
//   npx tsx bench/rubric-golden.ts check DIR [DEV_FILE]   score again and count the differences, and
//                                                          check the literal prefilter on every input
//
// The sets: the bench corpus (bench/rubric-corpus.ts), the hold-out and negation fixtures, the
// development set when its path is given (it lives outside the repository: nothing here reads it
// by default), and the library's model, weak and near-bar answers with their scenarios; each as
// written, in one paragraph, in lower case without punctuation and with CRLF line ends; at every
// level, with and without the question where the input has one. The negation sentences and the
// library's probe replies are also scored as probe replies.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lpFromName } from '../src/cli/lp-names.js';
import { loadLibrary } from '../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../src/content/paths.js';
import { LEVELS } from '../src/core/lp.js';
import { type AnswerKind, analyseAnswer, finishScore, type ScoreOptions } from '../src/core/rubric/index.js';
import { modelAnswer, type Scenario } from '../src/core/scenario.js';
import { prefilterProblems } from '../test/helpers/prefilter-soundness.js';
import { benchCorpus } from './rubric-corpus.js';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Input {
  text: string;
  lp?: string;
  question?: string;
  scenario?: Scenario;
  kind?: AnswerKind;
}

const VARIANTS: Record<string, (text: string) => string> = {
  'as-written': (t) => t,
  'one-paragraph': (t) => t.replace(/[ \t]*\r?\n[\s]*/g, ' '),
  'lower-no-punctuation': (t) =>
    t
      .replace(/[ \t]*\r?\n[\s]*/g, ' ')
      .toLowerCase()
      .replace(/[.,!?;:]/g, ''),
  crlf: (t) => t.replace(/\r?\n/g, '\r\n'),
};

function readJsonLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function labelledInputs(file: string): Input[] {
  return readJsonLines(file).map((row) => ({
    text: row.text as string,
    lp: row.lp as string | undefined,
    question: row.question as string | undefined,
  }));
}

/** Every scoring of one set of inputs, one JSON line each, keyed by input, variant, level and question. */
function* scorings(name: string, inputs: readonly Input[], levels = LEVELS): Generator<string> {
  for (const [i, input] of inputs.entries()) {
    for (const [variant, transform] of Object.entries(VARIANTS)) {
      const text = transform(input.text);
      for (const level of levels) {
        for (const withQuestion of input.question === undefined ? [false] : [true, false]) {
          const lp = input.lp === undefined ? undefined : (lpFromName(input.lp) ?? undefined);
          const options: ScoreOptions = {
            lp,
            level,
            scenario: input.scenario,
            kind: input.kind,
            question: withQuestion ? input.question : undefined,
          };
          const analysis = analyseAnswer(text, options);
          const result = finishScore(analysis);
          yield JSON.stringify({
            key: `${name}#${i}/${variant}/${level}/${withQuestion ? 'question' : 'no-question'}`,
            features: analysis.features,
            result,
          });
        }
      }
    }
  }
}

function sets(devFile: string | undefined): [string, Input[]][] {
  const library = loadLibrary(DEFAULT_SCENARIOS_DIR);
  const fixtures = path.join(ROOT, 'test/fixtures/rubric');
  const negation = labelledInputs(path.join(fixtures, 'negation.jsonl'));
  const libraryAnswers: Input[] = library.scenarios.flatMap((scenario) => [
    ...LEVELS.map((level) => ({ text: modelAnswer(scenario, level), scenario, question: scenario.question })),
    { text: scenario.weakAnswer.answer, scenario, question: scenario.question },
    ...(scenario.nearBar ? [{ text: scenario.nearBar.answer, scenario, question: scenario.question }] : []),
  ]);
  const probes: Input[] = library.scenarios.flatMap((scenario) =>
    scenario.probes.flatMap((probe) => [
      { text: probe.weak.answer, scenario, question: probe.question, kind: 'probe' as const },
      { text: probe.strong.answer, scenario, question: probe.question, kind: 'probe' as const },
    ]),
  );
  const result: [string, Input[]][] = [
    ['bench', benchCorpus(library).map((c) => ({ text: c.text }))],
    ['holdout', labelledInputs(path.join(fixtures, 'holdout.jsonl'))],
    ['negation', negation],
    ['negation-probe', negation.map((n) => ({ ...n, kind: 'probe' as const }))],
    ['library', libraryAnswers],
    ['library-probe', probes],
  ];
  if (devFile) result.push(['dev', labelledInputs(devFile)]);
  return result;
}

function main() {
  const [mode, dir, devFile] = process.argv.slice(2);
  if ((mode !== 'write' && mode !== 'check') || !dir)
    throw new Error('usage: npx tsx bench/rubric-golden.ts write|check DIR [DEV_FILE]');
  if (mode === 'write') mkdirSync(dir, { recursive: true });
  let total = 0;
  let differences = 0;
  const started = performance.now();
  for (const [name, inputs] of sets(devFile)) {
    const lines = [...scorings(name, inputs)];
    total += lines.length;
    const file = path.join(dir, `${name}.jsonl`);
    if (mode === 'write') {
      writeFileSync(file, `${lines.join('\n')}\n`);
      console.log(`${name}: ${lines.length} scorings written`);
      continue;
    }
    if (!existsSync(file)) throw new Error(`${file} is missing: run write first`);
    const golden = readFileSync(file, 'utf8').split('\n').slice(0, -1);
    let setDifferences = Math.abs(golden.length - lines.length);
    for (let i = 0; i < Math.min(golden.length, lines.length); i++) {
      if (golden[i] === lines[i]) continue;
      if (setDifferences++ < 3) console.log(`differs: ${JSON.parse(lines[i]).key}`);
    }
    differences += setDifferences;
    console.log(`${name}: ${lines.length} scorings, ${setDifferences} differences`);
  }
  if (mode === 'check') {
    // The prefilter's soundness on every distinct input text and variant (the dev set included).
    const texts = new Set<string>();
    for (const [, inputs] of sets(devFile))
      for (const input of inputs) for (const transform of Object.values(VARIANTS)) texts.add(transform(input.text));
    const { problems, scans, skipped } = prefilterProblems([...texts]);
    for (const problem of problems.slice(0, 5)) console.log(`prefilter: ${problem}`);
    console.log(
      `prefilter: ${texts.size} texts, ${scans} pattern scans, ${skipped} skipped, ${problems.length} problems`,
    );
    differences += problems.length;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${mode === 'write' ? 'written' : 'checked'}: ${total} scorings in ${seconds} s, ${differences} differences`,
  );
  if (differences > 0) process.exitCode = 1;
}

main();
