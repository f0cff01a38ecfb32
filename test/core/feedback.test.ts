import { describe, expect, it } from 'vitest';
import {
  formatSeconds,
  groupFlags,
  partStatus,
  plural,
  shortAnswerAdvice,
  topFixes,
  withArticle,
} from '../../src/core/feedback.js';
import type { PartTiming, RubricResult } from '../../src/core/rubric/index.js';
import { scoreAnswer } from '../../src/core/rubric/index.js';

describe('feedback words', () => {
  it('writes durations one way', () => {
    expect([formatSeconds(45), formatSeconds(60), formatSeconds(130)]).toEqual(['45 s', '1 min', '2 min 10 s']);
  });

  it('counts and articles read as English', () => {
    expect([plural(1, 'session'), plural(3, 'session')]).toEqual(['1 session', '3 sessions']);
    expect([withArticle('Ownership'), withArticle('Deliver Results')]).toEqual(['an Ownership', 'a Deliver Results']);
  });

  it('groups repeated flags into one fix with every quote, in plain words', () => {
    const result = scoreAnswer('We planned it. We built it. We shipped it and we think it kind of went well.', {
      lp: 'ownership',
    });
    const items = groupFlags(result.flags);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const we = items.find((i) => i.id === 'we-language');
    expect(we?.label).not.toContain('we-language');
    expect(we?.quotes.length).toBeGreaterThan(0);
    expect(topFixes(result).length).toBeLessThanOrEqual(3);
  });
});

/** A clean answer of 67 words: every part told, numbers in the result, no flag. */
const SHORT_CLEAN_ANSWER =
  'At my last job our checkout page failed for 3% of users. I owned the fix. I traced it to a race in the cart service, ' +
  'wrote a lock-free retry, and added an alert on the error rate. Errors fell from 3% to 0.2% in a week and support ' +
  'tickets halved. I learned to add the alert before the fix, so I can see the change land.';

const part = (name: PartTiming['part'], seconds: number, targetSeconds: number, found = true): PartTiming => ({
  part: name,
  found,
  start: 0,
  end: 0,
  words: Math.round((seconds * 150) / 60),
  seconds,
  targetSeconds,
});

function timed(parts: PartTiming[], kind: RubricResult['kind'] = 'answer') {
  return {
    kind,
    parts,
    seconds: parts.reduce((sum, p) => sum + p.seconds, 0),
    targetSeconds: parts.reduce((sum, p) => sum + p.targetSeconds, 0),
  };
}

describe('timing advice', () => {
  it('names each part as missing, thin (under 30% of its target), fine or too long (over 150%)', () => {
    expect(partStatus(part('task', 0, 20, false))).toBe('missing');
    expect(partStatus(part('action', 26, 90))).toBe('thin');
    expect(partStatus(part('action', 27, 90))).toBe('fine');
    expect(partStatus(part('action', 135, 90))).toBe('fine');
    expect(partStatus(part('action', 136, 90))).toBe('too long');
  });

  it("says a clean answer with a thin Action is short, with the Action's own time", () => {
    const advice = shortAnswerAdvice(
      timed([part('situation', 30, 30), part('task', 20, 20), part('action', 20, 90), part('result', 20, 20)]),
    );
    expect(advice?.title).toBe('Nothing flagged, but it is short.');
    expect(advice?.detail).toContain('Your Action runs 20 s of 1 min 30 s');
  });

  it('says a clean answer under half its time is short even when the Action is not thin', () => {
    const advice = shortAnswerAdvice(
      timed([part('situation', 3, 30), part('task', 2, 20), part('action', 30, 90), part('result', 5, 20)]),
    );
    expect(advice?.detail).toMatch(/^About 40 s spoken, of the 2 min 40 s/);
    expect(advice?.detail).not.toContain('Your Action runs');
  });

  it('says nothing of an answer long enough, or of a follow-up answer', () => {
    const full = [part('situation', 25, 30), part('task', 15, 20), part('action', 80, 90), part('result', 20, 20)];
    expect(shortAnswerAdvice(timed(full))).toBeUndefined();
    expect(shortAnswerAdvice(timed([part('action', 9, 45)], 'probe'))).toBeUndefined();
  });

  it("reads the rubric's own timing: a clean 67-word answer is short", () => {
    const result = scoreAnswer(SHORT_CLEAN_ANSWER, { level: 'sde2' });
    expect(topFixes(result)).toEqual([]);
    expect(shortAnswerAdvice(result)?.detail).toContain('Your Action runs');
  });
});
