import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../../src/content/paths.js';
import { LEVELS } from '../../src/core/lp.js';
import { scoreAnswer } from '../../src/core/rubric/index.js';
import { modelAnswer } from '../../src/core/scenario.js';
import { channelSummaryMessage } from '../../src/messages/channel.js';
import { feedbackDetailBlocks, firstScreenFixes } from '../../src/messages/feedback.js';

// A clean answer of 67 words (every part told, numbers in the result, no flag), and one of full length.
const SHORT =
  'At my last job our checkout page failed for 3% of users. I owned the fix. I traced it to a race in the cart service, ' +
  'wrote a lock-free retry, and added an alert on the error rate. Errors fell from 3% to 0.2% in a week and support ' +
  'tickets halved. I learned to add the alert before the fix, so I can see the change land.';

const text = (blocks: unknown) => JSON.stringify(blocks);

describe('feedback on a clean but short answer', () => {
  const result = scoreAnswer(SHORT, { level: 'sde2' });

  it('is not "nothing to fix": the first screen says it is short and how long the Action runs', () => {
    expect(result.flags).toEqual([]);
    const first = text(firstScreenFixes(result));
    expect(first).toContain('Nothing flagged, but it is short.');
    expect(first).toMatch(/Your Action runs \d+ s of 1 min 30 s/);
    expect(first).not.toContain('Nothing to fix');
    expect(text(feedbackDetailBlocks(result))).toContain('Nothing flagged, but it is short.');
  });

  it('says so in the one line of a channel summary too', () => {
    const summary = text(channelSummaryMessage(result, 'U1234', 1, undefined, false).blocks);
    expect(summary).toContain(':stopwatch: Nothing flagged, but it is short.');
    expect(summary).not.toContain('Nothing to fix');
  });

  it('still says "nothing to fix" of every clean model answer in the library (full length)', () => {
    const library = loadLibrary(DEFAULT_SCENARIOS_DIR);
    let clean = 0;
    for (const scenario of library.scenarios)
      for (const level of LEVELS) {
        const model = scoreAnswer(modelAnswer(scenario, level), { level, lp: scenario.lp, scenario });
        if (model.flags.length > 0) continue;
        clean++;
        expect(text(firstScreenFixes(model)), `${scenario.id} at ${level}`).toContain('Nothing to fix');
      }
    expect(clean).toBeGreaterThan(100);
  });
});
