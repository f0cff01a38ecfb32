import { describe, expect, it } from 'vitest';
import { LP_IDS, type LpId } from '../../src/core/lp.js';
import {
  bestVersion,
  buildLpSignals,
  lensFor,
  nextLpToPrepare,
  probesByLp,
  type Story,
  type StoryVersion,
  storiesMarkdown,
  storyCoverage,
  storyNumbers,
  storyOutline,
  storyTitle,
  suggestLps,
} from '../../src/core/stories.js';
import { shippedLibrary } from '../helpers/world.js';

const library = shippedLibrary();
const ANSWER =
  'At my previous job I ran the checkout service and 2% of payments timed out. My goal was to fix it before the sale. I profiled the calls, I found a missing index and I added it. As a result p99 fell from 900 ms to 120 ms and we saved $40k a month. I learned to check query plans first.';

function version(overall: number, verdict: StoryVersion['verdict'], at: string, lp: LpId = 'dive-deep'): StoryVersion {
  return { id: overall, answerId: overall, lp, level: 'sde2', text: ANSWER, overall, verdict, createdAt: at };
}

function story(id: number, lps: LpId[], versions: StoryVersion[], title = `Story ${id}`): Story {
  return { id, teamId: 'T1234', userId: 'U1234', title, lps, createdAt: '', updatedAt: '', versions };
}

describe('suggestLps', () => {
  const signals = buildLpSignals(library.scenarios);

  it('puts the LP the answer was given for first, then up to three with evidence', () => {
    const lps = suggestLps(ANSWER, signals, 'dive-deep');
    expect(lps[0]).toBe('dive-deep');
    expect(lps.length).toBeLessThanOrEqual(4);
    expect(new Set(lps).size).toBe(lps.length);
  });

  it('finds the LP of a library story from its own words, with no LP given', () => {
    let found = 0;
    for (const s of library.scenarios) {
      const text = Object.values(s.levels.sde2.story)
        .map((p) => p.example)
        .join(' ');
      if (suggestLps(text, signals).includes(s.lp)) found++;
    }
    // Most library stories are suggested for their own LP.
    expect(found / library.scenarios.length).toBeGreaterThan(0.6);
  });

  it('suggests nothing beyond the own LP for words that are no one’s signal', () => {
    expect(suggestLps('hello there', signals, 'ownership')).toEqual(['ownership']);
  });
});

describe('storyCoverage and nextLpToPrepare', () => {
  const stories = [
    story(
      1,
      ['dive-deep', 'ownership'],
      [version(70, 'lean-hire', '2026-11-01'), version(88, 'strong-hire', '2026-11-05')],
    ),
    story(2, ['dive-deep'], [version(50, 'lean-no-hire', '2026-11-02')]),
  ];

  it('counts none, one or two-plus stories per LP with the best verdict', () => {
    const grid = storyCoverage(stories);
    expect(grid).toHaveLength(16);
    expect(grid.find((c) => c.lp === 'dive-deep')).toEqual({
      lp: 'dive-deep',
      stories: 2,
      band: 'two-plus',
      bestVerdict: 'strong-hire',
    });
    expect(grid.find((c) => c.lp === 'ownership')).toMatchObject({ band: 'one', bestVerdict: 'strong-hire' });
    expect(grid.find((c) => c.lp === 'frugality')).toEqual({
      lp: 'frugality',
      stories: 0,
      band: 'none',
      bestVerdict: undefined,
    });
  });

  it('suggests the first uncovered LP, then the weakest covered one', () => {
    expect(nextLpToPrepare(storyCoverage(stories))).toBe('customer-obsession');
    const all = storyCoverage([
      story(
        1,
        LP_IDS.filter((lp) => lp !== 'frugality'),
        [version(90, 'strong-hire', '2026-11-01')],
      ),
      story(2, ['frugality'], [version(40, 'no-hire', '2026-11-01')]),
    ]);
    expect(nextLpToPrepare(all)).toBe('frugality');
  });
});

describe('stories helpers', () => {
  it('takes the best version, the latest among equals', () => {
    expect(bestVersion(story(1, [], [version(80, 'lean-hire', 'a'), version(80, 'lean-hire', 'b')]))?.createdAt).toBe(
      'b',
    );
    expect(bestVersion(story(1, [], []))).toBeUndefined();
  });

  it('titles, outlines and numbers a story', () => {
    expect(storyTitle('I fixed it. Then more.')).toBe('I fixed it');
    expect(storyTitle(ANSWER)).toMatch(/^At my previous job I ran the checkout service and 2% of…$/);
    expect(storyNumbers(ANSWER)).toEqual(['2%', '900 ms', '120 ms', '$40k']);
    expect(storyOutline(ANSWER)).toMatchObject({
      task: 'My goal was to fix it before the sale.',
      reflection: 'I learned to check query plans first.',
    });
  });

  it('finds a lens for an LP, preferring one from a scenario of the story’s own LPs', () => {
    const lens = lensFor(library.scenarios, 'deliver-results', ['ownership']);
    expect(lens?.leadWith).toBeTruthy();
    expect(lensFor([], 'deliver-results')).toBeUndefined();
  });
});

describe('storiesMarkdown', () => {
  it('writes one section per LP with the story, its outline, numbers, reflection and likely probes', () => {
    const md = storiesMarkdown(
      [
        story(
          1,
          ['dive-deep'],
          [version(70, 'lean-hire', '2026-11-01'), version(88, 'strong-hire', '2026-11-05')],
          'Checkout timeouts',
        ),
      ],
      { probesFor: probesByLp(library.scenarios), date: '2026-12-01' },
    );
    expect(md.match(/^## /gm)).toHaveLength(16);
    const start = md.indexOf('## Dive Deep');
    const section = md.slice(start, md.indexOf('\n## ', start));
    expect(section).toContain('### Checkout timeouts');
    expect(section).toContain('Best version: 88/100 (strong hire), told for Dive Deep. Scores over time: 70 → 88.');
    expect(section).toContain('- **Task:** My goal was to fix it before the sale.');
    expect(section).toContain('**Numbers:** 2%, 900 ms, 120 ms, $40k');
    expect(section).toContain('**Reflection:** I learned to check query plans first.');
    expect(section).toContain('**Likely follow-ups:**');
    expect(md).toContain('## Ownership\n\n_No story yet._');
    expect(md).toContain('Next to prepare: **Customer Obsession**.');
  });
});
