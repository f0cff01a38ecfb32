// The story bank: a person's saved answers as reusable stories, each with its versions over time,
// the LPs it can serve (suggested from the library's signals for each LP, editable), a coverage
// grid of the sixteen LPs, and a Markdown prep document. Pure: stories and the library come in.
import { LEADERSHIP_PRINCIPLES, type Level, type LpId, lpName, STAR_PARTS, type StarPart } from './lp.js';
import { scoreAnswer, VERDICTS, type Verdict } from './rubric/index.js';
import type { Scenario } from './scenario.js';

export interface StoryVersion {
  id: number;
  /** The answer it was saved from (gone when that answer was deleted since). */
  answerId: number | null;
  lp: LpId;
  level: Level;
  text: string;
  overall: number;
  verdict: Verdict;
  createdAt: string;
}

export interface Story {
  id: number;
  teamId: string;
  userId: string;
  title: string;
  /** The LPs the story can serve: suggested when saved, then the person's own choice. */
  lps: LpId[];
  createdAt: string;
  updatedAt: string;
  /** Oldest first: the scores over time. */
  versions: StoryVersion[];
}

/** The version to tell: the best score, the latest among equals. */
export function bestVersion(story: Pick<Story, 'versions'>): StoryVersion | undefined {
  let best: StoryVersion | undefined;
  for (const v of story.versions) if (!best || v.overall >= best.overall) best = v;
  return best;
}

const VERDICT_RANK: Record<Verdict, number> = Object.fromEntries(
  VERDICTS.map((v, i) => [v, VERDICTS.length - i]),
) as Record<Verdict, number>;

/** The stronger of two verdicts. */
export function strongerVerdict(a: Verdict | undefined, b: Verdict | undefined): Verdict | undefined {
  if (!a) return b;
  if (!b) return a;
  return VERDICT_RANK[a] >= VERDICT_RANK[b] ? a : b;
}

// ---------------------------------------------------------------------------------------------
// Which LPs a story can serve: the words of each LP's key phrases and lenses in the library, each
// weighted by how few LPs share it, matched against the story's words.

const STOPWORDS = new Set(
  'about above after again against also because been before being below between both could does doing down during each from further have having here into itself just more most other over same should some such than that their them then there these they this those through under until very what when where which while will with would your ours ourselves were wasn yours whom the and for was are but not you all any can had her his him how its our out who why did get got one two three four five six seven eight nine ten'.split(
    ' ',
  ),
);

/** The content words of a text, lower-cased with a light plural and tense stem. */
export function signalWords(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z][a-z'-]{3,}/g) ?? [];
  return words
    .map((w) =>
      w
        .replace(/'s$/, '')
        .replace(/(?:ies)$/, 'y')
        .replace(/(?<=[a-z]{3})(?:es|s|ed|ing)$/, ''),
    )
    .filter((w) => w.length >= 4 && !STOPWORDS.has(w));
}

/** Per LP, each signal word's weight (1 / the number of LPs whose signals use it). */
export type LpSignals = ReadonlyMap<LpId, ReadonlyMap<string, number>>;

/**
 * The signals of each LP from the library: the key phrases of its scenarios' stories (every level
 * and part) and the lenses other scenarios give for it (lead with, emphasise).
 */
export function buildLpSignals(scenarios: readonly Scenario[]): LpSignals {
  const words = new Map<LpId, Set<string>>();
  const add = (lp: LpId, text: string) => {
    const set = words.get(lp) ?? new Set<string>();
    for (const w of signalWords(text)) set.add(w);
    words.set(lp, set);
  };
  for (const s of scenarios) {
    for (const level of Object.values(s.levels))
      for (const part of STAR_PARTS) for (const phrase of level.story[part].keyPhrases) add(s.lp, phrase);
    for (const lens of s.lenses) add(lens.lp, `${lens.leadWith} ${lens.emphasise}`);
  }
  const spread = new Map<string, number>();
  for (const set of words.values()) for (const w of set) spread.set(w, (spread.get(w) ?? 0) + 1);
  const signals = new Map<LpId, Map<string, number>>();
  for (const [lp, set] of words) signals.set(lp, new Map([...set].map((w) => [w, 1 / (spread.get(w) ?? 1)])));
  return signals;
}

/** Evidence below this (summed weights of matched signal words) suggests nothing. */
const MIN_EVIDENCE = 1.5;
/** LPs suggested besides the one the answer was given for. */
const MAX_SUGGESTED = 3;

/**
 * The LPs a story can serve: the LP it was answered for first, then up to three LPs whose signals
 * the story's words match best (each matched word counted once, weighted by rarity across LPs).
 */
export function suggestLps(text: string, signals: LpSignals, ownLp?: LpId): LpId[] {
  const words = new Set(signalWords(text));
  const scored: { lp: LpId; evidence: number }[] = [];
  for (const [lp, weights] of signals) {
    if (lp === ownLp) continue;
    let evidence = 0;
    for (const w of words) evidence += weights.get(w) ?? 0;
    if (evidence >= MIN_EVIDENCE) scored.push({ lp, evidence });
  }
  scored.sort((a, b) => b.evidence - a.evidence || a.lp.localeCompare(b.lp));
  return [...(ownLp ? [ownLp] : []), ...scored.slice(0, MAX_SUGGESTED).map((s) => s.lp)];
}

/** A default title: the story's first words, cut at a word boundary. */
export function storyTitle(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = flat.split(/(?<=[.!?])\s/)[0] ?? flat;
  if (first.length <= max) return first.replace(/[.!?]+$/, '') || 'Untitled story';
  const cut = first.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trim()}…`;
}

// ---------------------------------------------------------------------------------------------
// Coverage: the sixteen LPs against the person's stories.

export interface CoverageCell {
  lp: LpId;
  /** Stories that serve the LP: none, one, or two or more. */
  stories: number;
  band: 'none' | 'one' | 'two-plus';
  /** The best verdict of those stories' best versions. */
  bestVerdict?: Verdict;
}

/** The coverage grid in LP order. */
export function storyCoverage(stories: readonly Story[]): CoverageCell[] {
  return LEADERSHIP_PRINCIPLES.map(({ id }) => {
    const serving = stories.filter((s) => s.lps.includes(id));
    let bestVerdict: Verdict | undefined;
    for (const s of serving) bestVerdict = strongerVerdict(bestVerdict, bestVersion(s)?.verdict);
    const n = serving.length;
    return { lp: id, stories: n, band: n === 0 ? 'none' : n === 1 ? 'one' : 'two-plus', bestVerdict };
  });
}

/**
 * The LP to prepare next: the first with no story; else the one whose best story is weakest (and,
 * among equals, has fewer stories); undefined when every LP has two strong-hire stories.
 */
export function nextLpToPrepare(grid: readonly CoverageCell[]): LpId | undefined {
  const empty = grid.find((c) => c.band === 'none');
  if (empty) return empty.lp;
  const ranked = [...grid].sort(
    (a, b) =>
      (a.bestVerdict ? VERDICT_RANK[a.bestVerdict] : 0) - (b.bestVerdict ? VERDICT_RANK[b.bestVerdict] : 0) ||
      a.stories - b.stories,
  );
  const weakest = ranked[0];
  if (!weakest || (weakest.bestVerdict === 'strong-hire' && weakest.stories >= 2)) return undefined;
  return weakest.lp;
}

// ---------------------------------------------------------------------------------------------
// The prep document.

/** The story's text per STAR part, as the rubric splits it. */
export function storyOutline(text: string, level: Level = 'sde2'): Record<StarPart, string> {
  const result = scoreAnswer(text, { level });
  const outline = {} as Record<StarPart, string>;
  for (const p of result.parts) outline[p.part] = p.found ? text.slice(p.start, p.end).replace(/\s+/g, ' ').trim() : '';
  return outline;
}

const NUMBER =
  /(?:[$€£]\s?)?\b\d+(?:[.,]\d+)?\s?(?:%|percent\b|x\b|ms\b|k\b|m\b|seconds?\b|minutes?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|people\b|engineers?\b|customers?\b|users?\b|services?\b|teams?\b|orders?\b|requests?\b|tickets?\b)?/gi;

/** The figures a story quotes (with their units), in order, each once. */
export function storyNumbers(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(NUMBER)) {
    const figure = m[0].trim();
    if (/\d/.test(figure)) seen.add(figure);
  }
  return [...seen];
}

export interface PrepOptions {
  /** Likely follow-up questions for an LP (the library's probes for it). */
  probesFor(lp: LpId): readonly string[];
  /** When the document was made (ISO date). */
  date: string;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  'strong-hire': 'strong hire',
  'lean-hire': 'lean hire',
  'lean-no-hire': 'lean no hire',
  'no-hire': 'no hire',
};

/**
 * The prep document in Markdown: one section per LP with the stories that serve it (title, the
 * STAR outline of the best version, its numbers, its reflection, likely follow-up probes), the
 * LPs without a story listed as gaps, and the next LP to prepare.
 */
export function storiesMarkdown(stories: readonly Story[], options: PrepOptions): string {
  const grid = storyCoverage(stories);
  const lines = [`# My interview stories`, '', `Prepared ${options.date}. ${stories.length} stories.`, ''];
  const next = nextLpToPrepare(grid);
  if (next) lines.push(`Next to prepare: **${lpName(next)}**.`, '');
  for (const cell of grid) {
    lines.push(`## ${lpName(cell.lp)}`, '');
    const serving = stories.filter((s) => s.lps.includes(cell.lp));
    if (serving.length === 0) {
      lines.push('_No story yet._', '');
      continue;
    }
    for (const story of serving) {
      const best = bestVersion(story);
      if (!best) continue;
      const outline = storyOutline(best.text, best.level);
      const history = story.versions.map((v) => v.overall).join(' → ');
      lines.push(
        `### ${story.title}`,
        '',
        `Best version: ${best.overall}/100 (${VERDICT_WORDS[best.verdict]}), told for ${lpName(best.lp)}. Scores over time: ${history}.`,
        '',
      );
      for (const part of STAR_PARTS.slice(0, 4))
        lines.push(`- **${part[0].toUpperCase()}${part.slice(1)}:** ${outline[part] || '_missing_'}`);
      lines.push('');
      const numbers = storyNumbers(best.text);
      lines.push(`**Numbers:** ${numbers.length > 0 ? numbers.join(', ') : '_none: add a measured result_'}`, '');
      lines.push(
        `**Reflection:** ${outline.reflection || '_missing: say what you learned and now do differently_'}`,
        '',
      );
      const probes = options.probesFor(cell.lp).slice(0, 3);
      if (probes.length > 0) lines.push('**Likely follow-ups:**', ...probes.map((p) => `- ${p}`), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Likely follow-up questions per LP from the library: its scenarios' probes, in library order. */
export function probesByLp(scenarios: readonly Scenario[]): (lp: LpId) => string[] {
  const byLp = new Map<LpId, string[]>();
  for (const s of scenarios) byLp.set(s.lp, [...(byLp.get(s.lp) ?? []), ...s.probes.map((p) => p.question)]);
  return (lp) => byLp.get(lp) ?? [];
}

/** The library's lens for telling a story for an LP: from a scenario of one of `fromLps` when there is one. */
export function lensFor(
  scenarios: readonly Scenario[],
  lp: LpId,
  fromLps: readonly LpId[] = [],
): { leadWith: string; emphasise: string; downplay: string; scenarioTitle: string } | undefined {
  const all = scenarios.flatMap((s) =>
    s.lenses.filter((l) => l.lp === lp).map((l) => ({ ...l, scenarioTitle: s.title, from: s.lp })),
  );
  const picked = all.find((l) => fromLps.includes(l.from)) ?? all[0];
  return picked
    ? {
        leadWith: picked.leadWith,
        emphasise: picked.emphasise,
        downplay: picked.downplay,
        scenarioTitle: picked.scenarioTitle,
      }
    : undefined;
}
