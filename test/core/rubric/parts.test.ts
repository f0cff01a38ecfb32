import { describe, expect, it } from 'vitest';
import { normaliseMrkdwn, splitSentences } from '../../../src/core/rubric/normalise.js';
import { partsFromLabels, splitStarParts } from '../../../src/core/rubric/parts.js';

const partsOf = (text: string) => {
  const clean = normaliseMrkdwn(text);
  return splitStarParts(clean, splitSentences(clean)).map((p) => ({ part: p.part, text: text.slice(p.start, p.end) }));
};

describe('explicit labels', () => {
  const variants = [
    'S: I was on checkout.\nT: My goal was speed.\nA: I profiled it.\nR: p99 fell 40%.\nL: I now profile first.',
    '*Situation*\nI was on checkout.\n*Task*\nMy goal was speed.\n*Action*\nI profiled it.\n*Result*\np99 fell 40%.\n*Reflection*\nI now profile first.',
    'Situation - I was on checkout.\nTask - My goal was speed.\nAction - I profiled it.\nResult - p99 fell 40%.\nLearnings - I now profile first.',
    '1. Situation: I was on checkout.\n2. Task: My goal was speed.\n3. Action: I profiled it.\n4. Result: p99 fell 40%.\n5. Lessons learned: I now profile first.',
    ':mag: Situation: I was on checkout.\n:dart: Task: My goal was speed.\n:hammer: Action: I profiled it.\n:chart: Result: p99 fell 40%.\n:bulb: Reflection: I now profile first.',
    'Situation: I was on checkout. Task: My goal was speed. Action: I profiled it. Result: p99 fell 40%. Reflection: I now profile first.',
  ];
  for (const text of variants) {
    it(`reads ${JSON.stringify(text.slice(0, 24))}`, () => {
      expect(partsOf(text)).toEqual([
        { part: 'situation', text: 'I was on checkout.' },
        { part: 'task', text: 'My goal was speed.' },
        { part: 'action', text: 'I profiled it.' },
        { part: 'result', text: 'p99 fell 40%.' },
        { part: 'reflection', text: 'I now profile first.' },
      ]);
    });
  }
  it('reads long emoji headings', () => {
    const text =
      ':mag_right: Situation: I was on checkout.\n:hammer_and_wrench: Task: My goal was speed.\n:hammer_and_wrench: Action: I profiled it.\n:chart_with_upwards_trend: Result: p99 fell 40%.\n:bulb: Reflection: I now profile first.';
    expect(partsOf(text).map((p) => p.part)).toEqual(['situation', 'task', 'action', 'result', 'reflection']);
  });

  it('does not take hyphenated words for labels', () => {
    const text =
      'At my last job our nightly job ran for 5 hours. Task-level retries were hiding the failures, so my goal was to find them. ' +
      'I profiled the job and I added an index. Impact-wise, the run went from 5 hours to 50 minutes. I learned to profile first.';
    expect(partsFromLabels(normaliseMrkdwn(text))).toBeUndefined();
  });

  it('needs at least two different labels', () => {
    expect(partsFromLabels(normaliseMrkdwn('Result: it worked.'))).toBeUndefined();
  });
});

describe('cue words in unlabelled prose', () => {
  it('finds all five parts in a one-paragraph answer', () => {
    const text =
      'At my previous job I was on the checkout team and pages were loading slowly for mobile users. ' +
      'My goal was to get the p95 under two seconds before the holiday sale. ' +
      'I profiled the page and found three blocking scripts. I moved them behind the first paint and I added a size budget to CI. ' +
      'As a result p95 went from 4.1 s to 1.7 s and conversion rose 3%. ' +
      'I learned to measure before guessing, and I now add a budget to every new page.';
    expect(partsOf(text).map((p) => p.part)).toEqual(['situation', 'task', 'action', 'result', 'reflection']);
  });
  it('reads lower-case "i" as people type it in Slack', () => {
    const text =
      'at my previous job i was on the checkout team and pages were slow. my goal was to fix it before the sale. ' +
      'i profiled the page, i found three blocking scripts and i moved them after first paint. ' +
      'as a result p95 went from 4.1 s to 1.7 s. i learned to measure first, and i now add a budget to every page.';
    expect(partsOf(text).map((p) => p.part)).toContain('action');
  });

  it('reports what is missing instead of inventing it', () => {
    const parts = partsOf('I profiled the page. I moved two scripts. I added a budget.').map((p) => p.part);
    expect(parts).toEqual(['action']);
  });
});
