import { LEADERSHIP_PRINCIPLES, LEVELS } from '../lp.js';
import type { QuestionBank, Scenario } from '../scenario.js';
import { MIN_FOLLOW_UPS } from '../scenario.js';
import { endsWithImportantLesson, MIN_WEAK_PROBE_WORDS, verdictGaps, weakAnswerFlags } from './answers.js';
import { figureConflicts, figuresPerAnswer } from './consistency.js';
import { COVERAGE } from './coverage.js';
import { sde1ScopeProblems, seniorSignals } from './levels.js';
import { correctIsUniqueLongest, correctToDistractorRatio, storyReferences } from './quiz.js';
import { spokenSeconds, wordCount } from './text.js';
import { targetsTotal } from './timing.js';
import { TEMPLATED_PHRASES, usesStockMistake } from './writing.js';

/** One measured defect of the library, as the issue names it, and how often it occurs. */
export interface DefectCount {
  id: string;
  defect: string;
  count: string;
}

const median = (values: number[]) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
const of = (n: number, total: number) => `${n} of ${total}`;

/**
 * Counts every defect issue 13 lists, over whatever library it is given, so the same command
 * gives the before and the after. Pure: the numbers depend only on the content.
 */
export function measureDefects(scenarios: readonly Scenario[], banks: readonly QuestionBank[]): DefectCount[] {
  const s = scenarios.length;
  const quizzes = scenarios.flatMap((sc) => sc.quiz.map((quiz) => ({ sc, quiz })));
  const q = quizzes.length;
  const rows: DefectCount[] = [];
  const row = (id: string, defect: string, count: string) => rows.push({ id, defect, count });

  const longest = quizzes.filter(({ quiz }) => correctIsUniqueLongest(quiz)).length;
  const ratio = mean(quizzes.map(({ quiz }) => correctToDistractorRatio(quiz)));
  row(
    'quiz-length',
    'quizzes whose correct option is the unique longest',
    `${of(longest, q)}; correct option ${ratio.toFixed(1)}× the distractors' mean length`,
  );
  const leaning = quizzes.filter(({ sc, quiz }) => storyReferences(quiz, sc).length > 0).length;
  const withContext = quizzes.filter(({ quiz }) => quiz.context).length;
  row(
    'quiz-story',
    'quizzes that lean on a story they do not show',
    `${of(leaning, q)} (${withContext} carry a context)`,
  );

  const identicalParts = (sc: Scenario) =>
    (['situation', 'task', 'action', 'result'] as const).filter((part) =>
      LEVELS.every((level) => sc.levels[level].story[part].example === sc.levels.sde1.story[part].example),
    ).length;
  const allSame = scenarios.filter((sc) => identicalParts(sc) === 4).length;
  const someSame = scenarios.filter((sc) => identicalParts(sc) > 0).length;
  row(
    'level-identical',
    'scenarios whose S, T, A and R are identical at all three levels',
    `${of(allSame, s)} (${someSame} share at least one part)`,
  );
  row(
    'level-sde1-scope',
    'SDE1 stories beyond SDE1 scope (executives, org-wide, many teams)',
    of(scenarios.filter((sc) => sde1ScopeProblems(sc).length > 0).length, s),
  );
  const signals = scenarios.map(seniorSignals);
  row(
    'level-senior-scope',
    'senior stories with no mechanism in the Action or Result (only in the reflection, or none)',
    of(signals.filter((x) => !x.mechanismInAction).length, s),
  );
  const [rootCause, smallCost, importantEnding] = TEMPLATED_PHRASES.map(
    (phrase) => scenarios.filter((sc) => phrase.find(sc) !== null).length,
  );
  row('templated-trade-off', 'scenarios using the "small cost rather than disaster" trade-off', of(smallCost, s));

  const flagCounts = scenarios.map((sc) => weakAnswerFlags(sc).length);
  row(
    'weak-answer-flags',
    'weak answers stacking more than 3 distinct rubric flags',
    `${of(flagCounts.filter((n) => n > 3).length, s)}; median ${median(flagCounts)} flags`,
  );
  row(
    'weak-answer-ending',
    'weak answers ending "I learned that X is important"',
    of(scenarios.filter((sc) => endsWithImportantLesson(sc.weakAnswer.answer)).length, s),
  );
  const probeWords = scenarios.flatMap((sc) => sc.probes.map((p) => wordCount(p.weak.answer)));
  row(
    'weak-probe-length',
    'weak probe replies under 30 words',
    `${of(probeWords.filter((n) => n < MIN_WEAK_PROBE_WORDS).length, probeWords.length)}; mean ${mean(probeWords).toFixed(0)} words`,
  );
  const verdicts = scenarios.flatMap((sc) => [sc.weakAnswer, ...(sc.nearBar ? [sc.nearBar] : [])]);
  row(
    'verdict-bar',
    'verdicts that state the bar and what would have made it a hire',
    of(verdicts.filter((v) => verdictGaps(v).length === 0).length, verdicts.length),
  );
  row('near-bar', 'scenarios with a near-the-bar answer', of(scenarios.filter((sc) => sc.nearBar).length, s));

  const conflicts = scenarios.map((sc) => figureConflicts(sc).length);
  row(
    'figures',
    'figures the stories contradict or do not contain (found by the figure check)',
    `${conflicts.reduce((a, b) => a + b, 0)} in ${conflicts.filter((n) => n > 0).length} scenarios`,
  );
  row(
    'figure-count',
    'figures in an SDE2 model answer',
    `median ${median(scenarios.map((sc) => figuresPerAnswer(sc).sde2))}`,
  );

  const industries = new Map<string, number>();
  for (const sc of scenarios)
    industries.set(sc.industry ?? 'not set', (industries.get(sc.industry ?? 'not set') ?? 0) + 1);
  const [topIndustry, topCount] = [...industries].filter(([k]) => k !== 'not set').sort((a, b) => b[1] - a[1])[0] ?? [
    '–',
    0,
  ];
  row(
    'coverage-industry',
    'the largest industry',
    `${topIndustry} ${of(topCount, s)} (${Math.round((100 * topCount) / Math.max(1, s))}%; at most 20% wanted)`,
  );
  const count = (pick: (sc: Scenario) => string | undefined, value: string) =>
    scenarios.filter((sc) => pick(sc) === value).length;
  row(
    'coverage-roles',
    'mobile-android against mobile-ios narrators; QA, SRE, security, manager, operations',
    `${count((sc) => sc.role, 'mobile-android')} against ${count((sc) => sc.role, 'mobile-ios')}; qa ${count((sc) => sc.role, 'qa')}, sre ${count((sc) => sc.role, 'sre')}, security ${count((sc) => sc.role, 'security')}, engineering-manager ${count((sc) => sc.role, 'engineering-manager')}, operations ${count((sc) => sc.role, 'operations')}`,
  );
  row(
    'coverage-narrators',
    'narrators by level (sde1 / sde2 / senior / manager)',
    ['sde1', 'sde2', 'senior', 'manager'].map((n) => count((sc) => sc.narrator, n)).join(' / '),
  );
  const perLp = LEADERSHIP_PRINCIPLES.map((lp) => scenarios.filter((sc) => sc.lp === lp.id).length);
  row(
    'coverage-lps',
    `LPs with at least ${COVERAGE.minScenariosPerLp} scenarios`,
    `${of(perLp.filter((n) => n >= COVERAGE.minScenariosPerLp).length, perLp.length)} (${s} scenarios)`,
  );

  const variants = scenarios.flatMap((sc) => LEVELS.map((level) => ({ sc, level })));
  const mismatched = variants.filter(({ sc, level }) => targetsTotal(sc, level) !== sc.levels[level].timeBudgetSeconds);
  const sums = [...new Set(variants.map(({ sc, level }) => targetsTotal(sc, level)))].sort((a, b) => a - b);
  row(
    'step-budget',
    "level variants whose step targets do not add up to the level's budget",
    `${of(mismatched.length, variants.length)} (targets add up to ${sums.slice(0, 4).join(', ')}${sums.length > 4 ? '…' : ''} s)`,
  );
  const actions = variants.map(({ sc, level }) => sc.levels[level].story.action);
  row(
    'step-length',
    'Action example: median spoken time against median target',
    `${median(actions.map((a) => spokenSeconds(a.example)))} s against ${median(actions.map((a) => a.targetSeconds))} s`,
  );
  row(
    'stock-mistake',
    'Situation / Reflection common mistakes on the stock theme',
    `${usesStockCount(scenarios, 'situation')} / ${usesStockCount(scenarios, 'reflection')} of ${s}`,
  );
  row('templated-root-cause', 'scenarios using "the root cause was"', of(rootCause, s));
  row('templated-important', 'scenarios whose weak or near-bar answer ends "… is important"', of(importantEnding, s));
  row(
    'follow-ups',
    `LPs with at least ${MIN_FOLLOW_UPS} LP-level follow-ups tagged by gap`,
    of(
      LEADERSHIP_PRINCIPLES.filter((lp) => (banks.find((b) => b.lp === lp.id)?.followUps.length ?? 0) >= MIN_FOLLOW_UPS)
        .length,
      LEADERSHIP_PRINCIPLES.length,
    ),
  );
  return rows;
}

function usesStockCount(scenarios: readonly Scenario[], part: 'situation' | 'reflection'): number {
  return scenarios.filter((sc) => usesStockMistake(sc, part)).length;
}
