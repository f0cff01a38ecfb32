import { describe, expect, it } from 'vitest';
import { averagesByLp, chooseKitQuestion } from '../../src/core/mock-kit.js';
import { seededRandom, shippedLibrary } from '../helpers/world.js';

const { scenarios } = shippedLibrary();
const answer = (lp: string, overall: number, kind = 'answer') => ({ lp, overall, kind });
const none = { practised: new Map<string, number>(), askedInMocks: new Set<string>() };

describe('the interviewer kit’s question', () => {
  it('averages main answers per LP, leaving follow-up replies out', () => {
    expect(averagesByLp([answer('ownership', 40), answer('ownership', 60), answer('ownership', 100, 'probe')])).toEqual(
      new Map([['ownership', 50]]),
    );
  });

  it('comes from one of the three weakest LPs of the candidate’s history', () => {
    const history = {
      ...none,
      answers: [
        answer('dive-deep', 35),
        answer('ownership', 40),
        answer('frugality', 45),
        answer('earn-trust', 80),
        answer('think-big', 90),
      ],
    };
    for (let seed = 1; seed <= 20; seed++) {
      const choice = chooseKitQuestion(scenarios, history, seededRandom(seed));
      expect(choice?.reason).toBe('weakest');
      expect(['dive-deep', 'ownership', 'frugality']).toContain(choice?.scenario.lp);
    }
  });

  it('prefers a scenario the candidate has neither practised nor been asked, with a near-the-bar answer', () => {
    const ownership = scenarios.filter((s) => s.lp === 'ownership');
    const [keep, ...seen] = ownership;
    const choice = chooseKitQuestion(
      scenarios,
      {
        answers: [answer('ownership', 30)],
        practised: new Map(seen.slice(0, 2).map((s) => [s.id, 1])),
        askedInMocks: new Set(seen.slice(2).map((s) => s.id)),
      },
      seededRandom(1),
    );
    expect(choice).toMatchObject({ reason: 'weakest', average: 30 });
    expect(choice?.scenario.id).toBe(keep.id);
    expect(choice?.scenario.nearBar).toBeDefined();
  });

  it('asks again only when every scenario of the weakest LPs was seen, practised ones before ones asked in a mock', () => {
    const ownership = scenarios.filter((s) => s.lp === 'ownership');
    const choice = chooseKitQuestion(
      scenarios,
      {
        answers: [answer('ownership', 30)],
        practised: new Map([[ownership[0].id, 2]]),
        askedInMocks: new Set(ownership.slice(1).map((s) => s.id)),
      },
      seededRandom(4),
    );
    expect(choice?.scenario.id).toBe(ownership[0].id);
  });

  it('with no history picks any LP, and nothing from an empty library', () => {
    const choice = chooseKitQuestion(scenarios, { ...none, answers: [] }, seededRandom(2));
    expect(choice).toMatchObject({ reason: 'new', average: null });
    expect(chooseKitQuestion([], { ...none, answers: [] }, seededRandom(2))).toBeUndefined();
  });
});
