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

import { LiteralScanner } from './literal-scanner.js';
import { literalsOf, topLevelAlternatives } from './pattern-literals.js';

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
