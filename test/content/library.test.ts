import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadLibrary } from '../../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../../src/content/paths.js';
import { readCoverageTable } from '../../src/content/readme-coverage.js';
import { coverageTable } from '../../src/core/content-check/coverage.js';
import { checkContent } from '../../src/core/content-check/index.js';
import { checkLibrary } from '../../src/core/library-check.js';
import { CONVERTED_LPS, isConverted } from '../../src/core/library-scope.js';
import { LEADERSHIP_PRINCIPLES, LEVELS, STAR_PARTS } from '../../src/core/lp.js';
import { FOLLOW_UP_GAPS, INDUSTRIES, ROLES } from '../../src/core/scenario-vocabulary.js';
import { findNearDuplicates } from '../../src/core/similarity.js';

const library = loadLibrary(DEFAULT_SCENARIOS_DIR);
const allConverted = LEADERSHIP_PRINCIPLES.every((lp) => isConverted(lp.id));

describe('the shipped scenario library', () => {
  it('scores strong answers lean-hire or better, weak ones lean-no-hire or worse, near-the-bar ones between', () => {
    const report = checkLibrary(library.scenarios, library.banks);
    const failures = report.failures.map((f) => `${f.scenarioId}: ${f.item}: ${f.result.verdict} ${f.result.overall}`);
    expect(failures).toEqual([]);
    // 3 levels + weak answer + 2 per probe, for every scenario, and a near-the-bar answer in each converted one.
    const converted = library.scenarios.filter((s) => isConverted(s.lp)).length;
    expect(report.checked).toBeGreaterThanOrEqual(library.scenarios.length * 10 + converted);
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

  it('keeps every level story key phrase verbatim in its example', () => {
    const missing: string[] = [];
    for (const s of library.scenarios)
      for (const level of LEVELS)
        for (const part of STAR_PARTS) {
          // Old-format reflections kept their phrases in the shared step, not the level's text.
          if (part === 'reflection' && !isConverted(s.lp)) continue;
          const { example, keyPhrases } = s.levels[level].story[part];
          for (const phrase of keyPhrases)
            if (!example.toLowerCase().includes(phrase.toLowerCase()))
              missing.push(`${s.id}.${level}.${part}: ${phrase}`);
        }
    expect(missing).toEqual([]);
  });

  // Issue 13 converts the library one LP at a time, and CONVERTED_LPS (src/core/library-scope.ts)
  // lists the LPs done so far: their content must pass every check. Library-wide coverage joins
  // in when all sixteen are listed, and the last writer's merge then deletes the list.
  it(`passes every content check in the converted LPs (${CONVERTED_LPS.join(', ')})`, () => {
    const findings = checkContent(library.scenarios, library.banks)
      .filter((f) => (f.lp === null ? allConverted : isConverted(f.lp)))
      .map(
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
