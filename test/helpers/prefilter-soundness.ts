// Checks the rubric's literal prefilter against real answers: every match of every scanned pattern
// (and of each of its alternatives) contains one of the literals derived for it and starts with
// one of its anchors, and the prefilter's matches are exactly a full scan's. Used by the prefilter
// test (the answers shipped in the repository) and by bench/rubric-golden.ts (the development set).
import { rubricPrefilter, scannedPatterns } from '../../src/core/rubric/index.js';
import { collapseSpaces, matchFrom, nextMatch, normaliseMrkdwn, plainSpaces } from '../../src/core/rubric/normalise.js';
import { literalsOf, topLevelAlternatives } from '../../src/core/rubric/pattern-literals.js';
import type { MatchSpan } from '../../src/core/rubric/prefilter.js';

/** The text the rubric's patterns read for an input (context.ts). */
export function cleanTextOf(input: string): string {
  return collapseSpaces(normaliseMrkdwn(plainSpaces(input))).text;
}

/** Every match of a pattern in the text, by a plain global scan of a fresh copy. */
function allMatches(pattern: RegExp, text: string): MatchSpan[] {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const found: MatchSpan[] = [];
  for (let m = matchFrom(re, text); m !== null; m = nextMatch(re, text, m))
    found.push({ start: m.index, end: m.index + m[0].length });
  return found;
}

/** Folds ASCII letters only, as the literal scanner does. */
const foldAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

interface Checked {
  alternative: RegExp;
  required: readonly string[] | null;
  anchors: readonly string[] | null;
}

const checkedCache = new Map<RegExp, Checked[]>();

function alternativesOf(pattern: RegExp): Checked[] {
  let checked = checkedCache.get(pattern);
  if (!checked) {
    const sources = (pattern.global && topLevelAlternatives(pattern.source)) || [pattern.source];
    checked = [pattern, ...sources.map((source) => new RegExp(source, pattern.flags))].map((alternative) => ({
      alternative,
      ...literalsOf(alternative),
    }));
    checkedCache.set(pattern, checked);
  }
  return checked;
}

/**
 * What the prefilter gets wrong on these inputs: a match without its required literal or not
 * starting with an anchor, a pattern skipped though it matches, or matches that differ from a
 * full scan. Empty when it is sound on them. Also counts the scans it saved.
 */
export function prefilterProblems(inputs: readonly string[]): { problems: string[]; scans: number; skipped: number } {
  const problems: string[] = [];
  const prefilter = rubricPrefilter();
  let scans = 0;
  let skipped = 0;
  for (const input of inputs) {
    const text = cleanTextOf(input);
    const folded = foldAscii(text);
    const possible = prefilter.scan(text);
    for (const pattern of scannedPatterns()) {
      for (const { alternative, required, anchors } of alternativesOf(pattern)) {
        for (const m of allMatches(alternative, text)) {
          const matched = folded.slice(m.start, m.end);
          if (required && !required.some((literal) => matched.includes(literal)))
            problems.push(`/${alternative.source.slice(0, 60)}/ matched "${matched}" without any of ${required}`);
          if (anchors && !anchors.some((anchor) => folded.startsWith(anchor, m.start)))
            problems.push(
              `/${alternative.source.slice(0, 60)}/ matched "${matched}" not starting with any of ${anchors}`,
            );
        }
      }
      const expected = allMatches(pattern, text);
      scans++;
      if (!possible.mayMatch(pattern)) {
        skipped++;
        if (expected.length > 0)
          problems.push(`/${pattern.source.slice(0, 60)}/ skipped but matches "${text.slice(0, 60)}"`);
      }
      if (pattern.global) {
        const found = possible.matches(pattern, text);
        if (JSON.stringify(found) !== JSON.stringify(expected))
          problems.push(`/${pattern.source.slice(0, 60)}/ found other matches than a scan in "${text.slice(0, 60)}"`);
      }
    }
  }
  return { problems, scans, skipped };
}
