import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countWords,
  findQuotedSpans,
  insideAny,
  normaliseMrkdwn,
  splitSentences,
} from '../../../src/core/rubric/normalise.js';

describe('normaliseMrkdwn', () => {
  const cases: [string, string][] = [
    ['mention', 'I paired with <@U1234|ana> on it'],
    ['channel', 'posted in <#C1234|payments>'],
    ['link with label', 'see <https://example.com/runbook|the runbook> first'],
    ['bare link', 'see <https://example.com/runbook> first'],
    ['emoji and skin tone', 'shipped :tada: :+1::skin-tone-2: done'],
    ['bold italic strike', '*I* _traced_ ~the~ bug'],
    ['inline and block code', 'I set `retries=5` and ```\nmax_backoff = 30\n```'],
    ['bullets and quotes', '• I pulled logs\n- I wrote a fix\n1. I shipped it\n> quoted line'],
    ['entities', 'latency &lt; 200ms &amp; errors &gt; 0'],
  ];
  for (const [name, input] of cases) {
    it(`keeps offsets for ${name}`, () => {
      const clean = normaliseMrkdwn(input);
      expect(clean.length).toBe(input.length);
      // Every letter that survives sits where it was.
      for (let i = 0; i < clean.length; i++) if (/[a-z]/.test(clean[i])) expect(clean[i]).toBe(input[i]);
    });
  }
  it('removes markup and keeps words', () => {
    const clean = normaliseMrkdwn('*I traced* it with <https://x.io/a|the trace tool> :mag:');
    expect(clean.replace(/\s+/g, ' ').trim()).toBe('I traced it with the trace tool');
    expect(normaliseMrkdwn('<@U1234> and I').trim().startsWith('X')).toBe(true);
    expect(normaliseMrkdwn('snake_case_name stays')).toBe('snake_case_name stays');
    expect(normaliseMrkdwn('ratio 10:30:00 stays')).toBe('ratio 10:30:00 stays');
  });
});

describe('quoted speech', () => {
  it('finds straight and curly quotes and answers containment', () => {
    const text = 'He said "we cannot ship" and “maybe later”.';
    const spans = findQuotedSpans(text);
    expect(spans).toHaveLength(2);
    const we = text.indexOf('we');
    expect(insideAny(spans, we, we + 2)).toBe(true);
    expect(insideAny(spans, 0, 2)).toBe(false);
  });
});

describe('sentences and words', () => {
  it('splits on sentence ends and newlines and marks line starts', () => {
    const sentences = splitSentences('I pulled logs. I found it!\nThe rate fell 3.5% to zero');
    expect(sentences.map((s) => s.startsLine)).toEqual([true, false, true]);
    expect(sentences).toHaveLength(3);
  });
  it('counts words', () => {
    expect(countWords('I cut p99 from 900 ms to 240 ms, saving $8K.')).toBe(11);
    expect(countWords('')).toBe(0);
  });
});

describe('countWords', () => {
  // The definition: scan words from `start` and count those that start before `end`.
  const scanned = (text: string, start: number, end: number) => {
    const word = /[A-Za-z0-9$€£][A-Za-z0-9'’.,%$-]*/g;
    word.lastIndex = start;
    let n = 0;
    for (let m = word.exec(text); m !== null && m.index < end; m = word.exec(text)) n++;
    return n;
  };

  it('counts like a scan from start for any span, including spans that start inside a word', () => {
    const pieces = fc.constantFrom(
      'I',
      'fixed',
      ' ',
      '  ',
      '.',
      ',',
      '-',
      "'",
      '’',
      '3.5%',
      '$40',
      '€5',
      '£',
      '\n',
      'x-ray',
      '"',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = text.length === 0 ? 0 : b % (text.length + 1);
        expect(countWords(text, start, end)).toBe(scanned(text, start, end));
        expect(countWords(text)).toBe(scanned(text, 0, text.length));
      }),
      { numRuns: 2000 },
    );
  });
});
