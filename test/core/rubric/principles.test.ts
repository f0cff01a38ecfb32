import { describe, expect, it } from 'vitest';
import { FLAG_WORDS } from '../../../src/core/flag-words.js';
import { LP_IDS } from '../../../src/core/lp.js';
import { isHireVerdict, scoreAnswer } from '../../../src/core/rubric/index.js';
import { PRINCIPLE_SIGNALS } from '../../../src/core/rubric/principles.js';

const BUG_FIX =
  'Last March our checkout service started timing out for about 3% of payments. I pulled the traces, found that ' +
  'a retry loop hammered the card processor after each slow response, and I rewrote it with exponential backoff ' +
  'and a cap of three attempts. I shipped the fix behind a flag the same afternoon. Timeouts fell from 3% to 0.1% ' +
  'within a day, and I added an alert on retry rates so the next regression shows up before customers notice it.';

describe('off-principle', () => {
  it('flags a bug-fix story told for Hire and Develop the Best, and keeps it below hire', () => {
    const result = scoreAnswer(BUG_FIX, { lp: 'hire-and-develop-the-best', level: 'sde2' });
    const flag = result.flags.find((f) => f.id === 'off-principle');
    expect(flag).toBeDefined();
    expect(flag?.quote).toBe('');
    expect(flag?.message).toContain('Hire and Develop the Best');
    expect(flag?.message).toContain('mentoring');
    expect(isHireVerdict(result.verdict)).toBe(false);
  });

  it('does not flag the same story told for Dive Deep', () => {
    const result = scoreAnswer(BUG_FIX, { lp: 'dive-deep', level: 'sde2' });
    expect(result.flags.map((f) => f.id)).not.toContain('off-principle');
  });

  it('does not fire without a principle to check against', () => {
    expect(scoreAnswer(BUG_FIX, { level: 'sde2' }).flags.map((f) => f.id)).not.toContain('off-principle');
  });

  it('has cues and plain words for every principle, and a label for the flag', () => {
    for (const lp of LP_IDS) {
      expect(PRINCIPLE_SIGNALS[lp].patterns.length).toBeGreaterThan(0);
      expect(PRINCIPLE_SIGNALS[lp].expected.length).toBeGreaterThan(10);
    }
    expect(FLAG_WORDS['off-principle'].label.length).toBeLessThanOrEqual(60);
  });
});
