// Slack mrkdwn → plain text of the SAME LENGTH. Markup characters become spaces, so every offset
// found in the clean text is also an offset into the original answer, and quotes can be sliced
// from what the user wrote.

import type { PossibleMatches } from './prefilter.js';

export interface Span {
  start: number;
  end: number;
}

const BLANK = ' ';

/**
 * The first match of a global pattern at or after `from`. With nextMatch, a loop over matches like
 * String#matchAll but without matchAll's copy of the pattern, which for the rubric's large
 * alternations costs about a fifth of the scan of a typical answer.
 */
export function matchFrom(pattern: RegExp, text: string, from = 0): RegExpExecArray | null {
  pattern.lastIndex = from;
  return pattern.exec(text);
}

/** The match after `previous` (an empty match steps one character on, as matchAll does). */
export function nextMatch(pattern: RegExp, text: string, previous: RegExpExecArray): RegExpExecArray | null {
  if (previous[0] === '') {
    const code = text.codePointAt(pattern.lastIndex) ?? 0;
    pattern.lastIndex += pattern.unicode && code > 0xffff ? 2 : 1;
  }
  return pattern.exec(text);
}

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) if (chars[i] !== '\n') chars[i] = BLANK;
}

// Every pattern is linear: bounded repetitions only, no nested quantifiers.
const MENTION = /<[@#!][A-Za-z0-9^._-]{1,64}(?:\|[^>\n]{0,200})?>/g;
const LINK = /<((?:https?|mailto|tel):[^|>\s]{1,2000})(\|([^>\n]{0,500}))?>/g;
const ENTITY = /&(amp|lt|gt);/g;
const EMOJI = /:[a-z+][a-z0-9_+'-]{0,63}:(?::skin-tone-[2-6]:)?/g;
const LINE_MARKER = /^[ \t]{0,12}(?:>|&gt;|[-*•◦▪‣]|\d{1,3}[.)]|#{1,6})[ \t]+/gm;
// Pictographs (📍 ✅ 🎯) and their joiners: headings people decorate, not words.
const PICTOGRAPH = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu;
const EMPHASIS = /[*~`]/g;
const UNDERSCORE = /(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

/** Replaces Slack markup with spaces (links keep their label, mentions become one word). */
export function normaliseMrkdwn(input: string): string {
  // Most answers are plain prose: skip the work when no markup character is present.
  if (!MARKUP_HINT.test(input)) return input;
  const chars = input.split('');
  if (input.includes('<')) {
    for (let m = matchFrom(MENTION, input); m !== null; m = nextMatch(MENTION, input, m)) {
      blank(chars, m.index, m.index + m[0].length);
      chars[m.index] = 'X'; // a name is one spoken word
    }
    for (let m = matchFrom(LINK, input); m !== null; m = nextMatch(LINK, input, m)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[3] !== undefined) {
        const labelStart = start + 1 + m[1].length + 1;
        blank(chars, start, labelStart);
        blank(chars, end - 1, end);
      } else {
        blank(chars, start, end);
        chars[start] = 'X';
      }
    }
  }
  if (input.includes('&')) {
    for (let m = matchFrom(ENTITY, input); m !== null; m = nextMatch(ENTITY, input, m)) {
      chars[m.index] = m[1] === 'amp' ? '&' : m[1] === 'lt' ? '<' : '>';
      blank(chars, m.index + 1, m.index + m[0].length);
    }
  }
  const afterLinks = chars.join('');
  if (afterLinks.includes(':'))
    for (let m = matchFrom(EMOJI, afterLinks); m !== null; m = nextMatch(EMOJI, afterLinks, m))
      blank(chars, m.index, m.index + m[0].length);
  const afterEmoji = chars.join('');
  for (let m = matchFrom(LINE_MARKER, afterEmoji); m !== null; m = nextMatch(LINE_MARKER, afterEmoji, m))
    blank(chars, m.index, m.index + m[0].length);
  for (let m = matchFrom(EMPHASIS, afterEmoji); m !== null; m = nextMatch(EMPHASIS, afterEmoji, m))
    chars[m.index] = BLANK;
  if (afterEmoji.includes('_'))
    for (let m = matchFrom(UNDERSCORE, afterEmoji); m !== null; m = nextMatch(UNDERSCORE, afterEmoji, m))
      chars[m.index] = BLANK;
  if (input.includes('\r')) for (let i = 0; i < chars.length; i++) if (chars[i] === '\r') chars[i] = BLANK;
  if (PICTOGRAPH_HINT.test(input))
    for (let m = matchFrom(PICTOGRAPH, input); m !== null; m = nextMatch(PICTOGRAPH, input, m))
      blank(chars, m.index, m.index + m[0].length);
  return chars.join('');
}

const MARKUP_HINT = /[<&*_~`>•◦▪‣#\r]|:[a-z+]|^[ \t]{0,12}(?:-|\d{1,3}[.)])[ \t]|[\u2190-\u2BFF\uD83C-\uD83E]|\uFE0F/m;
const PICTOGRAPH_HINT = /[\u2190-\u2BFF\uD83C-\uD83E]|\uFE0F/;

// Straight and curly double quotes; single quotes only where they open a quotation (after a space
// or bracket) and close one (before punctuation or space), so "don't" and "team's" are not quotes.
const QUOTED = /"[^"\n]{1,600}"|“[^”\n]{1,600}”|‘[^’\n]{1,600}’|(?<=^|[\s(])'[^'\n]{1,600}'(?=$|[\s.,;:!?)])/gm;

/** Patterns with the same flags joined into one alternation: one pass over the text instead of several. */
export function mergePatterns(patterns: readonly RegExp[]): RegExp[] {
  if (patterns.length < 2 || new Set(patterns.map((p) => p.flags)).size > 1) return [...patterns];
  return [new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), patterns[0].flags)];
}

/** Clean text for matching and, for each of its offsets, the offset in the text it came from. */
export interface Collapsed {
  text: string;
  /**
   * `toSource[i]` is where character i of `text` was, with one more entry for the end of the text;
   * null when nothing was collapsed (every offset is its own).
   */
  toSource: Int32Array | null;
}

const OTHER_SPACE = /[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * Tabs, no-break and other Unicode spaces as plain spaces, one for one (offsets unchanged), so
 * that markup such as a bullet after a tab or a no-break space is read as markup.
 */
export function plainSpaces(text: string): string {
  OTHER_SPACE.lastIndex = 0;
  return OTHER_SPACE.test(text) ? text.replace(OTHER_SPACE, ' ') : text;
}

const SPACE_RUN = / {2,}/g;

/**
 * Every run of spaces as one space (after plainSpaces and normaliseMrkdwn, which turn tabs, other
 * spaces and markup into spaces), so that "I  escalated", "I\tescalated" and "I *escalated*" read
 * as "I escalated" to every pattern; `toSource` maps offsets back so quotes are still sliced from
 * what the user wrote.
 */
export function collapseSpaces(text: string): Collapsed {
  if (!text.includes('  ')) return { text, toSource: null };
  const toSource = new Int32Array(text.length + 1);
  let out = '';
  let from = 0;
  let n = 0;
  for (let m = matchFrom(SPACE_RUN, text); m !== null; m = nextMatch(SPACE_RUN, text, m)) {
    for (let i = from; i <= m.index; i++) toSource[n++] = i;
    out += text.slice(from, m.index + 1);
    from = m.index + m[0].length;
  }
  for (let i = from; i < text.length; i++) toSource[n++] = i;
  out += text.slice(from);
  toSource[n] = text.length;
  return { text: out, toSource: toSource.subarray(0, n + 1) };
}

/** A span of the collapsed text as a span of the source text (an empty span stays empty). */
export function sourceSpan(collapsed: Collapsed, start: number, end: number): Span {
  const map = collapsed.toSource;
  if (map === null) return { start, end };
  const from = map[start];
  return { start: from, end: end > start ? map[end - 1] + 1 : from };
}

/** The pattern of quoted speech, for the literal prefilter. */
export const QUOTED_PATTERN: RegExp = QUOTED;

/**
 * Spans of quoted speech ("…" or “…”), where the speaker reports someone else's words; `possible`
 * (the prefilter's scan of `clean`) tries the pattern only where a quote mark is.
 */
export function findQuotedSpans(clean: string, possible?: PossibleMatches): Span[] {
  if (possible) return possible.matches(QUOTED, clean);
  const spans: Span[] = [];
  for (let m = matchFrom(QUOTED, clean); m !== null; m = nextMatch(QUOTED, clean, m))
    spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** True when [start, end) lies inside one of the sorted spans. */
export function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (span.end <= start) lo = mid + 1;
    else if (span.start > start) hi = mid - 1;
    else return end <= span.end;
  }
  return false;
}

const SENTENCE_END = /[.!?]+(?=[\s"”')\]]|$)|\n/g;

export interface Sentence extends Span {
  /** The sentence begins a new line or paragraph (a boundary writers use between STAR parts). */
  startsLine: boolean;
}

// Where speech-to-text and unpunctuated answers change sentence: before a discourse marker.
const DISCOURSE =
  /\b(?:and then|so then|and so|so (?:I|we|i)|but then|after that|then (?:I|we|i)|in the end|eventually|as a result|the result was|the outcome|what I learned|I learned|i learned|the (?:big |main |real )?lesson|looking back|in hindsight|next time|since then|now I|these days|um+ so|uh+ so|anyway|and (?:um+|uh+)|so yeah|okay so|at the end of the day|and I (?:think|guess)|I think the|within (?:a|one|two|three|four|a few|\d+) (?:days?|weeks?|months?)|nobody|no one|[Ii] (?:now|then|also)? ?(?:[a-z]{2,20}ed|wrote|built|ran|found|made|took|sent|set up|now))\b/g;
/** A run of text longer than this without a full stop is split at discourse markers. */
const LONG_SENTENCE_WORDS = 40;
const MIN_PIECE_CHARS = 40;

/** Splits one long unpunctuated span at discourse markers; linear in its length. */
function splitLong(clean: string, start: number, end: number): number[] {
  if (end - start < LONG_SENTENCE_WORDS * 5 || countWords(clean, start, end) <= LONG_SENTENCE_WORDS) return [];
  const cuts: number[] = [];
  let last = start;
  DISCOURSE.lastIndex = start;
  for (let m = DISCOURSE.exec(clean); m !== null && m.index < end; m = DISCOURSE.exec(clean)) {
    if (m.index - last >= MIN_PIECE_CHARS && end - m.index >= MIN_PIECE_CHARS / 2) {
      cuts.push(m.index);
      last = m.index;
    }
  }
  return cuts;
}

/** Splits clean text into sentences (trimmed spans); newlines always end a sentence. */
export function splitSentences(clean: string): Sentence[] {
  const raw = splitPunctuated(clean);
  if (raw.every((s) => s.end - s.start < LONG_SENTENCE_WORDS * 5)) return raw;
  const out: Sentence[] = [];
  for (const s of raw) {
    const cuts = splitLong(clean, s.start, s.end);
    if (cuts.length === 0) {
      out.push(s);
      continue;
    }
    let from = s.start;
    for (const cut of [...cuts, s.end]) {
      let to = cut;
      while (to > from && /\s/.test(clean[to - 1])) to--;
      if (to > from) out.push({ start: from, end: to, startsLine: from === s.start ? s.startsLine : false });
      from = cut;
    }
  }
  return out;
}

function splitPunctuated(clean: string): Sentence[] {
  const sentences: Sentence[] = [];
  let cursor = 0;
  let lineStart = true;
  const push = (from: number, to: number, startsLine: boolean) => {
    let start = from;
    let end = to;
    while (start < end && /\s/.test(clean[start])) start++;
    while (end > start && /\s/.test(clean[end - 1])) end--;
    if (end > start && /[A-Za-z0-9$%]/.test(clean.slice(start, Math.min(end, start + 200)))) {
      sentences.push({ start, end, startsLine });
    }
  };
  for (let m = matchFrom(SENTENCE_END, clean); m !== null; m = nextMatch(SENTENCE_END, clean, m)) {
    const end = m[0] === '\n' ? m.index : m.index + m[0].length;
    const before = sentences.length;
    push(cursor, end, lineStart);
    const pushed = sentences.length > before;
    cursor = m.index + m[0].length;
    if (m[0] === '\n') lineStart = true;
    else if (pushed) lineStart = false;
  }
  push(cursor, clean.length, lineStart);
  return sentences;
}

// A spoken word: /[A-Za-z0-9$€£][A-Za-z0-9'’.,%$-]*/, matched by hand below.

/** Where each word of a text starts and ends (WORD matched from the start), for counting by search. */
interface WordIndex {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

// The rubric counts the words of many spans of one answer (each part, each short sentence, the
// whole); tokenising it once and counting by binary search is several times cheaper than a scan
// per span. One entry: the answer being scored.
let memo: WordIndex = { text: '', starts: new Int32Array(0), ends: new Int32Array(0) };

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// WORD's first character ($ € £ or a letter or digit) and the characters that continue a word.
const isWordStart = (c: number) => isAlnum(c) || c === 36 || c === 0x20ac || c === 0xa3;
const isWordPart = (c: number) =>
  isAlnum(c) || c === 39 || c === 0x2019 || c === 46 || c === 44 || c === 37 || c === 36 || c === 45;

function wordIndex(text: string): WordIndex {
  if (text === memo.text) return memo;
  // WORD, read by hand: a character loop allocates nothing per word.
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!isWordStart(text.charCodeAt(i))) {
      i++;
      continue;
    }
    starts.push(i);
    i++;
    while (i < n && isWordPart(text.charCodeAt(i))) i++;
    ends.push(i);
  }
  memo = { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  return memo;
}

/** The number of word starts before offset. */
function startsBefore(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Counts spoken words between two offsets: the words WORD finds scanning from `start`, counted
 * while they start before `end`. That is the words of the whole text starting in the span, plus
 * one when `start` falls inside a word and the rest of that word holds a word character.
 */
export function countWords(clean: string, start = 0, end = clean.length): number {
  const { starts, ends } = wordIndex(clean);
  const first = startsBefore(starts, start);
  let n = startsBefore(starts, end) - first;
  if (first > 0 && ends[first - 1] > start) {
    const stop = Math.min(ends[first - 1], end);
    for (let i = start; i < stop; i++) {
      if (isWordStart(clean.charCodeAt(i))) {
        n++;
        break;
      }
    }
  }
  return Math.max(0, n);
}
