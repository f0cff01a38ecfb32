// A literal prefilter for the rubric's regular expressions. Most patterns cannot match unless one
// of a few literals occurs ("escalat", "fault", "hopefully"), and most alternatives can only start
// where one does ("i escala", "we "). One pass over an answer finds every literal of every pattern
// (Aho-Corasick); then a pattern none of whose alternatives can match is not scanned at all, and
// one whose possible alternatives all start with known literals is tried (sticky) only where those
// start. Both find exactly what a full scan finds. The literals are derived from each pattern's
// source at the first answer: nothing is written by hand, and no rule changes.
//
// Soundness rests on three facts. Every match of a pattern contains one of its required literals
// and starts with one of its anchors (the derivation only ever widens a set, or gives up). The
// scan folds ASCII case, which is all that case-insensitive matching equates for the characters
// literals may hold: ASCII, and a few characters that have no case (ECMAScript's Canonicalize maps
// nothing at or above 128 below it, and nothing else to those); patterns with the u or v flag,
// which fold more, get no literals. And the scan reports every occurrence of every literal,
// overlapping or not.

/** What is known about the strings one part of a pattern can match. */
interface Knowledge {
  /** Every string it can match (lower case), when that set is small; null when unknown or large. */
  exact: string[] | null;
  /** Every match contains one of these (lower case); null when nothing useful is known. */
  required: string[] | null;
  /** Every match starts with one of these (lower case); null when unknown. */
  prefix: string[] | null;
}

/** Cross products and alternations above this many strings are not kept as exact sets. */
const MAX_EXACT = 32;
/** A character class of up to this many characters is tracked as its characters. */
const MAX_CLASS = 12;
/** Literals are compared by length only up to this: past it, fewer literals scan as fast and skip as often. */
const ENOUGH_LENGTH = 5;
/**
 * Literals are cut to their first this many characters: a text that contains a literal contains
 * its start, and short literals keep the automaton small (it is built at start-up).
 */
const MAX_LITERAL = 8;
/** Alternatives with more required literals than this are always scanned: one of them nearly always occurs. */
const MAX_REQUIRED = 16;
/** A pattern whose matches all start with one of at most this many literals is tried only where they occur. */
const MAX_ANCHORS = 48;

/** ASCII characters that stand for themselves in a pattern (outside a class), by code. */
const PLAIN = new Uint8Array(128);
for (const char of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !"#%&\',-/:;<=>@_`~')
  PLAIN[char.charCodeAt(0)] = 1;

const UNKNOWN: Knowledge = { exact: null, required: null, prefix: null };
const EMPTY: Knowledge = { exact: [''], required: null, prefix: [''] };
const exactly = (strings: string[]): Knowledge => ({ exact: strings, required: null, prefix: strings });

/**
 * Characters outside ASCII that literals may hold: they have no case, and nothing else folds to
 * them, so the scan compares them exactly (apostrophes, quotes and dashes as typed, currencies).
 */
const CASELESS = new Set([...'’‘“”–—€£'].map((char) => char.charCodeAt(0)));
const isLiteral = (code: number) => code < 128 || CASELESS.has(code);
const DIGITS = [...'0123456789'];

function asRequired(k: Knowledge): string[] | null {
  if (k.required) return k.required;
  if (k.exact && !k.exact.includes('')) return k.exact;
  return null;
}

/** The more selective of two required sets: longer shortest literal (up to ENOUGH_LENGTH), then fewer. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!a) return b;
  if (!b) return a;
  const shortest = (set: string[]) => {
    let length = ENOUGH_LENGTH;
    for (const literal of set) if (literal.length < length) length = literal.length;
    return length;
  };
  const [la, lb] = [shortest(a), shortest(b)];
  if (la !== lb) return la > lb ? a : b;
  return b.length < a.length ? b : a;
}

function unique(strings: string[]): string[] {
  return [...new Set(strings)];
}

/** A recursive-descent reader of the regular-expression syntax the rubric uses. */
class SourceReader {
  private at = 0;
  constructor(private readonly source: string) {}

  read(): Knowledge {
    const k = this.alternation();
    if (this.at !== this.source.length) return UNKNOWN;
    return k;
  }

  private alternation(): Knowledge {
    const branches = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0];
    const exacts = branches.map((b) => b.exact);
    const exact =
      exacts.every((e) => e !== null) && exacts.reduce((n, e) => n + (e as string[]).length, 0) <= MAX_EXACT
        ? unique(exacts.flat() as string[])
        : null;
    const requireds = branches.map(asRequired);
    const required = requireds.every((r) => r !== null) ? unique(requireds.flat() as string[]) : null;
    const prefixes = branches.map((b) => b.prefix);
    const prefix = prefixes.every((p) => p !== null) ? unique(prefixes.flat() as string[]) : null;
    return { exact, required, prefix: prefix && prefix.length <= MAX_ANCHORS ? prefix : null };
  }

  private sequence(): Knowledge {
    let run: string[] | null = [''];
    let whole = true;
    let best: string[] | null = null;
    // What a match starts with: the strings before the first term that is not exact, and that term's start.
    let prefix: string[] | null | undefined;
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const literal = this.literalRun();
      const term = literal ? exactly([literal]) : this.term();
      best = better(best, term.required);
      if (run && term.exact && run.length * term.exact.length <= MAX_EXACT) {
        const prefixes: string[] = run;
        const [only] = term.exact;
        // Most terms are one string (a run of plain characters): appending it keeps the strings distinct.
        run =
          term.exact.length === 1
            ? prefixes.map((p) => p + only)
            : unique(prefixes.flatMap((p) => (term.exact as string[]).map((s) => p + s)));
        continue;
      }
      if (whole && run) {
        const before: string[] = run;
        prefix =
          term.prefix && run.length * term.prefix.length <= MAX_ANCHORS
            ? unique(before.flatMap((p) => (term.prefix as string[]).map((s) => p + s)))
            : run;
      }
      whole = false;
      if (run) best = better(best, asRequired({ exact: run, required: null, prefix: null }));
      run = term.exact;
    }
    if (run) best = better(best, asRequired({ exact: run, required: null, prefix: null }));
    return { exact: whole ? run : null, required: best, prefix: whole ? run : (prefix ?? null) };
  }

  /**
   * Plain characters up to the next special one, lower-cased, as one term (most of a pattern's
   * source; one at a time would be slow to read). A character a quantifier follows is left out.
   */
  private literalRun(): string {
    const from = this.at;
    let to = from;
    while (to < this.source.length && PLAIN[this.source.charCodeAt(to)] === 1) to++;
    if (to < this.source.length && '?*+{'.includes(this.source[to])) to--;
    if (to <= from) return '';
    this.at = to;
    return this.source.slice(from, to).toLowerCase();
  }

  private term(): Knowledge {
    const atom = this.atom();
    const quantifier = this.quantifier();
    if (!quantifier) return atom;
    const { min, max } = quantifier;
    if (this.source[this.at] === '?') this.at++; // lazy: the same strings
    const required = min >= 1 ? asRequired(atom) : null;
    const prefix = min >= 1 ? atom.prefix : null;
    if (atom.exact && max !== Number.POSITIVE_INFINITY && max <= 2) {
      let exact: string[] | null = min === 0 ? [''] : [];
      for (let count = Math.max(1, min); count <= max && exact; count++) {
        let repeated = [''];
        for (let i = 0; i < count; i++) repeated = repeated.flatMap((p) => (atom.exact as string[]).map((s) => p + s));
        exact = exact.length + repeated.length <= MAX_EXACT ? unique([...exact, ...repeated]) : null;
      }
      return { exact, required, prefix: exact ?? prefix };
    }
    return { exact: null, required, prefix };
  }

  private quantifier(): { min: number; max: number } | null {
    const char = this.source[this.at];
    if (char === '?' || char === '*' || char === '+') {
      this.at++;
      return { min: char === '+' ? 1 : 0, max: char === '?' ? 1 : Number.POSITIVE_INFINITY };
    }
    if (char !== '{') return null;
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
    if (!braces) return null; // a literal brace
    this.at += braces[0].length;
    const min = Number(braces[1]);
    const max = braces[2] === undefined ? min : braces[3] === '' ? Number.POSITIVE_INFINITY : Number(braces[3]);
    return { min, max };
  }

  private atom(): Knowledge {
    const char = this.source[this.at++];
    if (char === '(') return this.group();
    if (char === '[') return this.charClass();
    if (char === '\\') return this.escape();
    if (char === '^' || char === '$') return EMPTY;
    if (char === '.') return UNKNOWN;
    return isLiteral(char.charCodeAt(0)) ? exactly([char.toLowerCase()]) : UNKNOWN;
  }

  private group(): Knowledge {
    let lookaround = false;
    if (this.source[this.at] === '?') {
      const rest = this.source.slice(this.at, this.at + 3);
      if (rest.startsWith('?:')) this.at += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) {
        this.at += 2;
        lookaround = true;
      } else if (rest === '?<=' || rest === '?<!') {
        this.at += 3;
        lookaround = true;
      } else if (rest.startsWith('?<')) {
        const close = this.source.indexOf('>', this.at);
        if (close < 0) throw new Error('unterminated group name');
        this.at = close + 1;
      } else throw new Error(`unknown group syntax at ${this.at}`);
    }
    const { end, branches } = groupExtent(this.source, this.at);
    if (branches > MAX_EXACT) {
      // Too many branches for any set of its strings to be kept: not worth reading (start-up time).
      this.at = end + 1;
      return lookaround ? EMPTY : UNKNOWN;
    }
    const inner = this.alternation();
    if (this.source[this.at] !== ')') throw new Error(`unbalanced group at ${this.at}`);
    this.at++;
    // A lookaround consumes nothing; what it checks is not needed for soundness.
    return lookaround ? EMPTY : inner;
  }

  private escape(): Knowledge {
    const char = this.source[this.at++];
    if (char === 'b' || char === 'B') return EMPTY;
    if (char === 'd') return exactly(DIGITS);
    if ('DsSwW'.includes(char) || /[1-9]/.test(char) || char === 'k' || char === 'c' || char === 'p' || char === 'P')
      return UNKNOWN;
    const code = this.escapedCode(char);
    if (code === null || !isLiteral(code)) return UNKNOWN;
    return exactly([String.fromCharCode(code).toLowerCase()]);
  }

  /** The character an escape (after its backslash) stands for, or null for a class or unknown escape. */
  private escapedCode(char: string): number | null {
    const controls: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, '0': 0 };
    if (char in controls) return controls[char];
    if (char === 'x' || char === 'u') {
      const digits = char === 'x' ? 2 : 4;
      const hex = this.source.slice(this.at, this.at + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return null;
      this.at += digits;
      return Number.parseInt(hex, 16);
    }
    if (/[a-zA-Z]/.test(char)) return null;
    return char.charCodeAt(0); // an escaped punctuation character stands for itself
  }

  private charClass(): Knowledge {
    const chars = new Set<string>();
    let known = this.source[this.at] !== '^';
    if (!known) this.at++;
    while (this.at < this.source.length && this.source[this.at] !== ']') {
      if (this.source.startsWith('\\d', this.at)) {
        this.at += 2;
        for (const digit of DIGITS) chars.add(digit);
        continue;
      }
      const from = this.classChar();
      if (
        this.source[this.at] === '-' &&
        this.source[this.at + 1] !== ']' &&
        this.at + 1 < this.source.length &&
        from !== null
      ) {
        this.at++;
        const to = this.classChar();
        if (to === null || to - from > MAX_CLASS) known = false;
        else for (let c = from; c <= to; c++) chars.add(String.fromCharCode(c));
      } else if (from === null) known = false;
      else chars.add(String.fromCharCode(from));
    }
    if (this.source[this.at] !== ']') throw new Error('unterminated character class');
    this.at++;
    if (!known || [...chars].some((c) => !isLiteral(c.charCodeAt(0)))) return UNKNOWN;
    const lower = unique([...chars].map((c) => c.toLowerCase()));
    return lower.length <= MAX_CLASS ? exactly(lower) : UNKNOWN;
  }

  /** One character of a class as its code, or null for an escape that stands for a class (\d, \s…). */
  private classChar(): number | null {
    const char = this.source[this.at++];
    if (char !== '\\') return char.charCodeAt(0);
    const escaped = this.source[this.at++];
    if (escaped === 'b') return 8; // backspace inside a class
    if ('dDsSwWpP'.includes(escaped)) return null;
    return this.escapedCode(escaped);
  }
}

/** What a prefilter needs to know about a pattern, from its source. */
export interface PatternLiterals {
  /** Lower-case literals (ASCII or caseless) one of which every match contains; null when none can be derived. */
  required: readonly string[] | null;
  /** Lower-case literals one of which every match starts with; null when none can be derived. */
  anchors: readonly string[] | null;
}

const cut = (literals: string[] | null, max: number): string[] | null => {
  if (!literals || literals.length === 0 || literals.length > max || literals.includes('')) return null;
  return unique(literals.map((literal) => literal.slice(0, MAX_LITERAL)));
};

/** The literals every match of `pattern` contains, and those it starts with (see PatternLiterals). */
export function literalsOf(pattern: RegExp): PatternLiterals {
  if (pattern.unicode || pattern.flags.includes('v')) return { required: null, anchors: null };
  let knowledge: Knowledge;
  try {
    knowledge = new SourceReader(pattern.source).read();
  } catch {
    return { required: null, anchors: null };
  }
  const anchors = cut(knowledge.prefix, MAX_ANCHORS);
  return {
    required: cut(asRequired(knowledge), MAX_REQUIRED),
    // A letter or a space alone starts too often (inside words) to beat a scan; a digit or a quote does not.
    anchors: anchors?.every((anchor) => anchor.length >= 2 || !/[a-z ]/.test(anchor)) ? anchors : null,
  };
}

/** Which of a fixed set of literals a text contains, found in one pass (ASCII case folded). */
export class LiteralScanner {
  /** Symbol of each character code (0: in no literal). */
  private readonly symbols = new Uint8Array(0x10000);
  private readonly width: number;
  /** The automaton's transitions: state × symbol → state. */
  private readonly next: Uint16Array | Int32Array;
  /** The literal ending at each state, or -1. */
  private readonly ends: Int32Array;
  /** The nearest state on the failure chain (itself excluded) where a literal ends, or -1. */
  private readonly nextEnd: Int32Array;
  /** The first state on each state's failure chain (itself included) where a literal ends, or -1. */
  private readonly outputs: Int32Array;
  /** Whether a literal whose every occurrence is wanted ends on each state's failure chain. */
  private readonly anchorsAt: Uint8Array;
  /** The scan that last reached each state: its literals are already recorded for that scan. */
  private readonly reachedIn: Int32Array;
  private scans = 0;
  /** Per literal: the scan that found it; the scan that listed its starts, and its first and last start. */
  private readonly foundIn: Int32Array;
  private readonly listIn: Int32Array;
  private readonly firstEvent: Int32Array;
  private readonly lastEvent: Int32Array;
  /** Starts of anchored literals in the latest scan, each linked to the next of its literal. */
  private events = new Int32Array(256);
  private eventNext = new Int32Array(256);

  /**
   * `anchored[id]`: the literal's start offsets are wanted, not only whether it occurs (the
   * patterns that start with it are tried only there).
   */
  constructor(
    readonly literals: readonly string[],
    private readonly anchored: Uint8Array = new Uint8Array(literals.length),
  ) {
    let symbolCount = 1;
    for (const literal of literals)
      for (const char of literal) {
        const code = char.charCodeAt(0);
        if (!isLiteral(code) || char !== char.toLowerCase()) throw new Error(`not a lower-case literal: ${literal}`);
        if (this.symbols[code] === 0) {
          this.symbols[code] = symbolCount;
          const upper = char.toUpperCase().charCodeAt(0);
          if (upper !== code) this.symbols[upper] = symbolCount;
          symbolCount++;
        }
      }
    if (symbolCount > 0xff) throw new Error('too many distinct characters in the literals');
    if (new Set(literals).size !== literals.length) throw new Error('the literals must be distinct');
    this.width = symbolCount;
    const width = symbolCount;
    // The trie, in a transition table as long as it could need; 0 is the root and nobody's child.
    let states = 1;
    const capacity = literals.reduce((n, literal) => n + literal.length, 1);
    // Two bytes a transition while states fit: half the table, fewer cache misses per character.
    const next = capacity < 0xffff ? new Uint16Array(capacity * width) : new Int32Array(capacity * width);
    const ends = new Int32Array(capacity).fill(-1);
    literals.forEach((literal, id) => {
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const slot = state * width + this.symbols[literal.charCodeAt(i)];
        if (next[slot] === 0) next[slot] = states++;
        state = next[slot];
      }
      ends[state] = id;
    });
    // Failure links breadth first, folded into the table: a missing child becomes the failure's.
    this.next = next.subarray(0, states * width);
    this.ends = ends.subarray(0, states);
    this.nextEnd = new Int32Array(states).fill(-1);
    this.reachedIn = new Int32Array(states);
    this.foundIn = new Int32Array(literals.length);
    this.listIn = new Int32Array(literals.length);
    this.firstEvent = new Int32Array(literals.length);
    this.lastEvent = new Int32Array(literals.length);
    const fail = new Int32Array(states);
    const queue = new Int32Array(states);
    let tail = 0;
    for (let symbol = 0; symbol < width; symbol++) if (next[symbol] !== 0) queue[tail++] = next[symbol];
    for (let head = 0; head < tail; head++) {
      const state = queue[head];
      const failure = fail[state];
      this.nextEnd[state] = ends[failure] >= 0 ? failure : this.nextEnd[failure];
      for (let symbol = 0; symbol < width; symbol++) {
        const slot = state * width + symbol;
        const child = next[slot];
        if (child === 0) next[slot] = next[failure * width + symbol];
        else {
          fail[child] = next[failure * width + symbol];
          queue[tail++] = child;
        }
      }
    }
    this.outputs = this.ends.map((end, state) => (end >= 0 ? state : this.nextEnd[state]));
    this.anchorsAt = new Uint8Array(states);
    for (let state = 0; state < states; state++)
      for (let s = this.outputs[state]; s >= 0; s = this.nextEnd[s])
        if (anchored[this.ends[s]] === 1) this.anchorsAt[state] = 1;
  }

  /**
   * Scans a text for every literal. What it found (`found`, `firstStart`, `nextStart`) holds until
   * the next scan, which reuses the buffers (nothing is allocated per answer but the offsets).
   * Returns the scan's number, for `isCurrent`.
   */
  scan(text: string): number {
    const { symbols, next, ends, nextEnd, outputs, anchorsAt, anchored, literals, width, reachedIn } = this;
    const { foundIn, listIn, firstEvent, lastEvent } = this;
    const scan = ++this.scans;
    let events = this.events;
    let eventNext = this.eventNext;
    let count = 0;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = next[state * width + symbols[code]];
      const first = outputs[state];
      if (first < 0) continue;
      if (anchorsAt[state] === 1)
        for (let s = first; s >= 0; s = nextEnd[s]) {
          const id = ends[s];
          if (anchored[id] !== 1) continue;
          if (count === events.length) {
            events = grow(events);
            eventNext = grow(eventNext);
          }
          events[count] = i + 1 - literals[id].length;
          eventNext[count] = -1;
          if (listIn[id] === scan) eventNext[lastEvent[id]] = count;
          else {
            listIn[id] = scan;
            firstEvent[id] = count;
          }
          lastEvent[id] = count++;
        }
      if (reachedIn[state] === scan) continue;
      reachedIn[state] = scan;
      for (let s = first; s >= 0; s = nextEnd[s]) foundIn[ends[s]] = scan;
    }
    this.events = events;
    this.eventNext = eventNext;
    return scan;
  }

  /** Whether `scan` is the latest scan, whose findings the accessors below report. */
  isCurrent(scan: number): boolean {
    return scan === this.scans;
  }

  /** Whether the latest scanned text contains the literal. */
  found(id: number): boolean {
    return this.foundIn[id] === this.scans;
  }

  /** The first occurrence of an anchored literal in the latest scan (see `startOf`), or -1. */
  firstStart(id: number): number {
    return this.listIn[id] === this.scans ? this.firstEvent[id] : -1;
  }

  /** The occurrence after `occurrence` of the same literal, or -1. */
  nextStart(occurrence: number): number {
    return this.eventNext[occurrence];
  }

  /** Every occurrence's start and the next occurrence of its literal (-1: none), by occurrence. */
  occurrences(): { starts: Int32Array; nextStarts: Int32Array } {
    return { starts: this.events, nextStarts: this.eventNext };
  }

  /** Where an occurrence starts in the text. */
  startOf(occurrence: number): number {
    return this.events[occurrence];
  }

  /** Every start of an anchored literal in the latest scan, ascending. */
  starts(id: number): number[] {
    const found: number[] = [];
    for (let e = this.firstStart(id); e >= 0; e = this.nextStart(e)) found.push(this.startOf(e));
    return found;
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/**
 * A pattern's top-level alternatives, in order ("a|(?:b|c)|d" gives a, b, c, d: a group that is a
 * whole alternative is opened), or null when it cannot be split safely (backreferences).
 */
export function topLevelAlternatives(source: string): string[] | null {
  if (/\\[1-9]|\\k</.test(source)) return null;
  const { end, bars } = groupExtent(source, 0);
  if (end !== source.length) return null;
  const alternatives = [...bars, source.length].map((bar, i) => source.slice(i === 0 ? 0 : bars[i - 1] + 1, bar));
  return alternatives.flatMap((alternative) => {
    const inner = wholeGroup(alternative);
    return inner === null ? [alternative] : (topLevelAlternatives(inner) ?? [alternative]);
  });
}

/** The inside of "(?:…)" when the group spans the whole source, else null. */
function wholeGroup(source: string): string | null {
  if (!source.startsWith('(?:')) return null;
  const { end } = groupExtent(source, 3);
  return end === source.length - 1 ? source.slice(3, -1) : null;
}

// The characters that open or close a group or class, escape, or separate branches.
const STRUCTURE = /[\\[()|]/g;

/**
 * Where the group whose body starts at `from` ends (its closing parenthesis; the source's length
 * for the top level), and the offsets of the bars between its branches: found by jumping from one
 * structural character to the next, not reading every character.
 */
function groupExtent(source: string, from: number): { end: number; bars: number[]; branches: number } {
  const bars: number[] = [];
  let depth = 0;
  STRUCTURE.lastIndex = from;
  for (let m = STRUCTURE.exec(source); m !== null; m = STRUCTURE.exec(source)) {
    const at = m.index;
    const char = source[at];
    if (char === '\\') STRUCTURE.lastIndex = at + 2;
    else if (char === '[') {
      let i = at + 1;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      STRUCTURE.lastIndex = i + 1;
    } else if (char === '(') depth++;
    else if (char === ')') {
      if (depth === 0) return { end: at, bars, branches: bars.length + 1 };
      depth--;
    } else if (depth === 0) bars.push(at);
  }
  return { end: source.length, bars, branches: bars.length + 1 };
}

/** A match as offsets: what the rubric's scans use of one. */
export interface MatchSpan {
  start: number;
  end: number;
}

/** What one literal scan of a text says about the registered patterns. */
export interface PossibleMatches {
  /** False only when the pattern cannot match the scanned text (or any part of it). */
  mayMatch(pattern: RegExp): boolean;
  /**
   * Every match of a global pattern in the scanned text from `from` on, as an exec loop finds them
   * (an empty match steps one on), the first `limit` of them, found by scanning only the
   * alternatives that may match.
   */
  matches(pattern: RegExp, text: string, from?: number, limit?: number): MatchSpan[];
}

interface Alternative {
  /** Ids of literals one of which every match contains; null: always possible. */
  literalIds: Int32Array | null;
  /** Ids of literals one of which every match starts with; null when unknown. */
  anchorIds: Int32Array | null;
}

interface Registered {
  alternatives: Alternative[];
  /** The whole pattern, sticky: tried only where a possible alternative's first literal starts. */
  sticky: RegExp | null;
}

/**
 * The first `limit` matches of a global pattern from `from`, by exec; an empty match steps one on
 * (one code point in a unicode pattern), as normalise.ts's nextMatch and String#matchAll do.
 */
function execMatches(pattern: RegExp, text: string, from: number, limit: number): MatchSpan[] {
  const found: MatchSpan[] = [];
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m !== null && found.length < limit; m = pattern.exec(text)) {
    const end = m.index + m[0].length;
    found.push({ start: m.index, end });
    if (end === m.index) pattern.lastIndex += pattern.unicode && (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  }
  return found;
}

/**
 * The first `limit` matches of a pattern from `from` when every match starts where one of the
 * anchored literals `ids` starts (in the scanner's latest scan): the sticky copy is tried there
 * only, in order. At an offset it finds what a scan finds there, and no match starts anywhere
 * else, so the matches are a scan's.
 */
function anchoredMatches(
  sticky: RegExp,
  scanner: LiteralScanner,
  ids: readonly number[],
  text: string,
  from: number,
  limit: number,
): MatchSpan[] {
  const found: MatchSpan[] = [];
  const { starts, nextStarts } = scanner.occurrences();
  // One cursor per literal over its starts (each list ascending); the next try is the least.
  const cursors = Int32Array.from(ids, (id) => scanner.firstStart(id));
  let resume = from;
  while (found.length < limit) {
    let at = -1;
    for (let j = 0; j < cursors.length; j++) {
      let e = cursors[j];
      while (e >= 0 && starts[e] < resume) e = nextStarts[e];
      cursors[j] = e;
      if (e >= 0 && (at < 0 || starts[e] < at)) at = starts[e];
    }
    if (at < 0) break;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m === null) {
      resume = at + 1;
      continue;
    }
    const end = at + m[0].length;
    found.push({ start: at, end });
    resume = end === at ? at + 1 : end;
  }
  return found;
}

/** Every pattern may match: what a context without a prefilter uses. */
export const ANY_MATCHES: PossibleMatches = {
  mayMatch: () => true,
  matches: (pattern, text, from = 0, limit = Number.POSITIVE_INFINITY) => execMatches(pattern, text, from, limit),
};

/** A prefilter for a fixed set of patterns: one scan of a text tells which of them may match it. */
export class PatternPrefilter {
  private readonly scanner: LiteralScanner;
  private readonly registered = new Map<RegExp, Registered>();

  constructor(patterns: Iterable<RegExp>) {
    const ids = new Map<string, number>();
    const anchored: number[] = [];
    const idsOf = (literals: readonly string[] | null, anchor: boolean) => {
      if (literals === null) return null;
      return Int32Array.from(literals, (literal) => {
        let id = ids.get(literal);
        if (id === undefined) {
          id = ids.size;
          ids.set(literal, id);
          anchored.push(0);
        }
        if (anchor) anchored[id] = 1;
        return id;
      });
    };
    for (const pattern of patterns) {
      if (this.registered.has(pattern)) continue;
      // Sticky tries only pay for patterns that are scanned for every match.
      const anchorable = pattern.global && !pattern.sticky;
      const sources = (pattern.global && topLevelAlternatives(pattern.source)) || [pattern.source];
      const alternatives = sources.map((source): Alternative => {
        const { required, anchors } = literalsOf(sources.length === 1 ? pattern : new RegExp(source, pattern.flags));
        const anchorIds = anchorable ? idsOf(anchors, true) : null;
        return { literalIds: idsOf(required, false) ?? anchorIds, anchorIds };
      });
      // An alternative that may always match and has no anchors means a scan every time: no sticky copy.
      const tried =
        alternatives.some((a) => a.anchorIds !== null) &&
        alternatives.every((a) => a.anchorIds !== null || a.literalIds !== null);
      const sticky = tried ? new RegExp(pattern.source, `${pattern.flags}y`) : null;
      this.registered.set(pattern, { alternatives, sticky });
    }
    this.scanner = new LiteralScanner([...ids.keys()], Uint8Array.from(anchored));
  }

  scan(scanned: string): PossibleMatches {
    const { scanner } = this;
    const scan = scanner.scan(scanned);
    const possible = (alternative: Alternative) => {
      const ids = alternative.literalIds;
      if (ids === null) return true;
      for (let i = 0; i < ids.length; i++) if (scanner.found(ids[i])) return true;
      return false;
    };
    return {
      mayMatch: (pattern) => {
        const registered = this.registered.get(pattern);
        // Another text has been scanned since: every pattern may match.
        if (registered === undefined || !scanner.isCurrent(scan)) return true;
        return registered.alternatives.some(possible);
      },
      matches: (pattern, text, from = 0, limit = Number.POSITIVE_INFINITY) => {
        const registered = this.registered.get(pattern);
        // Literal offsets are offsets into the scanned text: another text is scanned in full.
        if (registered === undefined || text !== scanned || !scanner.isCurrent(scan))
          return execMatches(pattern, text, from, limit);
        // Where the alternatives that may match can start; a possible one without anchors means a scan.
        const ids: number[] = [];
        for (const alternative of registered.alternatives) {
          if (!possible(alternative)) continue;
          if (alternative.anchorIds === null || registered.sticky === null)
            return execMatches(pattern, text, from, limit);
          for (const id of alternative.anchorIds) if (scanner.firstStart(id) >= 0 && !ids.includes(id)) ids.push(id);
        }
        return ids.length > 0 && registered.sticky
          ? anchoredMatches(registered.sticky, scanner, ids, text, from, limit)
          : [];
      },
    };
  }
}
