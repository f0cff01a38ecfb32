import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../src/core/rubric/context.js';
import { flagInInput, runRules } from '../../../src/core/rubric/engine.js';
import { scoreAnswer } from '../../../src/core/rubric/index.js';
import { countWords } from '../../../src/core/rubric/normalise.js';
import { RULES, type Rule, type RuleExample } from '../../../src/core/rubric/rules.js';
import { FLAG_IDS, type Flag } from '../../../src/core/rubric/types.js';

function flagsFor(rule: Rule, example: RuleExample): Flag[] {
  const kind = example.kind ?? 'answer';
  if (example.part === undefined) {
    return scoreAnswer(example.text, {
      kind,
      lp: example.lp,
      level: example.level,
      question: example.question,
    }).flags;
  }
  const ctx = buildContext(example.text, {
    kind,
    level: example.level ?? 'sde2',
    lp: example.lp ?? null,
    scenario: null,
    question: example.question,
    forcePart: example.part,
  });
  return runRules([rule], ctx, countWords(ctx.clean)).map((flag) => flagInInput(ctx, flag));
}

const flagIdsFor = (rule: Rule, example: RuleExample) => flagsFor(rule, example).map((f) => f.id);

describe('every rule runs its own examples', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has examples on both sides', () => {
        expect(rule.examples.fires.length).toBeGreaterThan(0);
        expect(rule.examples.passes.length).toBeGreaterThan(0);
      });
      for (const example of rule.examples.fires) {
        it(`fires on: ${example.text.slice(0, 70)}`, () => {
          const flag = flagsFor(rule, example).find((f) => f.id === rule.id);
          expect(flag, 'the rule fires').toBeDefined();
          // The words the user is shown, each one exactly where it was written.
          expect(example.quotes, 'an example that fires says what it quotes').toBeDefined();
          expect(flag?.occurrences.map((o) => o.quote)).toEqual(example.quotes);
          expect(example.quotes).toContain(flag?.quote);
          for (const o of flag?.occurrences ?? []) expect(example.text.slice(o.start, o.end)).toBe(o.quote);
          expect(example.text.slice(flag?.start, flag?.end)).toBe(flag?.quote);
        });
      }
      for (const example of rule.examples.passes) {
        it(`passes: ${example.text.slice(0, 70)}`, () => expect(flagIdsFor(rule, example)).not.toContain(rule.id));
      }
    });
  }
});

describe('rule vocabulary', () => {
  it('has one rule per flag id and no unknown ids', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...FLAG_IDS].sort());
  });
  it('keeps the ids the product promised', () => {
    for (const id of [
      'we-language',
      'handoff',
      'manager-directed',
      'hedging',
      'hypothetical',
      'blame',
      'no-metric',
      'vague-result',
      'no-scope-boundary',
      'generic-reflection',
      'missing-star-part',
      'too-short',
      'too-long',
      'filler',
    ]) {
      expect(FLAG_IDS).toContain(id);
    }
  });
  it('gives every rule a message and a fix', () => {
    for (const rule of RULES) {
      expect(rule.message.length).toBeGreaterThan(10);
      expect(rule.fix.length).toBeGreaterThan(10);
    }
  });
});
