import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../../src/core/rubric/index.js';

const STRONG =
  'At my previous job I was an SDE2 on the checkout team, and about 0.3% of payment webhooks from the Platform team never arrived. ' +
  'It was not my team’s service and nobody had asked me to look, but I decided to own it because merchants were waiting on money.\n\n' +
  'I pulled two weeks of delivery logs and grouped the failures by error. I traced them to short timeouts that the retry logic treated as final. ' +
  'I reproduced the failure locally, I wrote a fix with exponential backoff, and I added a dead-letter alert. I showed their lead the data and committed to his release date.\n\n' +
  'As a result the drop rate went from 0.3% to zero and about $8K a week of delayed revenue came back; their team adopted the alert as a standard.\n\n' +
  'I learned to bring a working fix and the numbers, not a problem report, and I now do that whenever I ask another team for a change.';

const WEAK =
  'Some webhooks were dropping now and then, so I told the Platform team about it. I sent them a Slack message and they handled it. ' +
  'I think it got fixed eventually and the drop rate improved. I escalated it to make sure it was resolved.';

describe('scoreAnswer', () => {
  it('separates a strong answer from a weak one', () => {
    const strong = scoreAnswer(STRONG, { lp: 'ownership', level: 'sde2' });
    const weak = scoreAnswer(WEAK, { lp: 'ownership', level: 'sde2' });
    expect(['strong-hire', 'lean-hire']).toContain(strong.verdict);
    expect(['lean-no-hire', 'no-hire']).toContain(weak.verdict);
    expect(weak.flags.map((f) => f.id)).toEqual(
      expect.arrayContaining(['handoff', 'hedging', 'no-metric', 'no-scope-boundary']),
    );
  });

  it('quotes the exact words: input.slice(start, end) === quote, also through Slack markup', () => {
    const marked = `*Situation:* <@U1234> and I ran payments :credit_card:. ${WEAK.replace('Slack message', '_Slack_ message')} &amp; we kind of waited.`;
    for (const text of [STRONG, WEAK, marked]) {
      const result = scoreAnswer(text, { lp: 'ownership' });
      for (const f of [...result.flags, ...result.strengths]) expect(text.slice(f.start, f.end)).toBe(f.quote);
      for (const p of result.parts) expect(p.end).toBeGreaterThanOrEqual(p.start);
    }
  });

  it('reports timing per part against the level targets', () => {
    const sde1 = scoreAnswer(STRONG, { level: 'sde1' });
    const senior = scoreAnswer(STRONG, { level: 'senior' });
    expect(sde1.parts.map((p) => p.part)).toEqual(['situation', 'task', 'action', 'result', 'reflection']);
    const action = (r: typeof sde1) => r.parts.find((p) => p.part === 'action');
    expect(action(sde1)?.targetSeconds).toBeLessThan(action(senior)?.targetSeconds ?? 0);
    expect(sde1.seconds).toBe(Math.round((sde1.words * 60) / 150));
  });

  it('holds seniors to a higher bar on reflection', () => {
    const sde1 = scoreAnswer(STRONG, { level: 'sde1', lp: 'ownership' });
    const senior = scoreAnswer(STRONG, { level: 'senior', lp: 'ownership' });
    expect(senior.dimensions.reflection).toBeLessThan(sde1.dimensions.reflection + 1);
    const systemic = `${STRONG} The root cause was organisational: no team owned delivery end to end, so I proposed a shared SLO, trading some release speed for a review step.`;
    expect(scoreAnswer(systemic, { level: 'senior' }).dimensions.reflection).toBeGreaterThan(
      senior.dimensions.reflection,
    );
  });

  it('holds seniors to a higher bar: the same answer earns a lower verdict at Senior than at SDE1', () => {
    const sde1 = scoreAnswer(STRONG, { level: 'sde1', lp: 'ownership' });
    const senior = scoreAnswer(STRONG, { level: 'senior', lp: 'ownership' });
    // Without a systemic reflection a senior answer is capped on reflection…
    expect(senior.dimensions.reflection).toBeLessThanOrEqual(60);
    expect(sde1.dimensions.reflection).toBeGreaterThan(60);
    // …and the verdict bar is higher.
    const order = ['no-hire', 'lean-no-hire', 'lean-hire', 'strong-hire'];
    expect(order.indexOf(senior.verdict)).toBeLessThan(order.indexOf(sde1.verdict));
  });

  it('credits the scenario key phrases, including ones that start or end with a symbol', async () => {
    const { loadLibrary } = await import('../../../src/content/load-scenarios.js');
    const { DEFAULT_SCENARIOS_DIR } = await import('../../../src/content/paths.js');
    const scenario = loadLibrary(DEFAULT_SCENARIOS_DIR).scenarios.find((s) => s.id === 'webhook-retry-fix');
    const result = scoreAnswer(STRONG, { scenario, level: 'sde2' });
    const phrases = result.strengths.filter((s) => s.id === 'key-phrase').map((s) => s.quote.toLowerCase());
    expect(phrases).toContain('from 0.3% to zero');
    expect(scoreAnswer(STRONG, { level: 'sde2' }).strengths.filter((s) => s.id === 'key-phrase')).toEqual([]);
  });

  it('flags handoffs written with Slack emphasis or in lower case', () => {
    for (const text of [
      'I *escalated* it to my manager and waited.',
      'i escalated it to the platform team and waited.',
    ]) {
      expect(scoreAnswer(text, { kind: 'probe' }).flags.map((f) => f.id)).toContain('handoff');
    }
  });

  it('does not let a "we"-only action pass at any level', () => {
    const text =
      'At my last job our checkout was slow. My goal was to speed it up. We profiled the service, we found two slow queries and we rewrote them. ' +
      'We also added a cache. As a result p95 went from 2 s to 400 ms. I learned to profile first, and I now add a latency budget to each service.';
    for (const level of ['sde1', 'sde2', 'senior'] as const)
      expect(['lean-no-hire', 'no-hire']).toContain(scoreAnswer(text, { level }).verdict);
  });

  it('never fires on quoted speech', () => {
    const text = 'Their lead said "we think you should maybe escalate it", but I wrote the fix and shipped it.';
    expect(scoreAnswer(text, { kind: 'probe' }).flags.map((f) => f.id)).toEqual([]);
  });

  it('does not call a deliberate escalation after your own fix a handoff', () => {
    const text =
      'I patched the retry bug in our fork first. Then I escalated to their tech lead so the fix would land upstream.';
    expect(scoreAnswer(text, { kind: 'probe' }).flags.map((f) => f.id)).not.toContain('handoff');
  });

  it('allows "I would" only when the probe question is hypothetical', () => {
    const reply = 'I would gather more data on their concerns, propose a shadow deployment and commit to their call.';
    expect(
      scoreAnswer(reply, { kind: 'probe', question: 'What would you do if they said no?' }).flags.map((f) => f.id),
    ).not.toContain('hypothetical');
    expect(
      scoreAnswer(reply, { kind: 'probe', question: 'How did you convince them?' }).flags.map((f) => f.id),
    ).toContain('hypothetical');
  });

  it('counts numbers in words as metrics', () => {
    for (const result of ['Build times halved.', 'Errors went to zero.', 'Throughput doubled overnight.']) {
      const text = `At my last job our builds were slow. My goal was to speed them up. I profiled the build and I removed two loaders. ${result} I learned to profile first.`;
      expect(scoreAnswer(text).flags.map((f) => f.id)).not.toContain('no-metric');
    }
  });

  it('is deterministic', () => {
    expect(scoreAnswer(STRONG, { level: 'senior' })).toEqual(scoreAnswer(STRONG, { level: 'senior' }));
  });

  it('handles empty and whitespace-only input without throwing', () => {
    for (const text of ['', '   \n\n ', ':tada: :tada:']) {
      const result = scoreAnswer(text);
      expect(result.words).toBe(0);
      expect(result.verdict).toBe('no-hire');
    }
  });

  it('stays linear on a megabyte of repeated words and adversarial punctuation', () => {
    const chunks = [
      'we ',
      'I escalated ',
      'from 1 to ',
      '"',
      '*',
      '_',
      ':',
      '<@',
      '<http://x|',
      '...',
      '!!!',
      'I think ',
      'kind of ',
      '\n',
      'situation: ',
    ];
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += chunks[(i * 7) % chunks.length];
    const started = performance.now();
    const result = scoreAnswer(text, { level: 'senior', lp: 'ownership' });
    // The test timeout is the real guard; this number is reported by `npm run bench`.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.flags.some((f) => f.id === 'too-long')).toBe(true);
    for (const f of result.flags) expect(text.slice(f.start, f.end)).toBe(f.quote);
  });
});
