import { z } from 'zod';
import { LEVELS, type Level, STAR_PARTS, type StarPart } from './lp.js';
import {
  BankQuestionSchema,
  IndustrySchema,
  kebabId,
  LensSchema,
  type LevelSchema,
  LpIdSchema,
  NarratorSchema,
  ProbeSchema,
  type QuestionBank,
  RoleSchema,
  type Scenario,
  sentence,
} from './scenario.js';

// The format every scenario had before issue 13: one story shared by the three levels, no
// near-the-bar answer, quizzes without context, no LP-level follow-ups. Files in LPs not yet
// converted (see library-scope.ts) are read with it and upgraded to the current reader's shape,
// with the one story copied to each level, exactly as readers saw it before. Delete this file
// with library-scope.ts once every LP is converted.

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

const LegacyStepSchema = z.strictObject({
  targetSeconds: z.number().int().min(5).max(240),
  example: sentence('example', 40),
  keyPhrases: z.array(text('key phrase')).min(2, 'list at least 2 key phrases'),
  coaching: sentence('coaching'),
  commonMistake: sentence('commonMistake'),
});

const LegacyQuizSchema = z
  .strictObject({
    question: text('question'),
    options: z.array(text('option')).min(2, 'give at least 2 options').max(5, 'give at most 5 options'),
    correct: z.number().int().min(0),
    explanation: sentence('explanation'),
  })
  .refine((quiz) => quiz.correct < quiz.options.length, {
    message: 'correct must be the index of one of the options',
    path: ['correct'],
  });

const LegacyLevelSchema = z.strictObject({
  focus: sentence('focus'),
  reflection: sentence('reflection', 60),
  bar: sentence('bar'),
  timeBudgetSeconds: z.number().int().min(60).max(300),
});

const LegacyInputSchema = z.strictObject({
  $schema: z.string().optional(),
  id: kebabId,
  lp: LpIdSchema,
  title: text('title').max(100, 'keep the title under 100 characters'),
  question: text('question'),
  overview: sentence('overview', 80),
  // Coverage metadata may already be filled in before a file is converted.
  role: RoleSchema.optional(),
  industry: IndustrySchema.optional(),
  narrator: NarratorSchema.optional(),
  tags: z.array(kebabId).default([]),
  expectsScopeBoundary: z.boolean().optional(),
  steps: z.strictObject({
    situation: LegacyStepSchema,
    task: LegacyStepSchema,
    action: LegacyStepSchema,
    result: LegacyStepSchema,
    reflection: LegacyStepSchema,
  }),
  probes: z.array(ProbeSchema).min(2, 'give at least 2 follow-up probes'),
  weakAnswer: z.strictObject({
    answer: sentence('answer', 60),
    critiques: z.array(text('critique')).min(2, 'give at least 2 critiques'),
    verdict: sentence('verdict'),
  }),
  quiz: z.array(LegacyQuizSchema).min(1, 'give at least 1 quiz question'),
  lenses: z.array(LensSchema).min(1, 'give at least 1 lens'),
  levels: z.strictObject({ sde1: LegacyLevelSchema, sde2: LegacyLevelSchema, senior: LegacyLevelSchema }),
});

/** The level old weak answers were always judged at. */
const LEGACY_WEAK_LEVEL: z.infer<typeof LevelSchema> = 'sde2';

function upgradeScenario(input: z.infer<typeof LegacyInputSchema>): Scenario {
  const { $schema: _schema, weakAnswer, levels, steps, ...rest } = input;
  const levelViews = Object.fromEntries(
    LEVELS.map((level) => {
      const variant = levels[level];
      const story = Object.fromEntries(
        STAR_PARTS.map((part) => {
          const { targetSeconds, example, keyPhrases } = steps[part];
          return [part, { targetSeconds, keyPhrases, example: part === 'reflection' ? variant.reflection : example }];
        }),
      ) as Scenario['levels'][Level]['story'];
      return [level, { ...variant, story }];
    }),
  ) as Scenario['levels'];
  return {
    ...rest,
    steps: steps as Record<StarPart, Scenario['steps'][StarPart]>,
    weakAnswer: { level: LEGACY_WEAK_LEVEL, ...weakAnswer },
    levels: levelViews,
  };
}

export const LegacyScenarioSchema = LegacyInputSchema.superRefine((scenario, ctx) => {
  scenario.lenses.forEach((lens, i) => {
    if (lens.lp === scenario.lp)
      ctx.addIssue({
        code: 'custom',
        path: ['lenses', i, 'lp'],
        message: `a lens is for another LP, not the scenario's own (${scenario.lp})`,
      });
  });
}).transform(upgradeScenario);

export const LegacyQuestionBankSchema = z
  .strictObject({
    $schema: z.string().optional(),
    lp: LpIdSchema,
    questions: z.array(BankQuestionSchema).min(1, 'list at least one question'),
  })
  .transform(({ lp, questions }): QuestionBank => ({ lp, followUps: [], questions }));
