// Which follow-up questions fit an answer. An interviewer reaches for what the answer lacks: no
// number means a question about the measurement, "we" means a question about your own part. The
// LP's follow-ups are true of any story, so they are the default; a scenario's own probes assume
// its facts, so they are asked only when the answer tells that scenario's story.
import type { LpId } from './lp.js';
import type { CatalogProbe } from './questions.js';
import type { FlagId, RubricResult, StrengthId } from './rubric/index.js';
import type { FollowUp, Scenario } from './scenario.js';
import { FOLLOW_UP_GAPS } from './scenario-vocabulary.js';
import { contentWords } from './similarity.js';

export type FollowUpGap = (typeof FOLLOW_UP_GAPS)[number];

/** The gap a flag points at: the follow-up an interviewer would ask next. */
const GAP_OF_FLAG: Partial<Record<FlagId, FollowUpGap>> = {
  'no-metric': 'measurement',
  'vague-result': 'measurement',
  'we-language': 'own-part',
  handoff: 'own-part',
  'manager-directed': 'own-part',
  'no-scope-boundary': 'scope',
  'generic-reflection': 'differently',
  blame: 'failure',
  hedging: 'data',
};

/**
 * Which flagged gap an interviewer probes first: whose work it was decides everything after it,
 * then whether it worked (the number), then the boundary, then what was learned.
 */
const FLAGGED_ORDER: readonly FollowUpGap[] = ['own-part', 'measurement', 'scope', 'failure', 'differently', 'data'];

/** A strength that already answers the gap, so asking about it would repeat the answer. */
const GAP_OF_STRENGTH: Partial<Record<StrengthId, FollowUpGap>> = {
  'quantified-delta': 'measurement',
  'trade-off': 'trade-off',
  'scope-boundary': 'scope',
  'specific-reflection': 'differently',
  'systemic-reflection': 'differently',
};

/**
 * The gaps worth probing, most telling first: those the flags point at (in FLAGGED_ORDER), then the rest in the order interviewers usually reach for them, leaving out any gap a
 * strength already covers.
 */
export function gapsToProbe(result: Pick<RubricResult, 'flags' | 'strengths'>): FollowUpGap[] {
  const covered = new Set(result.strengths.map((s) => GAP_OF_STRENGTH[s.id]).filter((g) => g !== undefined));
  const flagged = FLAGGED_ORDER.filter((gap) => result.flags.some((f) => GAP_OF_FLAG[f.id] === gap));
  const rest = FOLLOW_UP_GAPS.filter((g) => !flagged.includes(g) && !covered.has(g));
  return [...flagged, ...rest];
}

/** Each scenario's story words, computed once: they are the same for every answer to it. */
const storyWordsOf = new WeakMap<Scenario, { story: Set<string>; question: Set<string> }>();

/**
 * The words a scenario's stories are told in, without the ones its question already gives away,
 * and the question's own words.
 */
function scenarioWords(scenario: Scenario): { story: Set<string>; question: Set<string> } {
  let words = storyWordsOf.get(scenario);
  if (!words) {
    const told = [scenario.overview, scenario.title];
    for (const level of Object.values(scenario.levels))
      for (const part of Object.values(level.story)) told.push(part.example, ...part.keyPhrases);
    const question = contentWords(scenario.question);
    const story = contentWords(told.join(' '));
    for (const w of question) story.delete(w);
    words = { story, question };
    storyWordsOf.set(scenario, words);
  }
  return words;
}

/**
 * How much of an answer is the scenario's story, 0 to 1: the share of the answer's content words
 * (beyond the question's own) that the scenario's stories also use.
 */
export function storySimilarity(answer: string, scenario: Scenario): number {
  const { story, question } = scenarioWords(scenario);
  const words = contentWords(answer);
  for (const w of question) words.delete(w);
  if (words.size < 8) return 0;
  let shared = 0;
  for (const w of words) if (story.has(w)) shared++;
  return shared / words.size;
}

/** At or above this similarity an answer tells the scenario's own story (on the library: a model answer scores 1, the weak and near-bar answers 0.47 to 1, mostly above 0.56, another story of the same LP 0.19 to 0.54). */
export const TELLS_SCENARIO_THRESHOLD = 0.55;

/** A follow-up as the session asks it. */
export function followUpProbe(f: FollowUp): CatalogProbe {
  return { question: f.question, probes: f.listensFor };
}

export interface ProbeSource {
  lp: LpId;
  /** The LP's follow-ups, true of any story. */
  followUps: readonly FollowUp[];
  /** The question's own probes (a scenario's assume its story). */
  probes: readonly CatalogProbe[];
  scenario?: Scenario;
}

/**
 * The follow-ups for one answer, `count` of them when there are enough: one per gap the answer
 * leaves, most telling first; the scenario's own probes after the flagged gaps when the answer
 * tells that story. A question-bank question's probes assume no story, so they stand in for
 * missing follow-ups. Deterministic: the same answer gets the same follow-ups.
 */
export function chooseProbes(
  source: ProbeSource,
  answer: { text: string; result: Pick<RubricResult, 'flags' | 'strengths'> },
  count: number,
): CatalogProbe[] {
  const gaps = gapsToProbe(answer.result);
  const flaggedCount = gaps.filter((g) => answer.result.flags.some((f) => GAP_OF_FLAG[f.id] === g)).length;
  const byGap = (gap: FollowUpGap) => source.followUps.find((f) => f.gap === gap);
  const fromGaps = gaps
    .map(byGap)
    .filter((f) => f !== undefined)
    .map(followUpProbe);
  const tells = source.scenario
    ? storySimilarity(answer.text, source.scenario) >= TELLS_SCENARIO_THRESHOLD
    : source.probes.length > 0;
  const own = tells ? [...source.probes] : [];
  const ordered = [
    ...fromGaps.slice(0, flaggedCount),
    ...own,
    ...fromGaps.slice(flaggedCount),
    ...source.followUps.map(followUpProbe),
  ];
  const seen = new Set<string>();
  const picked: CatalogProbe[] = [];
  for (const p of ordered) {
    if (seen.has(p.question)) continue;
    seen.add(p.question);
    picked.push(p);
    if (picked.length === count) break;
  }
  return picked;
}
