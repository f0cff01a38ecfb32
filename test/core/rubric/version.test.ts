import { describe, expect, it } from 'vitest';
import { RUBRIC_VERSION, rubricFingerprint, scoreAnswer } from '../../../src/core/rubric/index.js';

describe('rubric version', () => {
  it('changes whenever the rules, weights or bands change', () => {
    // If this fails, the rubric changed: bump RUBRIC_VERSION and put the new fingerprint here,
    // so stored answers say which rubric scored them (and `star rescore` can bring them up to date).
    expect({ version: RUBRIC_VERSION, fingerprint: rubricFingerprint() }).toEqual({
      version: 4,
      fingerprint: '55241c1c',
    });
  });

  it('is recorded on every result', () => {
    expect(scoreAnswer('I fixed the bug.').rubricVersion).toBe(RUBRIC_VERSION);
  });
});
