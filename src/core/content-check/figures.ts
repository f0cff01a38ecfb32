// Figures in scenario text: "$14K a month", "34 services", "from 4.2 seconds to 600 ms", "nine
// days". Each becomes a value in one unit (money in units, time in seconds) and a quantity key
// (the unit, or the counted noun), with the content words around it. Two figures with the same
// key and two or more shared context words are taken to measure the same thing.

export interface Figure {
  /** The figure as written, with the noun it counts ("34 services"). */
  raw: string;
  /** The value in base units: money in units, time in seconds, percentages as written. */
  value: number;
  /** The number as written, before any unit ("15 days" → 15). */
  written: number;
  /** What is measured: `%`, `money`, `time`, `x`, `bytes`, or the counted noun (`service`); `/day` etc. for rates. */
  key: string;
  /** Content words near the figure in its sentence. */
  context: ReadonlySet<string>;
}

const SMALL: Record<string, number> = {
  zero: 0,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const UNITS_WORDS: Record<string, number> = { one: 1, ...SMALL };

// "one" is left out on purpose: "one of them", "one approval" are rarely measurements.
const WORD_NUMBER = `(?:(?:${Object.keys(SMALL)
  .filter((w) => SMALL[w] >= 20 && SMALL[w] % 10 === 0)
  .join(
    '|',
  )})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|${Object.keys(SMALL).join('|')}|a hundred|a dozen|hundred|dozen|half)`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const MULTIPLIER = String.raw`(?:\s?(k|m|bn|b|thousand|million|billion)(?![a-z]))`;
const UNIT = String.raw`(?:\s?(%)|[\s-]?(percent|per cent|x|×|ms|milliseconds?|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|quarters?|years?|tb|gb|mb|kb)(?![a-z]))`;

const FIGURE_RE = new RegExp(
  String.raw`(?<![\w.,/:$£€-])([$£€])?\s?(${DIGITS}|\b${WORD_NUMBER}\b)${MULTIPLIER}?${UNIT}?`,
  'gi',
);

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

const SECONDS: [RegExp, number][] = [
  [/^(ms|milliseconds?)$/, 0.001],
  [/^(s|secs?|seconds?)$/, 1],
  [/^(mins?|minutes?)$/, 60],
  [/^(h|hrs?|hours?)$/, 3600],
  [/^days?$/, 86_400],
  [/^weeks?$/, 604_800],
  [/^months?$/, 2_629_800],
  [/^quarters?$/, 7_889_400],
  [/^years?$/, 31_557_600],
];

const BYTES: Record<string, number> = { kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 };

const STOP = new Set(
  (
    'a an the and or but of to in on at for with from by about as is was were be been being it its this that these ' +
    'those i me my we our us they them their he she his her you your who which what when how than then so too very ' +
    'into over under after before during while up down out off per each every all any some more most less fewer ' +
    'few many much other another same such only just also still even about around nearly almost roughly over ' +
    'had has have did do does would could should will can may might not no nor one ones there here where ' +
    'within between across against until since again once instead rather back made make ' +
    // Units say what kind of figure it is (the key), not what it measures.
    'second seconds minute minutes hour hours day days week weeks month months quarter quarters year years ' +
    'percent ms'
  ).split(' '),
);

function numberValue(token: string): number | null {
  const t = token.toLowerCase();
  if (/^[\d,.]+$/.test(t)) {
    const n = Number(t.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  if (t === 'a hundred' || t === 'hundred') return 100;
  if (t === 'a dozen' || t === 'dozen') return 12;
  if (t === 'half') return 0.5;
  const [tens, unit] = t.split('-');
  if (!(tens in SMALL)) return null;
  return SMALL[tens] + (unit ? (UNITS_WORDS[unit] ?? 0) : 0);
}

function singular(word: string): string {
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
}

function isContentWord(word: string): boolean {
  return word.length >= 3 && !STOP.has(word) && !/^\d/.test(word) && numberValue(word) === null;
}

/**
 * The counted noun after a bare number, the first word that is not a stop word, participle or
 * -ing form, with the text up to it ("34 failed services" → `service`, " failed services").
 */
function countedNoun(after: string): { noun: string; text: string } | null {
  for (const m of after.slice(0, 60).matchAll(/[A-Za-z][A-Za-z'-]*/g)) {
    const w = m[0].toLowerCase();
    // Past a comma or a full stop the next word belongs to another clause ("15, and the written…").
    if (m.index > 40 || /[,.;:]/.test(after.slice(0, m.index))) return null;
    if (STOP.has(w) || /(ed|ing)$/.test(w) || numberValue(w) !== null) continue;
    if (!/^[a-z]{3,}$/.test(w)) return null;
    const noun = singular(w);
    // "three times" counts occasions; keep it apart from the `time` unit key.
    return { noun: noun === 'time' ? 'occasion' : noun, text: after.slice(0, m.index + m[0].length) };
  }
  return null;
}

/** A rate after a figure ("a month", "per week", "/day") becomes part of its key. */
function rateSuffix(after: string): string {
  const m =
    /^\s*(?:a|an|per|each|every|\/)\s*(second|minute|hour|day|night|week|month|quarter|year|run|order|user)\b/i.exec(
      after,
    );
  return m ? `/${m[1].toLowerCase()}` : '';
}

/** The key of a number with no unit and no noun after it ("from 200 to 20"): restated, never compared. */
const BARE_COUNT = 'count';

const SENTENCE_SPLIT = /(?<=[.!?;])\s+|\n+/;

/** Every figure in a text, with its quantity key and context words. */
export function extractFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const sentence of text.split(SENTENCE_SPLIT)) {
    let previous: { end: number; key: string; factor: number } | null = null;
    for (const m of sentence.matchAll(FIGURE_RE)) {
      const [raw, currency, number, multiplier, percent, unitWord] = m;
      const start = m.index ?? 0;
      const end = start + raw.length;
      const after = sentence.slice(end);
      // Times of day, years, and numbers glued to letters (p99, 2FA, 4xx) are not measurements.
      if (/^(:\d|\s?[ap]\.?m\b)/i.test(after)) continue;
      if (/^[A-Za-z0-9]/.test(after) && !percent) continue;
      if (!currency && !unitWord && !percent && /^(19|20)\d\d$/.test(number)) continue;
      const written = numberValue(number);
      if (written === null) continue;
      let value = written * (multiplier ? MULTIPLIERS[multiplier.toLowerCase()] : 1);
      const unit = unitWord?.toLowerCase();
      let shown = raw.trim();
      let key: string;
      let factor = 1;
      // "from 14 minutes to 3": the second number takes the first one's unit.
      const inherits =
        previous !== null &&
        !/^\s*\d/.test(after) &&
        !currency &&
        !unit &&
        !percent &&
        /^\s*(?:to|and|or|-|–|instead of|rather than|versus|vs\.?)\s*(?:under|over|about|nearly|around|almost|just|below|above)?\s*$/i.test(
          sentence.slice(previous.end, start),
        );
      if (inherits && previous) {
        key = previous.key;
        factor = previous.factor;
      } else if (currency) key = 'money';
      else if (percent || unit === 'percent' || unit === 'per cent') key = '%';
      else if (unit === 'x' || unit === '×') key = 'x';
      else if (unit && unit in BYTES) {
        key = 'bytes';
        factor = BYTES[unit];
      } else if (unit) {
        const seconds = SECONDS.find(([re]) => re.test(unit))?.[1];
        if (seconds === undefined) continue;
        key = 'time';
        factor = seconds;
      } else {
        const counted = countedNoun(after);
        key = counted?.noun ?? BARE_COUNT;
        if (counted) shown += counted.text;
      }
      value *= factor;
      previous = key === BARE_COUNT ? null : { end, key, factor };
      key += rateSuffix(after);
      const before = words(sentence.slice(0, start)).slice(-6);
      const next = words(after).slice(0, 6);
      const context = new Set([...before, ...next].filter(isContentWord).map(singular));
      context.delete(key);
      figures.push({ raw: shown, value, written, key, context });
    }
  }
  return figures;
}

/** Same value, allowing for float noise after unit conversion. */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Fewest context words two figures must share to count as the same quantity. A counted noun
 * ("34 services") already says what is counted; a unit ("40 minutes", "$8K") says much less.
 */
export const SAME_QUANTITY_CONTEXT = { counted: 2, unit: 3 };

/** Whether two figures measure the same thing: same key and enough shared context words. */
export function sameQuantity(a: Figure, b: Figure): boolean {
  if (a.key !== b.key || kind(a.key) === BARE_COUNT) return false;
  let shared = 0;
  for (const w of a.context) if (b.context.has(w)) shared++;
  return shared >= (kind(a.key) === 'counted' ? SAME_QUANTITY_CONTEXT.counted : SAME_QUANTITY_CONTEXT.unit);
}

const UNIT_KEYS = new Set(['%', 'money', 'time', 'x', 'bytes']);
/** `%`, `money`, `time`, `x`, `bytes`, `counted` (a number with its noun) or the bare `count`. */
function kind(key: string): string {
  const base = key.split('/')[0];
  return UNIT_KEYS.has(base) || base === BARE_COUNT ? base : 'counted';
}

/**
 * Whether `figure` restates one of `story`: the same value for the same kind of figure (two
 * counts of anything, two sums of money…). A bare number restates any figure of its value.
 */
export function isRestated(figure: Figure, story: readonly Figure[]): boolean {
  const countish = (k: string) => k === 'counted' || k === BARE_COUNT;
  return story.some((g) => {
    const [a, b] = [kind(g.key), kind(figure.key)];
    // A bare number ("an average of 15") restates a figure written with the same number ("15 days").
    if (a === BARE_COUNT || b === BARE_COUNT) return sameValue(g.written, figure.written);
    return sameValue(g.value, figure.value) && (a === b || (countish(a) && countish(b)));
  });
}
