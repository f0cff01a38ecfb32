import { describe, expect, it } from 'vitest';
import { formatSeconds, groupFlags, plural, topFixes, withArticle } from '../../src/core/feedback.js';
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
