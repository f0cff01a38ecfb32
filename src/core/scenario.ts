import { z } from 'zod';
import { LEVELS, LP_IDS, STAR_PARTS } from './lp.js';

// Scenario content schema. Authors write YAML; this is the single definition the loader
// validates against and the JSON Schema (scenarios/scenario.schema.json) is generated from.

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);
const sentence = (what: string, min = 20) =>
  z.string().trim().min(min, `${what} is too short to be useful (at least ${min} characters)`);
const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

export const LpIdSchema = z.enum(LP_IDS);
export const LevelSchema = z.enum(LEVELS);
export const StarPartSchema = z.enum(STAR_PARTS);

export const StepSchema = z.strictObject({
  targetSeconds: z.number().int().min(5).max(240).describe('Speaking time to aim for, in seconds'),
  example: sentence('example', 40).describe('A strong version of this step, in the first person'),
  keyPhrases: z
    .array(text('key phrase'))
    .min(2, 'list at least 2 key phrases')
    .describe('Short phrases from the example that carry the signal'),
  coaching: sentence('coaching').describe('One tip for delivering this step well'),
  commonMistake: sentence('commonMistake').describe('How candidates usually get this step wrong'),
});

export const ProbeSchema = z.strictObject({
  question: text('question').describe('The follow-up question, as an interviewer asks it'),
  probes: text('probes').describe('What the question is testing'),
  weak: z.strictObject({
    answer: text('answer'),
    why: sentence('why').describe('Why this answer hurts the candidate'),
  }),
  strong: z.strictObject({
    answer: sentence('answer', 60),
    takeaway: text('takeaway').describe('The one line to remember'),
  }),
});

export const QuizSchema = z
  .strictObject({
    question: text('question'),
    options: z.array(text('option')).min(2, 'give at least 2 options').max(5, 'give at most 5 options'),
    correct: z.number().int().min(0).describe('Index (from 0) of the correct option'),
    explanation: sentence('explanation'),
  })
  .refine((quiz) => quiz.correct < quiz.options.length, {
    message: 'correct must be the index of one of the options',
    path: ['correct'],
  });

export const LensSchema = z.strictObject({
  lp: LpIdSchema.describe('Another Leadership Principle this story can answer'),
  leadWith: sentence('leadWith'),
  emphasise: sentence('emphasise'),
  downplay: sentence('downplay'),
});

export const LevelVariantSchema = z.strictObject({
  focus: sentence('focus').describe('What this level should put at the centre of the story'),
  reflection: sentence('reflection', 60).describe('The reflection this level should give'),
  bar: sentence('bar').describe('What the interviewer holds this level to'),
  timeBudgetSeconds: z.number().int().min(60).max(300).describe('Whole answer, in seconds'),
});

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: kebabId.describe('Unique across the library'),
    lp: LpIdSchema,
    title: text('title').max(100, 'keep the title under 100 characters'),
    question: text('question').describe('The behavioural question, as an interviewer asks it'),
    overview: sentence('overview', 80),
    tags: z.array(kebabId).default([]).describe('Kinds of work: backend, mobile, on-call, hiring…'),
    expectsScopeBoundary: z
      .boolean()
      .optional()
      .describe('An ownership story: the answer must say the problem was outside the job (default: lp is ownership)'),
    steps: z.strictObject({
      situation: StepSchema,
      task: StepSchema,
      action: StepSchema,
      result: StepSchema,
      reflection: StepSchema,
    }),
    probes: z.array(ProbeSchema).min(2, 'give at least 2 follow-up probes'),
    weakAnswer: z.strictObject({
      answer: sentence('answer', 60),
      critiques: z.array(text('critique')).min(2, 'give at least 2 critiques'),
      verdict: sentence('verdict').describe("The bar raiser's verdict"),
    }),
    quiz: z.array(QuizSchema).min(1, 'give at least 1 quiz question'),
    lenses: z.array(LensSchema).min(1, 'give at least 1 lens'),
    levels: z.strictObject({
      sde1: LevelVariantSchema,
      sde2: LevelVariantSchema,
      senior: LevelVariantSchema,
    }),
  })
  .superRefine((scenario, ctx) => {
    scenario.lenses.forEach((lens, i) => {
      if (lens.lp === scenario.lp) {
        ctx.addIssue({
          code: 'custom',
          path: ['lenses', i, 'lp'],
          message: `a lens is for another LP, not the scenario's own (${scenario.lp})`,
        });
      }
    });
  });

export type Step = z.infer<typeof StepSchema>;
export type Probe = z.infer<typeof ProbeSchema>;
export type Quiz = z.infer<typeof QuizSchema>;
export type Lens = z.infer<typeof LensSchema>;
export type LevelVariant = z.infer<typeof LevelVariantSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;

/** A question-bank entry: a question with its probes but no worked model answer. */
export const BankQuestionSchema = z.strictObject({
  id: kebabId,
  question: text('question'),
  probes: z
    .array(z.strictObject({ question: text('question'), probes: text('probes') }))
    .min(2, 'give 2 or 3 probes')
    .max(3, 'give 2 or 3 probes'),
});

export const QuestionBankSchema = z.strictObject({
  $schema: z.string().optional(),
  lp: LpIdSchema,
  questions: z.array(BankQuestionSchema).min(1, 'list at least one question'),
});

export type BankQuestion = z.infer<typeof BankQuestionSchema>;
export type QuestionBank = z.infer<typeof QuestionBankSchema>;

/** The model answer for a level: the strong step examples with that level's reflection. */
export function modelAnswer(scenario: Scenario, level: 'sde1' | 'sde2' | 'senior'): string {
  const { situation, task, action, result } = scenario.steps;
  return [situation.example, task.example, action.example, result.example, scenario.levels[level].reflection].join(
    '\n\n',
  );
}
