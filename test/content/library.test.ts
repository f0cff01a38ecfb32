import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadLibrary } from '../../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../../src/content/paths.js';
import { readCoverageTable } from '../../src/content/readme-coverage.js';
import { coverageTable } from '../../src/core/content-check/coverage.js';
import { checkContent } from '../../src/core/content-check/index.js';
import { checkLibrary } from '../../src/core/library-check.js';
import { LEADERSHIP_PRINCIPLES, LEVELS, STAR_PARTS } from '../../src/core/lp.js';
import { FOLLOW_UP_GAPS, INDUSTRIES, ROLES } from '../../src/core/scenario-vocabulary.js';
import { findNearDuplicates } from '../../src/core/similarity.js';

// Parsed from the YAML itself, never from the cache of validated libraries.
const library = loadLibrary(DEFAULT_SCENARIOS_DIR, { cacheDir: false });

describe('the shipped scenario library', () => {
  it('scores strong answers lean-hire or better, weak ones lean-no-hire or worse, near-the-bar ones between', () => {
    const report = checkLibrary(library.scenarios, library.banks);
    const failures = report.failures.map((f) => `${f.scenarioId}: ${f.item}: ${f.result.verdict} ${f.result.overall}`);
    expect(failures).toEqual([]);
    // 3 levels + weak answer + near-the-bar answer + 2 per probe, for every scenario.
    expect(report.checked).toBeGreaterThanOrEqual(library.scenarios.length * 11);
  });

  it('has no near-duplicate questions', () => {
    expect(checkLibrary(library.scenarios, library.banks).duplicates).toEqual([]);
  });

  it('covers all 16 LPs with at least 4 scenarios and 8 bank questions each', () => {
    for (const lp of LEADERSHIP_PRINCIPLES) {
      const scenarios = library.scenarios.filter((s) => s.lp === lp.id);
      const questions = library.banks.filter((b) => b.lp === lp.id).flatMap((b) => b.questions);
      expect(scenarios.length, lp.id).toBeGreaterThanOrEqual(4);
      expect(questions.length, lp.id).toBeGreaterThanOrEqual(8);
    }
  });

  it('keeps every level story key phrase verbatim in its example', () => {
    const missing: string[] = [];
    for (const s of library.scenarios)
      for (const level of LEVELS)
        for (const part of STAR_PARTS) {
          const { example, keyPhrases } = s.levels[level].story[part];
          for (const phrase of keyPhrases)
            if (!example.toLowerCase().includes(phrase.toLowerCase()))
              missing.push(`${s.id}.${level}.${part}: ${phrase}`);
        }
    expect(missing).toEqual([]);
  });

  it('passes every content check, library-wide coverage included', () => {
    const findings = checkContent(library.scenarios, library.banks).map(
      (f) =>
        `${f.scenarioId ?? f.lp ?? 'library'}: ${formatProblem({ file: f.check, field: f.field, message: f.message })}`,
    );
    expect(findings).toEqual([]);
  });

  it('shows the current coverage table in scenarios/README.md (npm run star -- scenarios check --write)', () => {
    const readme = path.join(DEFAULT_SCENARIOS_DIR, 'README.md');
    expect(readCoverageTable(readme)).toEqual(coverageTable(library.scenarios, library.banks));
  });

  it('explains every role, industry and follow-up gap in scenarios/README.md', () => {
    const readme = readFileSync(path.join(DEFAULT_SCENARIOS_DIR, 'README.md'), 'utf8');
    for (const term of [...ROLES, ...INDUSTRIES, ...FOLLOW_UP_GAPS]) expect(readme, term).toContain(`\`${term}\``);
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
