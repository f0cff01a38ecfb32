import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEADERSHIP_PRINCIPLES, LEVELS } from '../../../src/core/lp.js';

// The hold-out set is written to the dev set's contract (../shared/rubric-dev/README.md); this test
// keeps every line to that contract so `star eval` on it reports honest figures.
const FILE = path.join(import.meta.dirname, '../../fixtures/rubric/holdout.jsonl');

const KEYS = [
  'id',
  'lp',
  'question',
  'text',
  'label',
  'expected_flags',
  'must_not_flag',
  'level',
  'style',
  'why',
] as const;
const LABELS = ['strong', 'mixed', 'weak'];
const STYLES = ['prose', 'slack', 'labelled', 'transcript', 'nonnative', 'bullets'];
const FLAGS = [
  'we-language',
  'handoff',
  'manager-directed',
  'hedging',
  'no-metric',
  'no-scope-boundary',
  'generic-reflection',
  'too-short',
  'too-long',
  'missing-star-part',
];
const MAJOR = ['we-language', 'no-metric', 'missing-star-part', 'hedging', 'too-short', 'no-scope-boundary'];
const LP_PREFIX: Record<string, string> = {
  'Customer Obsession': 'co',
  Ownership: 'ow',
  'Invent and Simplify': 'is',
  'Are Right, A Lot': 'ar',
  'Learn and Be Curious': 'lc',
  'Hire and Develop the Best': 'hd',
  'Insist on the Highest Standards': 'hs',
  'Think Big': 'tb',
  'Bias for Action': 'ba',
  Frugality: 'fr',
  'Earn Trust': 'et',
  'Dive Deep': 'dd',
  'Have Backbone; Disagree and Commit': 'hb',
  'Deliver Results': 'dr',
  "Strive to be Earth's Best Employer": 'eb',
  'Success and Scale Bring Broad Responsibility': 'ss',
};

interface Answer {
  id: string;
  lp: string;
  question: string;
  text: string;
  label: string;
  expected_flags: string[];
  must_not_flag: string[];
  level: string;
  style: string;
  why: string;
}

const lines = readFileSync(FILE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');
const answers = lines.map((line) => JSON.parse(line) as Answer);
const words = (text: string) => text.split(/\s+/).filter((t) => t !== '').length;

/** The label the README's rules give to a set of expected flags (ownership-style: the boundary flag is scored). */
function labelFor(a: Answer): string {
  const expected = new Set(a.expected_flags);
  const ownershipPrompt =
    a.expected_flags.includes('no-scope-boundary') || a.must_not_flag.includes('no-scope-boundary');
  const disqualified = expected.has('handoff') || (ownershipPrompt && expected.has('manager-directed'));
  const majors = MAJOR.filter((f) => expected.has(f)).length;
  const minors =
    Number(expected.has('generic-reflection')) +
    Number(expected.has('too-long')) +
    Number(!ownershipPrompt && expected.has('manager-directed'));
  if (disqualified || majors >= 2) return 'weak';
  if (majors === 1 || minors >= 2) return 'mixed';
  return 'strong';
}

describe('the rubric hold-out set', () => {
  it('has at least 96 answers, six or more for each of the 16 LPs, with unique ids', () => {
    expect(answers.length).toBeGreaterThanOrEqual(96);
    for (const lp of LEADERSHIP_PRINCIPLES) {
      expect(answers.filter((a) => a.lp === lp.name).length, lp.name).toBeGreaterThanOrEqual(6);
    }
    expect(new Set(answers.map((a) => a.id)).size).toBe(answers.length);
  });

  it('gives every line exactly the dev set keys, in order, with the right types', () => {
    for (const a of answers) {
      expect(Object.keys(a), a.id).toEqual([...KEYS]);
      for (const key of ['id', 'lp', 'question', 'text', 'label', 'level', 'style', 'why'] as const) {
        expect(typeof a[key], `${a.id} ${key}`).toBe('string');
        expect(a[key].trim().length, `${a.id} ${key}`).toBeGreaterThan(0);
      }
      expect(Array.isArray(a.expected_flags) && Array.isArray(a.must_not_flag), a.id).toBe(true);
    }
  });

  it('uses the engine spelling of LP names and levels, the closed label, style and flag sets', () => {
    const names = new Set<string>(LEADERSHIP_PRINCIPLES.map((lp) => lp.name));
    for (const a of answers) {
      expect(names.has(a.lp), `${a.id}: ${a.lp}`).toBe(true);
      expect(LEVELS as readonly string[], a.id).toContain(a.level);
      expect(LABELS, a.id).toContain(a.label);
      expect(STYLES, a.id).toContain(a.style);
      for (const flag of [...a.expected_flags, ...a.must_not_flag]) expect(FLAGS, `${a.id}: ${flag}`).toContain(flag);
    }
  });

  it('names ids hold-<lp>-<hint> in kebab case with the LP abbreviation of the dev set', () => {
    for (const a of answers) {
      expect(a.id, a.id).toMatch(/^hold-[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(a.id.split('-')[1], a.id).toBe(LP_PREFIX[a.lp]);
    }
  });

  it('never puts a flag in both lists, nor twice in one', () => {
    for (const a of answers) {
      expect(
        a.expected_flags.filter((f) => a.must_not_flag.includes(f)),
        a.id,
      ).toEqual([]);
      expect(new Set(a.expected_flags).size, a.id).toBe(a.expected_flags.length);
      expect(new Set(a.must_not_flag).size, a.id).toBe(a.must_not_flag.length);
    }
  });

  it('follows the word-count conventions for too-short and too-long mechanically', () => {
    for (const a of answers) {
      const n = words(a.text);
      const where = `${a.id} (${n} words)`;
      if (n < 50) expect(a.expected_flags, where).toContain('too-short');
      else expect(a.expected_flags, where).not.toContain('too-short');
      if (n >= 150) expect(a.must_not_flag, where).toContain('too-short');
      else expect(a.must_not_flag, where).not.toContain('too-short');
      if (n > 650) expect(a.expected_flags, where).toContain('too-long');
      else expect(a.expected_flags, where).not.toContain('too-long');
      if (n <= 450) expect(a.must_not_flag, where).toContain('too-long');
      else expect(a.must_not_flag, where).not.toContain('too-long');
      // Near the lines the reason names the trap.
      if (n >= 150 && n <= 175) expect(a.why, where).toMatch(/too-short/);
      if (n >= 350 && n <= 450) expect(a.why, where).toMatch(/too-long/);
    }
  });

  it('gives each answer the label its expected flags imply under the README rules', () => {
    for (const a of answers) {
      const implied = labelFor(a);
      if (implied === a.label) continue;
      // The one exception the rules allow: a good story that answers a different question is mixed.
      expect({ id: a.id, label: a.label, implied }).toEqual({ id: a.id, label: 'mixed', implied: 'strong' });
      expect(a.why, a.id).toMatch(/different (question|principle)/);
    }
  });

  it('says why in one line that starts with the label and names every expected flag', () => {
    for (const a of answers) {
      expect(a.why, a.id).toMatch(new RegExp(`^${a.label[0].toUpperCase()}${a.label.slice(1)}: `));
      expect(a.why.includes('\n'), a.id).toBe(false);
      for (const flag of a.expected_flags) expect(a.why, `${a.id}: ${flag}`).toContain(flag);
    }
  });

  it('scores no-scope-boundary only where the question is ownership-style', () => {
    const ownership =
      /without being asked|outside (of )?your (area|team|role|job|responsibilit)|not (part of )?your (job|area|responsibility)|wasn't your|beyond your (own )?(team|role|job)|nobody (asked|owned)|no one (asked|owned)|didn't own|on your own initiative/i;
    for (const a of answers) {
      const scored = a.expected_flags.includes('no-scope-boundary') || a.must_not_flag.includes('no-scope-boundary');
      expect(scored, `${a.id}: ${a.question}`).toBe(ownership.test(a.question));
    }
  });
});
