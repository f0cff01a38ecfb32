import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../../src/content/paths.js';
import { checkLibrary } from '../../src/core/library-check.js';
import { LEADERSHIP_PRINCIPLES } from '../../src/core/lp.js';
import { findNearDuplicates } from '../../src/core/similarity.js';

const library = loadLibrary(DEFAULT_SCENARIOS_DIR);

describe('the shipped scenario library', () => {
  it('scores every strong answer lean-hire or better and every weak one lean-no-hire or worse, with a flag', () => {
    const report = checkLibrary(library.scenarios, library.banks);
    const failures = report.failures.map((f) => `${f.scenarioId}: ${f.item}: ${f.result.verdict} ${f.result.overall}`);
    expect(failures).toEqual([]);
    // 3 levels + weak answer + 2 per probe, for every scenario.
    expect(report.checked).toBeGreaterThanOrEqual(library.scenarios.length * 10);
  });

  it('has no near-duplicate questions', () => {
    expect(checkLibrary(library.scenarios, library.banks).duplicates).toEqual([]);
  });

  it('covers all 16 LPs with at least 3 scenarios and 8 bank questions each', () => {
    for (const lp of LEADERSHIP_PRINCIPLES) {
      const scenarios = library.scenarios.filter((s) => s.lp === lp.id);
      const questions = library.banks.filter((b) => b.lp === lp.id).flatMap((b) => b.questions);
      expect(scenarios.length, lp.id).toBeGreaterThanOrEqual(3);
      expect(questions.length, lp.id).toBeGreaterThanOrEqual(8);
    }
  });

  it('keeps key phrases verbatim in their step examples', () => {
    const missing: string[] = [];
    for (const s of library.scenarios) {
      for (const [part, step] of Object.entries(s.steps)) {
        if (part === 'reflection') continue; // reflection phrases may live in the level reflections
        for (const phrase of step.keyPhrases)
          if (!step.example.toLowerCase().includes(phrase.toLowerCase())) missing.push(`${s.id}.${part}: ${phrase}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('detects near-duplicates when they exist', () => {
    const pairs = findNearDuplicates([
      { id: 'a', question: 'Tell me about a time you disagreed with your manager about a technical decision.' },
      { id: 'b', question: 'Describe a time when you disagreed with your manager on a technical decision.' },
      { id: 'c', question: 'Give an example of a time you cut cloud costs.' },
    ]);
    expect(pairs.map((p) => [p.a.id, p.b.id])).toEqual([['a', 'b']]);
  });
});
