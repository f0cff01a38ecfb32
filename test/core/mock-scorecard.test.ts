import { describe, expect, it } from 'vitest';
import { FLAG_WORDS, flagLabel } from '../../src/core/flag-words.js';
import {
  compareWithRubric,
  MAX_NOTE_CHARS,
  parseScorecard,
  RATING_ANCHORS,
  RATINGS,
  ratingFromScore,
} from '../../src/core/mock-scorecard.js';
import { DIMENSIONS, FLAG_IDS } from '../../src/core/rubric/index.js';

const ratings = { ownership: '3', impact: '2', structure: '4', delivery: '3', reflection: '1' };
const raw = {
  ratings,
  flags: ['no-metric', 'hedging'],
  verdict: 'lean-hire',
  wentWell: '  Clear ownership of the rollback.  ',
  toImprove: 'Give the before and after.',
};

describe('the scorecard', () => {
  it('parses a full scorecard, trimming notes and dropping repeated flags', () => {
    expect(parseScorecard({ ...raw, flags: ['no-metric', 'hedging', 'no-metric'] })).toEqual({
      ok: true,
      value: {
        ratings: { ownership: 3, impact: 2, structure: 4, delivery: 3, reflection: 1 },
        flags: ['no-metric', 'hedging'],
        verdict: 'lean-hire',
        wentWell: 'Clear ownership of the rollback.',
        toImprove: 'Give the before and after.',
      },
    });
  });

  it('names every bad field: a missing or out-of-scale rating, no verdict, an unknown flag, a note too long', () => {
    const parsed = parseScorecard({
      ratings: { ...ratings, impact: undefined, delivery: '5' },
      flags: ['made-up'],
      verdict: 'maybe',
      wentWell: 'x'.repeat(MAX_NOTE_CHARS + 1),
      toImprove: undefined,
    });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        'ratings.impact': 'Pick a point from 1 to 4.',
        'ratings.delivery': 'Pick a point from 1 to 4.',
        verdict: 'Pick a recommendation.',
        flags: 'Unknown flag: made-up.',
        wentWell: `Keep it under ${MAX_NOTE_CHARS} characters.`,
      },
    });
  });

  it('has an anchor for every point of every dimension, short enough for a radio button', () => {
    for (const d of DIMENSIONS)
      for (const r of RATINGS) expect(`${r} · ${RATING_ANCHORS[d][r]}`.length).toBeLessThanOrEqual(75);
  });

  it('reads the rubric’s 0–100 on the 1–4 scale at the rubric’s own lines', () => {
    expect([0, 49, 50, 69, 70, 84, 85, 100].map(ratingFromScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('shows where the interviewer and the rubric agree, are close, and differ', () => {
    const card = {
      ratings: { ownership: 3, impact: 1, structure: 4, delivery: 3, reflection: 2 },
      flags: ['no-metric', 'hedging'],
      verdict: 'lean-hire' as const,
    };
    const rubric = {
      dimensions: { ownership: 75, impact: 90, structure: 60, delivery: 72, reflection: 40 },
      flags: [{ id: 'hedging' }, { id: 'we-language' }],
      verdict: 'strong-hire' as const,
    };
    const c = compareWithRubric(card, rubric);
    expect(c.dimensions.map((d) => [d.dimension, d.interviewer, d.rubric, d.agreement])).toEqual([
      ['ownership', 3, 3, 'agree'],
      ['impact', 1, 4, 'differ'],
      ['structure', 4, 2, 'differ'],
      ['delivery', 3, 3, 'agree'],
      ['reflection', 2, 1, 'close'],
    ]);
    expect(c.flags).toEqual({ both: ['hedging'], interviewerOnly: ['no-metric'], rubricOnly: ['we-language'] });
    expect(c.verdict).toEqual({ interviewer: 'lean-hire', rubric: 'strong-hire', agreement: 'close' });
    expect(compareWithRubric({ ...card, verdict: 'no-hire' }, rubric).verdict.agreement).toBe('differ');
  });
});

describe('the rubric’s flags in plain words', () => {
  it('covers every flag once, each label and hint fits a checkbox, and the groups fit Slack’s ten options', () => {
    expect(Object.keys(FLAG_WORDS).sort()).toEqual([...FLAG_IDS].sort());
    for (const w of Object.values(FLAG_WORDS)) {
      expect(w.label.length).toBeLessThanOrEqual(60);
      expect(w.listenFor.length).toBeLessThanOrEqual(75);
    }
    for (const heard of ['what', 'how'])
      expect(Object.values(FLAG_WORDS).filter((w) => w.heard === heard).length).toBeLessThanOrEqual(10);
    expect(flagLabel('no-metric')).toBe('No number in the result');
    expect(flagLabel('retired-flag')).toBe('retired-flag');
  });
});
