import { describe, expect, it } from 'vitest';
import { type AskedQuestion, nextQuestion } from '../../src/core/rotation.js';

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

const bank = new Map<string, string[]>([
  ['ownership', ['o1', 'o2', 'o3']],
  ['dive-deep', ['d1', 'd2']],
  ['frugality', ['f1', 'f2', 'f3', 'f4']],
]);

function run(days: number, lps: ('ownership' | 'dive-deep' | 'frugality')[], seed = 1): AskedQuestion[] {
  const history: AskedQuestion[] = [];
  const random = rng(seed);
  for (let i = 0; i < days; i++) {
    const pick = nextQuestion(history, lps, bank, random);
    if (!pick) throw new Error('no pick');
    history.push(pick);
  }
  return history;
}

describe('nextQuestion', () => {
  it('goes through every LP before repeating one', () => {
    for (let seed = 1; seed < 20; seed++) {
      const history = run(9, ['ownership', 'dive-deep', 'frugality'], seed);
      for (let cycle = 0; cycle < 3; cycle++) {
        expect(new Set(history.slice(cycle * 3, cycle * 3 + 3).map((h) => h.lp)).size).toBe(3);
      }
    }
  });

  it("does not repeat a question before that LP's bank is used up", () => {
    for (let seed = 1; seed < 20; seed++) {
      const history = run(12, ['ownership', 'dive-deep', 'frugality'], seed);
      for (const [lp, ids] of bank) {
        const asked = history.filter((h) => h.lp === lp).map((h) => h.questionId);
        const firstRound = asked.slice(0, ids.length);
        expect(new Set(firstRound).size).toBe(firstRound.length);
      }
    }
  });

  it('keeps to the LPs a channel chose, and skips LPs with no questions', () => {
    const history = run(6, ['dive-deep']);
    expect(new Set(history.map((h) => h.lp))).toEqual(new Set(['dive-deep']));
    expect(nextQuestion([], ['customer-obsession'], bank, rng(1))).toBeUndefined();
  });

  it('does not repeat a new LP many times after the list widens', () => {
    const history = run(10, ['ownership', 'dive-deep']);
    const random = rng(5);
    for (let i = 0; i < 6; i++) {
      const pick = nextQuestion(history, ['ownership', 'dive-deep', 'frugality'], bank, random);
      if (pick) history.push(pick);
    }
    expect(new Set(history.slice(10, 13).map((h) => h.lp)).size).toBe(3);
  });

  it('continues a cycle from any history (restarts keep coverage)', () => {
    const pick = nextQuestion(
      [
        { lp: 'ownership', questionId: 'o1' },
        { lp: 'dive-deep', questionId: 'd1' },
      ],
      ['ownership', 'dive-deep', 'frugality'],
      bank,
      rng(3),
    );
    expect(pick?.lp).toBe('frugality');
  });
});
