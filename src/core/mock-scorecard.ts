// The interviewer's scorecard after a live mock: each rubric dimension on a 1–4 scale with
// anchors, the flags they heard, a recommendation in the rubric's four verdicts, and two notes.
// When the candidate also pastes their answer, the rubric's view is set beside it: where the two
// agree and where they differ.
import type { StoredFlag } from './domain.js';
import {
  DIMENSIONS,
  type Dimension,
  FLAG_IDS,
  type FlagId,
  isHireVerdict,
  VERDICTS,
  type Verdict,
} from './rubric/index.js';

export const RATINGS = [1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];

/** What each point of the scale means per dimension; each fits a radio button (75 characters with its number). */
export const RATING_ANCHORS: Record<Dimension, Record<Rating, string>> = {
  ownership: {
    1: 'A team story; their own part never came out',
    2: 'Some steps of their own, mostly “we”',
    3: 'Clear actions and decisions of their own',
    4: 'Owned it end to end, past where their job stopped',
  },
  impact: {
    1: 'No result, or none anyone could check',
    2: 'A result, but no numbers',
    3: 'A measured before and after',
    4: 'Measured, and what it meant for customers or the business',
  },
  structure: {
    1: 'Hard to follow; parts missing',
    2: 'All there, but out of order or padded',
    3: 'Clear situation, task, action, result',
    4: 'Tight: every part earned its time',
  },
  delivery: {
    1: 'Hesitant or rambling, far over time',
    2: 'Some hedging or filler; ran long',
    3: 'Confident and on time',
    4: 'Crisp and specific, also under probing',
  },
  reflection: {
    1: 'No lesson, or a platitude',
    2: 'A lesson, but one any story could teach',
    3: 'A lesson only this story could teach',
    4: 'A change they made that outlived the story',
  },
};

/** The longest note kept (what went well, what to improve). */
export const MAX_NOTE_CHARS = 2000;

export interface Scorecard {
  ratings: Record<Dimension, Rating>;
  flags: FlagId[];
  verdict: Verdict;
  wentWell: string;
  toImprove: string;
}

/** A scorecard as the modal hands it over: every field a string, any of them missing. */
export interface RawScorecard {
  ratings: Partial<Record<string, string | undefined>>;
  flags: readonly string[];
  verdict: string | undefined;
  wentWell: string | undefined;
  toImprove: string | undefined;
}

export type ParsedScorecard = { ok: true; value: Scorecard } | { ok: false; errors: Record<string, string> };

const isRating = (n: number): n is Rating => (RATINGS as readonly number[]).includes(n);

/** Checks a submitted scorecard; errors are keyed by field (`ratings.ownership`, `verdict`, `flags`, notes). */
export function parseScorecard(raw: RawScorecard): ParsedScorecard {
  const errors: Record<string, string> = {};
  const ratings = {} as Record<Dimension, Rating>;
  for (const d of DIMENSIONS) {
    const n = Number(raw.ratings[d]);
    if (isRating(n)) ratings[d] = n;
    else errors[`ratings.${d}`] = 'Pick a point from 1 to 4.';
  }
  const verdict = VERDICTS.find((v) => v === raw.verdict);
  if (!verdict) errors.verdict = 'Pick a recommendation.';
  const unknown = raw.flags.filter((f) => !(FLAG_IDS as readonly string[]).includes(f));
  if (unknown.length > 0) errors.flags = `Unknown flag: ${unknown.join(', ')}.`;
  const note = (key: 'wentWell' | 'toImprove') => {
    const text = (raw[key] ?? '').trim();
    if (text.length > MAX_NOTE_CHARS) errors[key] = `Keep it under ${MAX_NOTE_CHARS} characters.`;
    return text;
  };
  const wentWell = note('wentWell');
  const toImprove = note('toImprove');
  if (Object.keys(errors).length > 0 || !verdict) return { ok: false, errors };
  return {
    ok: true,
    value: { ratings, flags: [...new Set(raw.flags)] as FlagId[], verdict, wentWell, toImprove },
  };
}

/**
 * The rubric's 0–100 dimension score on the scorecard's 1–4 scale. The bands follow the rubric's
 * own verdict lines for SDE2 (50, 70, 85), so "3" means what a lean hire means there.
 */
export function ratingFromScore(score: number): Rating {
  if (score >= 85) return 4;
  if (score >= 70) return 3;
  if (score >= 50) return 2;
  return 1;
}

export type Agreement = 'agree' | 'close' | 'differ';

export interface Comparison {
  dimensions: { dimension: Dimension; interviewer: Rating; rubric: Rating; agreement: Agreement }[];
  flags: { both: string[]; interviewerOnly: string[]; rubricOnly: string[] };
  verdict: { interviewer: Verdict; rubric: Verdict; agreement: Agreement };
}

/**
 * Where the interviewer and the rubric agree: a dimension agrees on the same point, is close one
 * point apart, differs beyond; verdicts agree when equal, are close on the same side of hire.
 */
export function compareWithRubric(
  card: { ratings: Record<Dimension, number>; flags: readonly string[]; verdict: Verdict },
  rubric: { dimensions: Record<string, number>; flags: readonly Pick<StoredFlag, 'id'>[]; verdict: Verdict },
): Comparison {
  const dimensions = DIMENSIONS.map((dimension) => {
    const given = Math.round(card.ratings[dimension]);
    const interviewer: Rating = isRating(given) ? given : given > 4 ? 4 : 1;
    const fromRubric = ratingFromScore(rubric.dimensions[dimension] ?? 0);
    const gap = Math.abs(interviewer - fromRubric);
    return {
      dimension,
      interviewer,
      rubric: fromRubric,
      agreement: (gap === 0 ? 'agree' : gap === 1 ? 'close' : 'differ') as Agreement,
    };
  });
  const heard = new Set<string>(card.flags);
  const found = new Set(rubric.flags.map((f) => f.id));
  const verdictAgreement: Agreement =
    card.verdict === rubric.verdict
      ? 'agree'
      : isHireVerdict(card.verdict) === isHireVerdict(rubric.verdict)
        ? 'close'
        : 'differ';
  return {
    dimensions,
    flags: {
      both: [...heard].filter((f) => found.has(f)),
      interviewerOnly: [...heard].filter((f) => !found.has(f)),
      rubricOnly: [...found].filter((f) => !heard.has(f)),
    },
    verdict: { interviewer: card.verdict, rubric: rubric.verdict, agreement: verdictAgreement },
  };
}
