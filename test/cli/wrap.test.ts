import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/cli/wrap.js';

describe('wrap', () => {
  it('breaks at spaces, within the width, with a hanging indent', () => {
    expect(wrap('one two three four five', 9, '- ')).toEqual(['- one two', '  three', '  four', '  five']);
  });

  it('never leaves a number at the end of a line without its unit', () => {
    const lines = wrap('About 27 s spoken. Your Action runs 10 s of 1 min 30 s: walk through it.', 38);
    for (const line of lines) expect(line).not.toMatch(/\d$/);
    expect(lines.join(' ')).toBe('About 27 s spoken. Your Action runs 10 s of 1 min 30 s: walk through it.');
    expect(lines).toEqual(['About 27 s spoken. Your Action runs', '10 s of 1 min 30 s: walk through it.']);
  });

  it('keeps a word longer than a line whole', () => {
    expect(wrap('a supercalifragilistic b', 5)).toEqual(['a', 'supercalifragilistic', 'b']);
  });
});
