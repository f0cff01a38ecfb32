import type { LpId } from '../lp.js';
import type { Scenario } from '../scenario.js';
import { endsWithImportantLesson } from './answers.js';
import { allTexts } from './text.js';
import type { Finding } from './types.js';

/** A phrase the library leaned on until it became a template; each LP may use it this often. */
export interface TemplatedPhrase {
  label: string;
  maxPerLp: number;
  /** Where in a scenario the phrase is used, or null. */
  find(scenario: Scenario): string | null;
}

const inAnyText = (pattern: RegExp) => (scenario: Scenario) =>
  allTexts(scenario).find((t) => pattern.test(t.text))?.field ?? null;

export const TEMPLATED_PHRASES: TemplatedPhrase[] = [
  {
    label: '"the root cause was"',
    maxPerLp: 1,
    find: inAnyText(/\bthe (?:real |deeper |actual |underlying )?root cause was\b/i),
  },
  {
    label: 'the "small cost rather than disaster" trade-off',
    maxPerLp: 1,
    // "The trade-off was an hour a quarter, rather than the next 3 a.m. outage."
    find: inAnyText(/\b(?:trade-?off|at the cost of|traded|trading)\b[^.]{0,220}\brather than\b/i),
  },
  {
    label: 'a weak answer ending "I learned that X is important"',
    maxPerLp: 1,
    find: (scenario) => {
      if (endsWithImportantLesson(scenario.weakAnswer.answer)) return 'weakAnswer.answer';
      return scenario.nearBar && endsWithImportantLesson(scenario.nearBar.answer) ? 'nearBar.answer' : null;
    },
  },
];

/** Per LP: a templated phrase in more scenarios than it allows (the first uses are let through). */
export function checkTemplatedPhrases(lp: LpId, scenarios: readonly Scenario[]): Finding[] {
  const findings: Finding[] = [];
  for (const phrase of TEMPLATED_PHRASES) {
    const uses = scenarios.flatMap((s) => {
      const field = phrase.find(s);
      return field ? [{ s, field }] : [];
    });
    for (const { s, field } of uses.slice(phrase.maxPerLp))
      findings.push({
        check: 'templated-phrase',
        lp,
        scenarioId: s.id,
        field,
        message: `uses ${phrase.label}, as do ${uses.length - 1} other ${lp} scenario(s) (at most ${phrase.maxPerLp} per LP): say it in this story's own terms`,
      });
  }
  return findings;
}

/** The common mistake every scenario used to give for these parts, whatever the story. */
export const STOCK_MISTAKES = {
  // "Explaining the architecture before the problem", "saying it was slow without a number".
  situation:
    /\b(?:architecture|in (?:technical )?detail|component by component|how (?:[a-z-]+ ){0,3}works?|minute by minute|the first minute|before (?:saying|getting|reaching)|lecture|in depth|without (?:a|any) (?:single )?(?:number|figure|rate|baseline)|with no (?:number|rate|figure))\b/i,
  // A quoted platitude ("I learned that X is important") called generic.
  reflection:
    /\b(?:generic|slogan|platitude|any (?:story|incident|project|candidate|manager|job|feedback)|every (?:story|project|candidate|manager|job)|could (?:close|come|end|apply)|says nothing|tells the interviewer nothing|nobody disagrees|already (?:knows|agrees)|forgettable|repeats|restates)\b/i,
} as const;
/** Each LP may give the stock mistake for a part this often; the rest must be specific to their story. */
export const MAX_STOCK_MISTAKES_PER_LP = 1;

export function usesStockMistake(scenario: Scenario, part: keyof typeof STOCK_MISTAKES): boolean {
  return STOCK_MISTAKES[part].test(scenario.steps[part].commonMistake);
}

export function checkStockMistakes(lp: LpId, scenarios: readonly Scenario[]): Finding[] {
  const findings: Finding[] = [];
  for (const part of Object.keys(STOCK_MISTAKES) as (keyof typeof STOCK_MISTAKES)[]) {
    const stock = scenarios.filter((s) => usesStockMistake(s, part));
    for (const s of stock.slice(MAX_STOCK_MISTAKES_PER_LP))
      findings.push({
        check: 'stock-mistake',
        lp,
        scenarioId: s.id,
        field: `steps.${part}.commonMistake`,
        message: `gives the stock ${part} mistake (${part === 'situation' ? 'too much background' : 'a generic lesson'}), as ${stock.length - 1} other ${lp} scenario(s) do: name the mistake candidates make with this story`,
      });
  }
  return findings;
}
