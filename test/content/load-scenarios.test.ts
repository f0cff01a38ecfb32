import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentJsonSchemas, renderJsonSchema } from '../../src/content/json-schema.js';
import { ContentError, formatProblem, loadLibrary, readLibrary } from '../../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../../src/content/paths.js';

const BROKEN = path.join(import.meta.dirname, '../fixtures/scenarios-broken');

describe('loadLibrary', () => {
  it('lists every problem of a broken library as file: field.path: message', () => {
    let error: unknown;
    try {
      loadLibrary(BROKEN);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ContentError);
    const lines = (error as ContentError).problems.map(formatProblem);
    const broken = 'test/fixtures/scenarios-broken/ownership/broken.yaml';
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/not-an-lp: folder name is not a Leadership Principle id$/),
        `${broken}: id: must be kebab-case: lower-case letters, digits and single hyphens`,
        `${broken}: question: question must not be empty`,
        `${broken}: steps.situation.targetSeconds: Too small: expected number to be >=5`,
        `${broken}: steps.task: is required but missing`,
        `${broken}: probes: give at least 2 follow-up probes`,
        `${broken}: levels.sde1: is required but missing`,
        `${broken}: quiz.0.correct: correct must be the index of one of the options`,
        expect.stringMatching(new RegExp(`^${broken}: \\(root\\): Unrecognized key: "surprise"`)),
        expect.stringMatching(/syntax.yaml: line \d+: YAML syntax: /),
      ]),
    );
    expect(lines.length).toBeGreaterThan(10);
  });

  it('reports a folder that disagrees with the lp and a duplicate id', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'star-content-'));
    const source = readFileSync(
      path.join(DEFAULT_SCENARIOS_DIR, 'have-backbone-disagree-and-commit/webhook-retry-fix.yaml'),
      'utf8',
    );
    for (const folder of ['have-backbone-disagree-and-commit', 'ownership']) {
      mkdirSync(path.join(root, folder));
      writeFileSync(path.join(root, folder, 'copy.yaml'), source);
    }
    const messages = readLibrary(root).problems.map((p) => `${p.field}: ${p.message}`);
    expect(messages).toEqual([
      'lp: is "have-backbone-disagree-and-commit" but the file is in the "ownership" folder',
      expect.stringMatching(/^id: id "webhook-retry-fix" is already used in .*copy.yaml$/),
    ]);
  });

  it('loads the shipped library with every LP covered', () => {
    const library = loadLibrary(DEFAULT_SCENARIOS_DIR);
    expect(library.scenarios.length).toBeGreaterThanOrEqual(48);
    const ids = library.scenarios.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the committed JSON Schemas in step with the zod schema (npm run schema)', () => {
    for (const [name, schema] of Object.entries(contentJsonSchemas())) {
      expect(readFileSync(path.join(DEFAULT_SCENARIOS_DIR, name), 'utf8'), `${name} is stale: run npm run schema`).toBe(
        renderJsonSchema(schema),
      );
    }
  });
});
