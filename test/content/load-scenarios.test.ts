import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentJsonSchemas, renderJsonSchema } from '../../src/content/json-schema.js';
import { ContentError, formatProblem, loadLibrary, readLibrary } from '../../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../../src/content/paths.js';
import { modelAnswer } from '../../src/core/scenario.js';

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
    const bank = 'test/fixtures/scenarios-broken/ownership/questions.yaml';
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/not-an-lp: folder name is not a Leadership Principle id$/),
        `${broken}: id: must be kebab-case: lower-case letters, digits and single hyphens`,
        `${broken}: question: question must not be empty`,
        expect.stringMatching(new RegExp(`^${broken}: role: Invalid option: expected one of "backend"`)),
        `${broken}: narrator: is required but missing`,
        `${broken}: steps.task: is required but missing`,
        `${broken}: probes: give at least 2 follow-up probes`,
        `${broken}: weakAnswer.critiques: give at most 3 critiques: a realistic answer has one or two main problems`,
        `${broken}: nearBar: is required but missing`,
        `${broken}: quiz.0.context: context must fit in two lines (at most 300 characters)`,
        `${broken}: quiz.0.options: give at least 3 options`,
        `${broken}: quiz.0.correct: correct must be the index of one of the options`,
        `${broken}: levels.sde1.story.situation.targetSeconds: Too small: expected number to be >=5`,
        `${broken}: levels.sde1.story.situation.keyPhrases.0: "paged at 3 a.m." is not in the example`,
        `${broken}: levels.sde2: is required but missing`,
        expect.stringMatching(new RegExp(`^${broken}: \\(root\\): Unrecognized key: "surprise"`)),
        expect.stringMatching(new RegExp(`^${bank}: followUps.1.gap: Invalid option: expected one of "measurement"`)),
        `${bank}: followUps: give at least 8 follow-ups`,
        expect.stringMatching(/syntax.yaml: line \d+: YAML syntax: /),
      ]),
    );
    expect(lines.length).toBeGreaterThan(10);
  });

  it('reports a folder that disagrees with the lp and a duplicate id', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'star-content-'));
    // A converted LP's file, so the current schema reads both copies.
    const source = readFileSync(path.join(DEFAULT_SCENARIOS_DIR, 'ownership/orders-etl-silent-row-loss.yaml'), 'utf8');
    mkdirSync(path.join(root, 'ownership'));
    writeFileSync(path.join(root, 'ownership', 'a.yaml'), source);
    writeFileSync(path.join(root, 'ownership', 'b.yaml'), source.replace(/^lp: ownership$/m, 'lp: frugality'));
    const messages = readLibrary(root).problems.map((p) => `${p.field}: ${p.message}`);
    expect(messages).toEqual([
      'lp: is "frugality" but the file is in the "ownership" folder',
      expect.stringMatching(/^id: id "orders-etl-silent-row-loss" is already used in .*a.yaml$/),
    ]);
  });

  it('gives readers the SDE2 story in steps and each level its own story and reflection', () => {
    const scenario = loadLibrary(DEFAULT_SCENARIOS_DIR).scenarios.find((s) => s.id === 'orders-etl-silent-row-loss');
    if (!scenario) throw new Error('exemplar scenario missing');
    expect(scenario.steps.action.example).toBe(scenario.levels.sde2.story.action.example);
    expect(scenario.steps.action.coaching.length).toBeGreaterThan(20);
    expect(scenario.levels.senior.reflection).toBe(scenario.levels.senior.story.reflection.example);
    expect(modelAnswer(scenario, 'sde1')).toContain(scenario.levels.sde1.story.action.example);
    expect(modelAnswer(scenario, 'sde1')).not.toContain(scenario.levels.sde2.story.action.example);
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
