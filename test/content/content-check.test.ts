import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../../src/content/paths.js';
import { COVERAGE_END, COVERAGE_START, withCoverageTable } from '../../src/content/readme-coverage.js';
import { checkLibraryCoverage, checkLpCoverage, coverageTable } from '../../src/core/content-check/coverage.js';
import { extractFigures } from '../../src/core/content-check/figures.js';
import { checkFollowUps } from '../../src/core/content-check/follow-ups.js';
import { checkContent, type Finding } from '../../src/core/content-check/index.js';
import { measureDefects } from '../../src/core/content-check/measure.js';
import { checkLpQuizBias, storyReferences } from '../../src/core/content-check/quiz.js';
import { checkStockMistakes, checkTemplatedPhrases } from '../../src/core/content-check/writing.js';
import { checkLibrary } from '../../src/core/library-check.js';
import { modelAnswer, type QuestionBank, type Scenario } from '../../src/core/scenario.js';

// The checks run on a clean converted scenario (the Ownership exemplar) and on copies of it with
// one defect planted each: silent on the first, and naming the planted defect on the second.
const library = loadLibrary(DEFAULT_SCENARIOS_DIR);
const clean = library.scenarios.find((s) => s.id === 'orders-etl-silent-row-loss') as Scenario;
const copy = (change: (s: Scenario) => void, id = 'planted-defect'): Scenario => {
  const s = structuredClone(clean);
  s.id = id;
  change(s);
  return s;
};
const findingsOf = (scenarios: Scenario[], check: Finding['check']) =>
  checkContent(scenarios, []).filter((f) => f.check === check && f.scenarioId !== undefined);

describe('a clean converted scenario', () => {
  it('raises no scenario finding', () => {
    expect(checkContent([clean], []).filter((f) => f.scenarioId)).toEqual([]);
  });
});

describe('quiz checks', () => {
  it('flag a correct option much longer than the distractors, and options of very different lengths', () => {
    const s = copy((s) => {
      s.quiz[0].options[s.quiz[0].correct] += ' and then also everything else a careful engineer would do next';
      s.quiz[0].options[s.quiz[0].correct === 0 ? 1 : 0] = 'No.';
    });
    const messages = findingsOf([s], 'quiz-length').map((f) => `${f.field}: ${f.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^quiz\.0\.options: the correct option is \d\.\d× the distractors' mean length/),
      expect.stringMatching(/^quiz\.0\.options\.\d: option of \d+ characters beside one of \d+/),
    ]);
  });

  it('flag an LP whose answers are too often the longest or in the same position', () => {
    const biased = [1, 2, 3].map((n) =>
      copy((s) => {
        for (const q of s.quiz) {
          q.options = ['short one', 'short two', 'the correct option, much the longest of them all'];
          q.correct = 2;
        }
      }, `biased-${n}`),
    );
    const messages = checkLpQuizBias('ownership', biased).map((f) => `${f.check}: ${f.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^quiz-length: the correct option is the unique longest in 9 of 9 quizzes/),
      'quiz-position: the correct option is option 3 in 9 of 9 quizzes: vary its position',
    ]);
    expect(checkLpQuizBias('ownership', [clean])).toEqual([]);
  });

  it('find quizzes that lean on an unseen story, unless they carry its context', () => {
    const quiz = { ...clean.quiz[0], context: undefined };
    const ask = (question: string) => storyReferences({ ...quiz, question }, clean);
    expect(ask('In this story, what did the candidate own?')).toEqual(['"In this story"']);
    expect(ask('What made the new loop better?')).toEqual(['"the new loop"']);
    expect(ask('Why did the backfill run one week at a time?')).toEqual(['"the backfill"']);
    expect(ask('Which sentence states a scope boundary?')).toEqual([]);
    const named = copy((s) => {
      s.levels.sde2.story.action.example += ' I asked Priya from finance to check the totals.';
    });
    expect(storyReferences({ ...quiz, question: 'Why did the candidate ask Priya?' }, named)).toContain(
      'the story\'s "Priya"',
    );
    expect(
      storyReferences({ ...quiz, question: 'In this story, who checked?', context: 'x'.repeat(50) }, named),
    ).toEqual([]);
  });
});

describe('figures', () => {
  it('are read with their unit and what they count', () => {
    const figures = extractFigures(
      'At 3 a.m. p99 went from 14 minutes to 3, costing $8K a week across 34 services for nine days in 2019.',
    );
    expect(figures.map((f) => [f.raw, f.key, f.value])).toEqual([
      ['14 minutes', 'time', 840],
      ['3', 'time', 180],
      ['$8K', 'money/week', 8000],
      ['34 services', 'service', 34],
      ['nine days', 'time', 777_600],
    ]);
  });

  it('flag a figure that changes between the overview and the stories', () => {
    const s = copy((s) => {
      s.overview = s.overview.replace('about 11% below', 'about 14% below');
    });
    expect(findingsOf([s], 'figures').map((f) => `${f.field}: ${f.message}`)).toEqual([
      'overview: "14%" disagrees with the story\'s "11%" for the same quantity: use one value everywhere',
    ]);
  });

  it('flag an answer that carries too many figures to remember', () => {
    const s = copy((s) => {
      s.levels.sde1.story.action.example +=
        ' I checked 4 dashboards, 7 queries, 12 tables, 9 jobs, 15 reports, 6 owners, 8 alerts, 11 logs, 5 runbooks and 3 wikis.';
    });
    expect(findingsOf([s], 'figure-count').map((f) => f.field)).toEqual(['levels.sde1.story']);
  });
});

describe('level checks', () => {
  it('flag a level that repeats another level’s story', () => {
    const s = copy((s) => {
      s.levels.sde1.story.action = structuredClone(s.levels.sde2.story.action);
    });
    expect(findingsOf([s], 'level-identical').map((f) => `${f.field}: ${f.message}`)).toEqual([
      'levels.sde2.story.action.example: is identical to the sde1 action: each level tells its own story',
      expect.stringMatching(
        /^levels\.sde2\.story: differs from the sde1 story only cosmetically \(word overlap 0\.\d\d/,
      ),
    ]);
  });

  it('flag SDE1 text beyond SDE1 scope', () => {
    const s = copy((s) => {
      s.levels.sde1.story.action.example += ' I presented the fix to the CTO and rolled it out across nine teams.';
    });
    expect(findingsOf([s], 'level-sde1-scope').map((f) => f.message)).toEqual([
      expect.stringMatching(/^"CTO" is an executive audience/),
      expect.stringMatching(/^"nine teams" is many teams/),
    ]);
  });

  it('flag a senior story that stays in one team, weighs nothing and builds nothing', () => {
    const s = copy((s) => {
      const story = s.levels.senior.story;
      story.task.example = 'My job was to find why the totals were wrong before the quarter closed.';
      story.action.example = 'I compared the totals with the source, found the join that dropped rows and wrote a fix.';
      story.result.example = 'Missing rows fell from 11% to under 0.1% before the close.';
      story.reflection.example = 'I learned to compare a table with its source before trusting it.';
      story.situation.example = 'I was the senior engineer on pricing, and our order totals were 11% too low.';
    });
    expect(findingsOf([s], 'level-senior-scope').map((f) => f.message)).toEqual([
      'the senior story shows no work beyond one team (other teams, influence without authority)',
      'the senior story shows no trade-off weighed ("trade-off", "at the cost of", "instead of", "gave up")',
      'the senior story shows no mechanism built in the Action or Result (one named only in the reflection does not count)',
    ]);
  });
});

describe('timing checks', () => {
  it('flag step targets that do not add up to the level budget, and examples far from their target', () => {
    const s = copy((s) => {
      s.levels.sde2.story.action.targetSeconds += 30;
      s.levels.sde1.story.action.example = 'I wrote the fix myself and opened a pull request for their review.';
    });
    expect(findingsOf([s], 'step-budget').map((f) => f.message)).toEqual([
      'the step targets add up to 180 s but timeBudgetSeconds is 150 s',
    ]);
    expect(findingsOf([s], 'step-length').map((f) => f.field)).toEqual(
      expect.arrayContaining(['levels.sde1.story.action.example', 'levels.sde2.story.action.example']),
    );
  });
});

describe('answer checks', () => {
  it('flag a one-line weak probe reply', () => {
    const s = copy((s) => {
      s.probes[0].weak.answer = 'I filed a ticket and they handled it.';
    });
    expect(findingsOf([s], 'weak-probe-length').map((f) => f.message)).toEqual([
      expect.stringMatching(/^8 words: a weak reply is what a real candidate says, 30 words or more/),
    ]);
  });

  it('flag a caricatured weak answer that stacks problems, and one that raises none', () => {
    const caricature = copy((s) => {
      s.weakAnswer.answer =
        'I think we kind of noticed the data was maybe off, so I escalated it to the platform team and they handled it. ' +
        'Honestly it was their fault. Things got better eventually. I learned that communication is important.';
    });
    expect(findingsOf([caricature], 'weak-answer-flags').map((f) => f.message)).toEqual([
      expect.stringMatching(/^stacks \d problems \(.*\): a realistic weak answer has one or two, at most 3 flags$/),
    ]);
    const flawless = copy((s) => {
      s.weakAnswer.answer = modelAnswer(s, 'sde2');
    });
    expect(findingsOf([flawless], 'weak-answer-flags').map((f) => f.message)).toEqual([
      'raises no rubric flag: a weak answer must show at least one real problem',
    ]);
  });

  it('flag a verdict that names no bar and no way to a hire', () => {
    const s = copy((s) => {
      s.weakAnswer.verdict = 'The candidate reported the problem and someone else fixed it, with no numbers at all.';
    });
    expect(findingsOf([s], 'verdict-bar').map((f) => f.message)).toEqual([
      "the verdict should name the level's bar (SDE1, SDE2, senior)",
      'the verdict should say what was missing and what would have made it a hire',
    ]);
  });

  it('expect a near-the-bar answer between the weak and the strong one', () => {
    const s = copy((s) => {
      if (s.nearBar) s.nearBar.answer = modelAnswer(s, s.nearBar.level);
    });
    expect(checkLibrary([s], []).failures.map((f) => `${f.item}: ${f.expected}`)).toEqual([
      'near-the-bar answer (sde2): between',
    ]);
  });
});

describe('writing checks, per LP', () => {
  it('let one scenario use a templated phrase and flag the next', () => {
    const twice = [1, 2].map((n) =>
      copy((s) => {
        s.levels.senior.story.reflection.example = 'The root cause was that nobody owned the data between teams.';
      }, `templated-${n}`),
    );
    expect(checkTemplatedPhrases('ownership', twice).map((f) => `${f.scenarioId}: ${f.message}`)).toEqual([
      expect.stringMatching(/^templated-2: uses "the root cause was", as do 1 other ownership scenario/),
    ]);
  });

  it('let one scenario give the stock Situation mistake and flag the next', () => {
    const twice = [1, 2].map((n) =>
      copy((s) => {
        s.steps.situation.commonMistake = 'Explaining the whole architecture before getting to the problem.';
      }, `stock-${n}`),
    );
    expect(checkStockMistakes('ownership', twice).map((f) => `${f.scenarioId}: ${f.field}`)).toEqual([
      'stock-2: steps.situation.commonMistake',
    ]);
  });
});

describe('coverage', () => {
  it('flags an LP with too few scenarios, roles, industries and narrators', () => {
    const messages = checkLpCoverage('ownership', [clean], undefined).map((f) => f.message);
    expect(messages).toEqual([
      '1 scenarios (at least 4)',
      '1 different roles among its scenarios (at least 3)',
      '1 different industries among its scenarios (at least 3)',
      '1 narrator level(s) among its scenarios (at least 2)',
      '0 bank questions (at least 8)',
    ]);
  });

  it('flags a library crowded into one industry, missing roles and narrators', () => {
    const crowded = [1, 2, 3, 4, 5].map((n) => copy(() => {}, `crowded-${n}`));
    const messages = checkLibraryCoverage(crowded).map((f) => f.message);
    expect(messages).toContain('5 of 5 scenarios (100%) are in retail (at most 20%)');
    expect(messages).toContain('0 scenarios narrated by a mobile-ios (at least 2)');
    expect(messages).toContain('0 of 5 scenarios narrated at manager (at least 5%)');
  });

  it('renders a table with one row per LP and the library totals, and puts it into a README', () => {
    const table = coverageTable([clean], []);
    expect(table).toHaveLength(2 + 16 + 7);
    expect(table).toContain('| Ownership | 1 | data 1 | retail 1 | sde2 1 | 0 |');
    expect(table).toContain('| by industry | retail 1 (100%) |');
    const readme = `# Title\n\n${COVERAGE_START}\nold\n${COVERAGE_END}\n\nAfter.\n`;
    expect(withCoverageTable(readme, ['| a |', '| b |'])).toBe(
      `# Title\n\n${COVERAGE_START}\n| a |\n| b |\n${COVERAGE_END}\n\nAfter.\n`,
    );
    expect(() => withCoverageTable('# no markers', [])).toThrow(/has no/);
  });
});

describe('LP-level follow-ups', () => {
  it('flag follow-ups that assume story facts', () => {
    const bank: QuestionBank = {
      lp: 'ownership',
      questions: [],
      followUps: [
        {
          gap: 'measurement',
          question: 'How did you measure it afterwards?',
          listensFor: 'A before and after figure.',
        },
        {
          gap: 'stakeholder',
          question: 'What did Priya say about the 23 tickets?',
          listensFor: 'How the owner reacted.',
        },
      ],
    };
    expect(checkFollowUps(bank).map((f) => `${f.field}: ${f.message}`)).toEqual([
      'followUps.1.question: "2" is a figure: an LP-level follow-up must fit any answer, so it assumes no story facts',
      'followUps.1.question: "Priya" is a name: an LP-level follow-up must fit any answer, so it assumes no story facts',
    ]);
  });
});

describe('defect counts', () => {
  it('count each defect the issue names, over whatever library they are given', () => {
    const rows = measureDefects([clean], library.banks);
    const count = (id: string) => rows.find((r) => r.id === id)?.count;
    expect(count('near-bar')).toBe('1 of 1');
    expect(count('level-identical')).toBe('0 of 1 (0 share at least one part)');
    expect(count('step-budget')).toMatch(/^0 of 3 /);
    expect(count('quiz-length')).toMatch(/^0 of 3;/);
    expect(count('follow-ups')).toMatch(/^\d+ of 16$/);
  });
});
