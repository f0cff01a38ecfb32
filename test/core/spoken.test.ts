import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseSpokenAnswer, countFillers, deliveryTips, PAUSE_SECONDS } from '../../src/core/spoken.js';
import { parseVtt, type VttCue } from '../../src/core/vtt.js';

const answer = parseVtt(readFileSync(new URL('../fixtures/vtt/spoken-answer.vtt', import.meta.url), 'utf8'));

describe('countFillers', () => {
  it.each([
    ['um so uh we shipped it', { um: 1, uh: 1, like: 0, 'you know': 0 }],
    ['and like we fixed it', { um: 0, uh: 0, like: 1, 'you know': 0 }],
    ['it was like really slow', { um: 0, uh: 0, like: 1, 'you know': 0 }],
    ['it took like 20 minutes', { um: 0, uh: 0, like: 1, 'you know': 0 }],
    ['i like go and it looks like a bug', { um: 0, uh: 0, like: 0, 'you know': 0 }],
    ['i would like to say something like that', { um: 0, uh: 0, like: 0, 'you know': 0 }],
    ['we were you know behind', { um: 0, uh: 0, like: 0, 'you know': 1 }],
    ['do you know what happened if you know how', { um: 0, uh: 0, like: 0, 'you know': 0 }],
    ['ummm errm uhh', { um: 2, uh: 1, like: 0, 'you know': 0 }],
    ['the umbrella under the user', { um: 0, uh: 0, like: 0, 'you know': 0 }],
  ])('%j', (text, expected) => {
    expect(countFillers(text)).toEqual(expected);
  });

  it('reads across cue breaks', () => {
    expect(countFillers('it looks\nlike a bug').like).toBe(0);
    expect(countFillers('and\nlike we waited').like).toBe(1);
  });
});

describe('analyseSpokenAnswer', () => {
  const spoken = analyseSpokenAnswer(answer, { level: 'sde2' }, 97.4);

  it('lays the rubric parts onto the cue times', () => {
    expect(spoken.timing.parts.map((p) => [p.part, p.seconds, p.targetSeconds, p.pace])).toEqual([
      ['situation', 19, 30, 'on-target'],
      ['task', 6, 20, 'short'],
      ['action', 41.5, 90, 'short'],
      ['result', 13, 20, 'on-target'],
      ['reflection', 13, 15, 'on-target'],
    ]);
    const total = spoken.timing.parts.reduce((n, p) => n + p.seconds, 0);
    // Every spoken second lands in a part; the pause between cues belongs to none.
    expect(total).toBeCloseTo(96 - 3.5, 5);
  });

  it('measures pace, pauses and fillers', () => {
    expect(spoken.timing).toMatchObject({
      spokenSeconds: 96,
      clipSeconds: 97.4,
      words: 206,
      wordsPerMinute: 129,
      pauses: [{ at: 25, seconds: 3.5 }],
      fillers: { um: 1, uh: 1, like: 1, 'you know': 1 },
      fillerCount: 4,
      fillersPerMinute: 2.5,
    });
  });

  it('scores the transcript text with the rubric', () => {
    expect(spoken.text.split('\n')).toHaveLength(14);
    expect(spoken.result.parts.every((p) => p.found)).toBe(true);
    expect(spoken.result.flags.some((f) => f.id === 'filler')).toBe(true);
  });

  it('counts a gap as a pause only past the threshold, overlapping cues none', () => {
    const cues: VttCue[] = [
      { start: 0, end: 5, text: 'at my last job i was on the search team' },
      { start: 4, end: 8, text: 'i rewrote the ranking service' },
      { start: 8 + PAUSE_SECONDS, end: 12, text: 'i wrote the tests' },
      { start: 12 + PAUSE_SECONDS + 0.5, end: 20, text: 'latency dropped from 900 ms to 200 ms' },
    ];
    expect(analyseSpokenAnswer(cues).timing.pauses).toEqual([{ at: 12, seconds: 2.5 }]);
  });

  it('gives zeros, not NaN, for an empty transcript', () => {
    const empty = analyseSpokenAnswer([]);
    expect(empty.timing).toMatchObject({ words: 0, wordsPerMinute: 0, fillersPerMinute: 0, spokenSeconds: 0 });
    expect(empty.timing.parts.every((p) => p.pace === 'missing')).toBe(true);
  });
});

describe('deliveryTips', () => {
  it('names the longest overrun, fast speech, many fillers and long silences', () => {
    const cues: VttCue[] = [
      { start: 0, end: 45, text: `at my last job i was on a team ${'um like so and like um '.repeat(30)}` },
      { start: 52, end: 53, text: 'i fixed it' },
    ];
    const tips = deliveryTips(analyseSpokenAnswer(cues).timing);
    expect(tips.join('\n')).toMatch(/situation ran \d+ s over its 30 s target/);
    expect(tips.join('\n')).toMatch(/words a minute is fast/);
    expect(tips.join('\n')).toMatch(/fillers a minute/);
    expect(tips.join('\n')).toMatch(/1 long silence/);
  });

  it('says nothing about a well-paced answer', () => {
    expect(deliveryTips(analyseSpokenAnswer(answer).timing)).toEqual([]);
  });
});
