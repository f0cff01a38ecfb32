import { describe, expect, it } from 'vitest';
import { chooseProbes, gapsToProbe, storySimilarity, TELLS_SCENARIO_THRESHOLD } from '../../src/core/probes.js';
import { buildCatalog } from '../../src/core/questions.js';
import { scoreAnswer } from '../../src/core/rubric/index.js';
import { modelAnswer } from '../../src/core/scenario.js';
import { shippedLibrary } from '../helpers/world.js';

const library = shippedLibrary();
const catalog = buildCatalog(library.scenarios, library.banks);
const scenario = library.scenarios.find((s) => s.lp === 'ownership');
const question = scenario ? catalog.get(scenario.id) : undefined;
const other = library.scenarios.find((s) => s.lp === 'ownership' && s.id !== scenario?.id);

const WE =
  'We saw deploys take 70 minutes. We removed nine dead steps and we wrapped the rest in a script. Deploys went from 70 minutes to 11.';
const NO_NUMBER =
  'I noticed invoices failing for one region. I traced the failures to a template bug, I wrote a fix and I added a test. After that things got much better.';

const answered = (text: string) => ({ text, result: scoreAnswer(text, { lp: 'ownership', scenario }) });

describe('follow-ups that fit the answer', () => {
  it('asks for your own part after "we", and for the measurement when there is no number', () => {
    expect(gapsToProbe(answered(WE).result)[0]).toBe('own-part');
    expect(gapsToProbe(answered(NO_NUMBER).result)[0]).toBe('measurement');
  });

  it('asks a scenario’s own probes only of someone telling that scenario', () => {
    if (!question || !scenario || !other) throw new Error('the library has ownership scenarios');
    const own = scenario.probes.map((p) => p.question);
    const told = chooseProbes(question, answered(modelAnswer(scenario, 'sde2')), 3);
    expect(told.some((p) => own.includes(p.question))).toBe(true);
    const elsewhere = chooseProbes(question, answered(modelAnswer(other, 'sde2')), 3);
    expect(elsewhere.some((p) => own.includes(p.question))).toBe(false);
    expect(elsewhere).toHaveLength(3);
  });

  it('tells a retold model story from another story of the same LP across the library', () => {
    let misses = 0;
    for (const s of library.scenarios) {
      if (storySimilarity(modelAnswer(s, 'senior'), s) < TELLS_SCENARIO_THRESHOLD) misses++;
      for (const o of library.scenarios.filter((x) => x.lp === s.lp && x.id !== s.id))
        if (storySimilarity(modelAnswer(o, 'sde2'), s) >= TELLS_SCENARIO_THRESHOLD) misses++;
    }
    expect(misses).toBe(0);
  });

  it('gives the same answer the same follow-ups', () => {
    if (!question) throw new Error('no question');
    expect(chooseProbes(question, answered(WE), 3)).toEqual(chooseProbes(question, answered(WE), 3));
  });
});
