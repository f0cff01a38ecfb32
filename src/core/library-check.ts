import { LEVELS } from './lp.js';
import { isHireVerdict, type RubricResult, scoreAnswer } from './rubric/index.js';
import { modelAnswer, type QuestionBank, type Scenario } from './scenario.js';
import { findNearDuplicates } from './similarity.js';

export interface LibraryCheckFailure {
  scenarioId: string;
  /** What was checked, e.g. "strong answer (senior)" or "probe 2 weak answer". */
  item: string;
  /** hire: lean-hire or better; no-hire: lean-no-hire or worse with a flag; between: a middle band, scoring between the weak and the strong answer. */
  expected: 'hire' | 'no-hire' | 'between';
  result: RubricResult;
}

export interface LibraryCheckReport {
  checked: number;
  failures: LibraryCheckFailure[];
  duplicates: { a: string; b: string; similarity: number }[];
}

/**
 * The library-wide promise: every strong answer scores lean-hire or better at its level, every
 * weak answer lean-no-hire or worse with at least one flag, every near-the-bar answer in a middle
 * band (lean hire or lean no hire) scoring strictly between the weak answer and that level's
 * model answer, and no two questions are near-duplicates.
 */
export function checkLibrary(scenarios: readonly Scenario[], banks: readonly QuestionBank[]): LibraryCheckReport {
  const failures: LibraryCheckFailure[] = [];
  let checked = 0;
  const expectHire = (scenario: Scenario, item: string, result: RubricResult) => {
    checked++;
    if (!isHireVerdict(result.verdict)) failures.push({ scenarioId: scenario.id, item, expected: 'hire', result });
  };
  const expectNoHire = (scenario: Scenario, item: string, result: RubricResult) => {
    checked++;
    if (isHireVerdict(result.verdict) || result.flags.length === 0)
      failures.push({ scenarioId: scenario.id, item, expected: 'no-hire', result });
  };
  for (const scenario of scenarios) {
    const strong = Object.fromEntries(
      LEVELS.map((level) => [level, scoreAnswer(modelAnswer(scenario, level), { scenario, level })]),
    ) as Record<(typeof LEVELS)[number], RubricResult>;
    for (const level of LEVELS) expectHire(scenario, `strong answer (${level})`, strong[level]);
    const weak = scoreAnswer(scenario.weakAnswer.answer, { scenario, level: scenario.weakAnswer.level });
    expectNoHire(scenario, `weak answer (${scenario.weakAnswer.level})`, weak);
    if (scenario.nearBar) {
      const { level } = scenario.nearBar;
      const near = scoreAnswer(scenario.nearBar.answer, { scenario, level });
      checked++;
      const middle = near.verdict === 'lean-hire' || near.verdict === 'lean-no-hire';
      const weakAtLevel = scoreAnswer(scenario.weakAnswer.answer, { scenario, level });
      if (!middle || near.overall <= weakAtLevel.overall || near.overall >= strong[level].overall)
        failures.push({
          scenarioId: scenario.id,
          item: `near-the-bar answer (${level})`,
          expected: 'between',
          result: near,
        });
    }
    scenario.probes.forEach((probe, i) => {
      const options = { scenario, kind: 'probe' as const, question: probe.question };
      expectHire(scenario, `probe ${i + 1} strong answer`, scoreAnswer(probe.strong.answer, options));
      expectNoHire(scenario, `probe ${i + 1} weak answer`, scoreAnswer(probe.weak.answer, options));
    });
  }
  const questions = [
    ...scenarios.map((s) => ({ id: s.id, question: s.question })),
    ...banks.flatMap((b) => b.questions.map((q) => ({ id: q.id, question: q.question }))),
  ];
  const duplicates = findNearDuplicates(questions).map((d) => ({ a: d.a.id, b: d.b.id, similarity: d.similarity }));
  return { checked, failures, duplicates };
}
