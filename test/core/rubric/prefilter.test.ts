import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../../../src/content/paths.js';
import { LEVELS } from '../../../src/core/lp.js';
import { buildContext } from '../../../src/core/rubric/context.js';
import { runRules } from '../../../src/core/rubric/engine.js';
import { rubricPrefilter } from '../../../src/core/rubric/index.js';
import { LiteralScanner } from '../../../src/core/rubric/literal-scanner.js';
import { countWords } from '../../../src/core/rubric/normalise.js';
import { literalsOf, topLevelAlternatives } from '../../../src/core/rubric/pattern-literals.js';
import { ANY_MATCHES, PatternPrefilter } from '../../../src/core/rubric/prefilter.js';
import { RULES, type Rule, type RuleExample } from '../../../src/core/rubric/rules.js';
import { modelAnswer } from '../../../src/core/scenario.js';
import { prefilterProblems } from '../../helpers/prefilter-soundness.js';

describe('literalsOf: what every match contains and starts with', () => {
  const cases: [RegExp, readonly string[] | null, readonly string[] | null][] = [
    [/\bescalated\b/i, ['escalate'], ['escalate']],
    // Literals are cut to eight characters: a text that contains one contains its start.
    [
      /\b(?:[Ii]|[Ww]e) (?:just )?escalated\b/,
      ['i escala', 'i just e', 'we escal', 'we just '],
      ['i escala', 'i just e', 'we escal', 'we just '],
    ],
    // A digit alone is a usable anchor (rare in prose); a letter alone is not.
    [/\d+ ms\b/, [' ms'], [...'0123456789']],
    // Quotes, dashes and currencies have no case: they are literals as typed.
    [/[$€£]\s?\d/, ['$', '€', '£'], ['$', '€', '£']],
    [/\bI['’]m\b/i, ["i'm", 'i’m'], ["i'm", 'i’m']],
    [/\bfoo|\w+bar/, ['foo', 'bar'], null],
    [/(?<=foo)bar/, ['bar'], ['bar']],
    [/\b[Tt]he [a-z]+ team\b/, [' team'], ['the ']],
    [/\bum+\b/i, ['m'], ['um']],
    [/x*/, null, null],
    [/(?:a|b)?c/, ['c', 'ac', 'bc'], null],
    // A character outside ASCII is never a literal: case folding is only sure for ASCII.
    [/caf\u00e9 au lait/i, [' au lait'], ['caf']],
    // Unicode patterns fold more (ſ matches s): no literals at all.
    [/\bstop\b/iu, null, null],
    [/\b\\\(a\)\[/, ['\\(a)['], ['\\(a)[']],
  ];
  for (const [pattern, required, anchors] of cases) {
    it(`${pattern}`, () => {
      expect(literalsOf(pattern)).toEqual({ required, anchors });
    });
  }
});

describe('topLevelAlternatives', () => {
  it('splits at top-level bars and opens groups that are whole alternatives', () => {
    expect(topLevelAlternatives('a|(?:b|c)|d')).toEqual(['a', 'b', 'c', 'd']);
    expect(topLevelAlternatives('(?:a|b)c|d')).toEqual(['(?:a|b)c', 'd']);
    expect(topLevelAlternatives('[|(]|x')).toEqual(['[|(]', 'x']);
    expect(topLevelAlternatives('\\|a|b')).toEqual(['\\|a', 'b']);
  });
  it('does not split a pattern with backreferences', () => {
    expect(topLevelAlternatives('(a)|\\1')).toBeNull();
  });
});

describe('LiteralScanner', () => {
  it('finds overlapping literals in any ASCII case, and where anchored ones start', () => {
    const scanner = new LiteralScanner(['he', 'she', 'hers', 'his'], Uint8Array.from([1, 0, 0, 0]));
    const scan = scanner.scan('USHERS and the hen');
    expect([0, 1, 2, 3].map((id) => scanner.found(id))).toEqual([true, true, true, false]);
    expect(scanner.starts(0)).toEqual([2, 12, 15]);
    // Only anchored literals have their starts listed.
    expect(scanner.starts(1)).toEqual([]);
    scanner.scan('his');
    expect(scanner.isCurrent(scan)).toBe(false);
    expect([0, 1, 2, 3].map((id) => scanner.found(id))).toEqual([false, false, false, true]);
  });
});

describe('PatternPrefilter', () => {
  const patterns = [
    /\b(?:we|our team) (?:fixed|shipped)\b|\bI (?:fixed|shipped)\b|\d+ ms\b/gi,
    /\bescalat(?:e|ed|ing)\b|\bthey handled it\b/g,
    /\bx*/g,
  ];
  const prefilter = new PatternPrefilter(patterns);

  it('skips a pattern none of whose literals occur', () => {
    const possible = prefilter.scan('I wrote the fix myself.');
    expect(possible.mayMatch(patterns[1])).toBe(false);
    expect(possible.matches(patterns[1], 'I wrote the fix myself.')).toEqual([]);
  });

  it('finds exactly what a full scan finds, on random texts', () => {
    const words = [
      'we ',
      'We ',
      'our team ',
      'fixed ',
      'shipped ',
      'I ',
      'i ',
      '40 ms ',
      'escalated ',
      'x',
      'they handled it ',
      '. ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const possible = prefilter.scan(text);
        for (const pattern of patterns)
          expect(possible.matches(pattern, text)).toEqual(ANY_MATCHES.matches(pattern, text));
      }),
      { numRuns: 300 },
    );
  });

  it('scans in full once another text has been scanned (its findings are that text’s)', () => {
    const first = prefilter.scan('We fixed it');
    prefilter.scan('nothing here');
    expect(first.mayMatch(patterns[0])).toBe(true);
    expect(first.matches(patterns[0], 'We fixed it')).toEqual([{ start: 0, end: 8 }]);
  });

  it('scans in full a text it did not scan (its offsets are the scanned text’s)', () => {
    const possible = prefilter.scan('nothing here');
    expect(possible.matches(patterns[0], 'We fixed it')).toEqual([{ start: 0, end: 8 }]);
  });
});

// Each kind of rule gives the same flags with the prefilter as without it, on its own examples.
describe('rules give the same flags with and without the prefilter', () => {
  const run = (rule: Rule, example: RuleExample, withPrefilter: boolean) => {
    const ctx = buildContext(example.text, {
      kind: example.kind ?? 'answer',
      level: example.level ?? 'sde2',
      lp: example.lp ?? null,
      scenario: null,
      question: example.question,
      forcePart: example.part,
      prefilter: withPrefilter ? rubricPrefilter() : undefined,
    });
    return runRules([rule], ctx, countWords(ctx.clean));
  };
  for (const kind of ['phrase', 'absence', 'computed'] as const) {
    it(`${kind} rules`, () => {
      const rules = RULES.filter((rule) => rule.kind === kind);
      expect(rules.length).toBeGreaterThan(0);
      for (const rule of rules)
        for (const example of [...rule.examples.fires, ...rule.examples.passes])
          expect(run(rule, example, true)).toEqual(run(rule, example, false));
    });
  }
});

describe('the prefilter is sound on every answer in the repository', () => {
  const fixtures = path.join(import.meta.dirname, '../../fixtures/rubric');
  const texts = (file: string) =>
    readFileSync(path.join(fixtures, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text);
  const library = loadLibrary(DEFAULT_SCENARIOS_DIR);
  // The bench corpus is drawn from these: every level's model answer and the weak answers.
  const libraryAnswers = library.scenarios.flatMap((s) => [
    ...LEVELS.map((level) => modelAnswer(s, level)),
    s.weakAnswer.answer,
    ...(s.nearBar ? [s.nearBar.answer] : []),
    ...s.probes.flatMap((p) => [p.weak.answer, p.strong.answer]),
  ]);
  const answers = [...texts('holdout.jsonl'), ...texts('negation.jsonl'), ...libraryAnswers];
  const lowerNoPunctuation = answers.map((t) =>
    t
      .replace(/\s*\n\s*/g, ' ')
      .toLowerCase()
      .replace(/[.,!?;:]/g, ''),
  );

  it('as written and in lower case without punctuation', { timeout: 120_000 }, () => {
    const { problems, scans, skipped } = prefilterProblems([...answers, ...lowerNoPunctuation]);
    expect(problems.slice(0, 5)).toEqual([]);
    // It must also earn its keep: a prefilter that never skips is only a cost.
    expect(skipped / scans).toBeGreaterThan(0.2);
  });
});
