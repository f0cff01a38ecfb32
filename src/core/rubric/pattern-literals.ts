// The literals a regular expression's matches must contain or start with, derived from its source,
// and its top-level alternatives: what the rubric's prefilter (prefilter.ts) knows of a pattern
// without running it. The derivation only ever widens a set, or gives up (null): every match of a
// pattern contains one of its required literals and starts with one of its anchors.

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
/** Whether a character may be part of a literal (the scan folds ASCII case and compares the rest exactly). */
export const isLiteral = (code: number) => code < 128 || CASELESS.has(code);
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
