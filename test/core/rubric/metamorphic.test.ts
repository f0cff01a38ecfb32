// The same answer told in a different form keeps its score (within 5 points) and its verdict:
// paragraphs or one paragraph, lower case without punctuation, labelled parts, bullets, CRLF,
// British spelling, numbers in words, present-tense narration. Hand-made variants first, then
// fast-check combinations of the form-only changes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lpFromName } from '../../../src/cli/lp-names.js';
import type { Level } from '../../../src/core/lp.js';
import { type RubricResult, scoreAnswer } from '../../../src/core/rubric/index.js';

const PARTS = {
  situation:
    'Last spring I was the backend engineer on our payments team when the webhook service started dropping about 3% of merchant notifications during the evening peak.',
  task: 'Nobody had asked me to look at it, since the service belonged to the platform team, but our merchants were the ones losing orders.',
  action:
    'I pulled a week of delivery logs and grouped the failures by endpoint. I traced them to retries that gave up after one timeout. I wrote a patch that retried with backoff and sent failures to a dead-letter queue. I tested it against a copy of peak traffic and I walked the platform lead through the change before I merged it.',
  result:
    'Within two weeks dropped notifications went from 3% to 0.1%, and support tickets about missing orders fell from 40 a week to 6.',
  reflection: 'I now load-test retry paths with real peak traffic before I sign off any change to delivery code.',
};
const ORDER = ['situation', 'task', 'action', 'result', 'reflection'] as const;
const NAMES = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result', reflection: 'Reflection' };

const paragraphs = ORDER.map((p) => PARTS[p]).join('\n\n');
const onePara = ORDER.map((p) => PARTS[p]).join(' ');
const lowerNoPunct = onePara.toLowerCase().replace(/[.,]/g, '');
const labelled = (label: (name: string, i: number) => string) =>
  ORDER.map((p, i) => `${label(NAMES[p], i)}${PARTS[p]}`).join('\n');
const bullets = ORDER.map((p) => PARTS[p])
  .flatMap((text) => text.split(/(?<=\.) /))
  .map((s) => `• ${s}`)
  .join('\n');
const crlf = paragraphs.replace(/\n/g, '\r\n');
const british = paragraphs.replace(/\bbehavior\b/g, 'behaviour').replace(/analyzed/g, 'analysed');
const numbersInWords = paragraphs
  .replace('Within two weeks', 'Within a fortnight')
  .replace('from 40 a week to 6', 'from forty a week to six');
const present = paragraphs
  .replace('I pulled', 'So I pull')
  .replace('I traced', 'I trace')
  .replace('I wrote', 'I write')
  .replace('I tested', 'I test')
  .replace('I walked', 'I walk');

// White space and quote marks as people's editors and keyboards leave them.
const doubledSpaces = (t: string) => t.replace(/ /g, '  ');
const tabs = (t: string) => t.replace(/ /g, '\t');
const noBreakSpaces = (t: string) => t.replace(/ /g, '\u00a0');
const trailingWhitespace = (t: string) => `${t.replace(/\n/g, ' \t \n')}  \t`;
const smartQuotes = (t: string) =>
  t
    .replace(/(\w)'(\w)/g, '$1’$2')
    .replace(/"([^"\n]*)"/g, '“$1”')
    .replace(/(^|[\s(])'([^'\n]*)'/g, '$1‘$2’');
const straightQuotes = (t: string) => t.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
const WHITESPACE_VARIANTS: Record<string, (t: string) => string> = {
  'doubled spaces': doubledSpaces,
  tabs,
  'non-breaking spaces': noBreakSpaces,
  'trailing whitespace': trailingWhitespace,
  'two spaces after a full stop': (t) => t.replace(/\. /g, '.  '),
  'smart quotes and apostrophes': smartQuotes,
  'straight quotes and apostrophes': straightQuotes,
};

const VARIANTS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(WHITESPACE_VARIANTS).map(([name, f]) => [name, f(paragraphs)])),
  'one paragraph': onePara,
  'lower case without punctuation': lowerNoPunct,
  'S: labels': labelled((n) => `${n[0]}: `),
  '*bold* labels': labelled((n) => `*${n}*\n`),
  '### headings': labelled((n) => `### ${n}\n`),
  'numbered labels': labelled((n, i) => `${i + 1}. ${n}: `),
  'emoji headings': labelled((n) => `📍 ${n}\n`),
  bullets,
  CRLF: crlf,
  'British spelling': british,
  'numbers in words': numbersInWords,
  'present tense': present,
};

const score = (text: string, level: 'sde1' | 'sde2' | 'senior' = 'sde2'): RubricResult =>
  scoreAnswer(text, {
    level,
    lp: 'ownership',
    question: 'Tell me about a time you fixed something outside your area.',
  });

describe('the same answer in another form', () => {
  const base = score(paragraphs);

  it('scores the base answer as a hire', () => {
    expect(base.verdict === 'strong-hire' || base.verdict === 'lean-hire').toBe(true);
  });

  for (const [name, text] of Object.entries(VARIANTS)) {
    it(`keeps its score and verdict: ${name}`, () => {
      const variant = score(text);
      expect(
        Math.abs(variant.overall - base.overall),
        `${name}: ${variant.overall} vs ${base.overall}`,
      ).toBeLessThanOrEqual(5);
      expect(variant.verdict).toBe(base.verdict);
    });
  }

  it('keeps its score under any mix of form-only changes (fast-check)', () => {
    const transforms: ((t: string) => string)[] = [
      (t) => t.replace(/\n\n/g, ' '),
      (t) => t.replace(/\n/g, '\r\n'),
      (t) => t.replace(/^/gm, '• '),
      (t) => t.replace(/\n/g, '  \n'),
      (t) => `${t}\n`,
      ...Object.values(WHITESPACE_VARIANTS),
    ];
    fc.assert(
      fc.property(fc.subarray(transforms.map((_, i) => i)), (picked) => {
        const text = picked.reduce((t, i) => transforms[i](t), paragraphs);
        const variant = score(text);
        return Math.abs(variant.overall - base.overall) <= 5 && variant.verdict === base.verdict;
      }),
      { numRuns: 60, seed: 9 },
    );
  });

  it('keeps quotes with offsets into the variant itself', () => {
    for (const text of Object.values(VARIANTS))
      for (const flag of score(text).flags)
        for (const o of flag.occurrences) expect(text.slice(o.start, o.end)).toBe(o.quote);
  });
});

describe('white space and quote marks on the hold-out answers', () => {
  // Real answers in every style (Slack markup, bullets, labels, transcripts), not one written for
  // this test: each keeps its score within 5 points and its verdict under each variant.
  const rows = readFileSync(path.join(import.meta.dirname, '../../fixtures/rubric/holdout.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; text: string; lp: string; level: Level; question: string });
  const scoreRow = (row: (typeof rows)[number], text: string) =>
    scoreAnswer(text, { lp: lpFromName(row.lp) ?? undefined, level: row.level, question: row.question });

  for (const [name, transform] of Object.entries(WHITESPACE_VARIANTS)) {
    it(`keeps every answer's score and verdict: ${name}`, () => {
      const moved: string[] = [];
      for (const row of rows) {
        const text = transform(row.text);
        if (text === row.text) continue;
        const base = scoreRow(row, row.text);
        const variant = scoreRow(row, text);
        if (Math.abs(variant.overall - base.overall) > 5 || variant.verdict !== base.verdict)
          moved.push(`${row.id}: ${base.overall} ${base.verdict} -> ${variant.overall} ${variant.verdict}`);
        for (const flag of variant.flags)
          for (const o of flag.occurrences) expect(text.slice(o.start, o.end)).toBe(o.quote);
        for (const strength of variant.strengths) expect(text.slice(strength.start, strength.end)).toBe(strength.quote);
      }
      expect(moved).toEqual([]);
    });
  }
});
