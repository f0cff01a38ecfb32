import { scoreAnswer } from '../rubric/index.js';
import type { JudgedAnswer, Scenario } from '../scenario.js';
import { wordCount } from './text.js';
import type { Finding } from './types.js';

/** A weak reply to a probe is a plausible answer, not a one-liner. */
export const MIN_WEAK_PROBE_WORDS = 30;
/** A realistic weak answer has one or two main problems; past this many distinct flags it is a caricature. */
export const MAX_WEAK_FLAGS = 3;

export function checkWeakProbeReplies(scenario: Scenario): Finding[] {
  return scenario.probes.flatMap((probe, i) => {
    const words = wordCount(probe.weak.answer);
    return words >= MIN_WEAK_PROBE_WORDS
      ? []
      : [
          {
            check: 'weak-probe-length' as const,
            lp: scenario.lp,
            scenarioId: scenario.id,
            field: `probes.${i}.weak.answer`,
            message: `${words} words: a weak reply is what a real candidate says, ${MIN_WEAK_PROBE_WORDS} words or more, plausible and subtly wrong`,
          },
        ];
  });
}

/** The distinct rubric flags a weak answer raises at its own level. */
export function weakAnswerFlags(scenario: Scenario): string[] {
  const { answer, level } = scenario.weakAnswer;
  return [...new Set(scoreAnswer(answer, { scenario, level }).flags.map((f) => f.id))];
}

export function checkWeakAnswerFlags(scenario: Scenario): Finding[] {
  const flags = weakAnswerFlags(scenario);
  if (flags.length >= 1 && flags.length <= MAX_WEAK_FLAGS) return [];
  return [
    {
      check: 'weak-answer-flags',
      lp: scenario.lp,
      scenarioId: scenario.id,
      field: 'weakAnswer.answer',
      message:
        flags.length === 0
          ? 'raises no rubric flag: a weak answer must show at least one real problem'
          : `stacks ${flags.length} problems (${flags.join(', ')}): a realistic weak answer has one or two, at most ${MAX_WEAK_FLAGS} flags`,
    },
  ];
}

/** The stock ending of a caricatured answer: "I learned that communication is important", "… matters a lot". */
const LESSON =
  /\b(?:I (?:have |also |really )?(?:learned|learnt|realised|realized)|(?:it|this|that) (?:taught|showed) me|(?:my|the) (?:main |big )?lesson)\b/i;
const PLATITUDE = /\b(?:important|importance|matters?|key|crucial|essential|vital|is hard|a lot|always|good to)\b/i;

/** Whether an answer's last sentence is a lesson that is a platitude. */
export function endsWithImportantLesson(answer: string): boolean {
  const last =
    answer
      .trim()
      .split(/(?<=[.!?])\s+/)
      .at(-1) ?? '';
  return LESSON.test(last) && PLATITUDE.test(last);
}

// A verdict states the bar when it names the level or the bar, and says what would have reached hire.
const NAMES_THE_BAR = /\b(?:SDE ?1|SDE ?2|senior|the bar|this level|at (?:that|this) level)\b/i;
const SAYS_WHAT_WOULD_HIRE =
  /\bwould have (?:made|moved|earned|reached|got|lifted|turned|tipped|been)\b|\bto (?:reach|clear|get over|get to|meet|pass) (?:the bar|a hire|hire|lean hire)\b|\bfor a (?:lean |strong )?hire\b|\bwhat (?:was )?missing\b|\bwas missing\b|\bwould (?:make|turn|move|tip|lift) it\b|\bneeded (?:to|one|a|the)\b/i;

/** What a verdict lacks: naming the bar, saying what would have made it a hire. */
export function verdictGaps(judged: JudgedAnswer): string[] {
  const gaps: string[] = [];
  if (!NAMES_THE_BAR.test(judged.verdict)) gaps.push("name the level's bar (SDE1, SDE2, senior)");
  if (!SAYS_WHAT_WOULD_HIRE.test(judged.verdict)) gaps.push('say what was missing and what would have made it a hire');
  return gaps;
}

export function checkVerdicts(scenario: Scenario): Finding[] {
  const findings: Finding[] = [];
  for (const key of ['weakAnswer', 'nearBar'] as const) {
    const judged = scenario[key];
    if (!judged) continue;
    for (const gap of verdictGaps(judged))
      findings.push({
        check: 'verdict-bar',
        lp: scenario.lp,
        scenarioId: scenario.id,
        field: `${key}.verdict`,
        message: `the verdict should ${gap}`,
      });
  }
  return findings;
}
