import { LEVELS } from './lp.js';
import { isHireVerdict, type RubricResult, scoreAnswer } from './rubric/index.js';
import { modelAnswer, type QuestionBank, type Scenario } from './scenario.js';
import { findNearDuplicates } from './similarity.js';

export interface LibraryCheckFailure {
  scenarioId: string;
  /** What was checked, e.g. "strong answer (senior)" or "probe 2 weak answer". */
  item: string;
  expected: 'hire' | 'no-hire';
  result: RubricResult;
}

export interface LibraryCheckReport {
  checked: number;
  failures: LibraryCheckFailure[];
  duplicates: { a: string; b: string; similarity: number }[];
}

/**
 * The library-wide promise: every strong answer scores lean-hire or better at its level, every
 * weak answer lean-no-hire or worse with at least one flag, and no two questions are near-duplicates.
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
    for (const level of LEVELS) {
      expectHire(scenario, `strong answer (${level})`, scoreAnswer(modelAnswer(scenario, level), { scenario, level }));
    }
    expectNoHire(scenario, 'weak answer', scoreAnswer(scenario.weakAnswer.answer, { scenario, level: 'sde2' }));
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
