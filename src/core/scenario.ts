import { z } from 'zod';
import { LEVELS, type Level, LP_IDS, type LpId, STAR_PARTS, type StarPart } from './lp.js';
import { FOLLOW_UP_GAPS, INDUSTRIES, NARRATORS, ROLES } from './scenario-vocabulary.js';

// Scenario content schema. Authors write YAML; this is the single definition the loader
// validates against and the JSON Schema (scenarios/scenario.schema.json) is generated from.
// The parsed `Scenario` keeps the shape older readers use (`steps.<part>.example`,
// `levels.<level>.reflection`) and adds each level's own story in `levels.<level>.story`.

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);
export const sentence = (what: string, min = 20) =>
  z.string().trim().min(min, `${what} is too short to be useful (at least ${min} characters)`);
export const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

export const LpIdSchema = z.enum(LP_IDS);
export const LevelSchema = z.enum(LEVELS);
export const StarPartSchema = z.enum(STAR_PARTS);
export const RoleSchema = z.enum(ROLES).describe('The narrator’s job: see scenarios/README.md for the list');
export const IndustrySchema = z.enum(INDUSTRIES).describe('The business the story happens in');
export const NarratorSchema = z
  .enum(NARRATORS)
  .describe('Who tells the story in the overview: sde1, sde2, senior, or manager (of engineers or of an operation)');

const targetSeconds = z.number().int().min(5).max(240).describe('Speaking time to aim for, in seconds');

/** One part of one level's story: what to say, for how long, and the phrases that carry it. */
export const StoryPartSchema = z
  .strictObject({
    targetSeconds,
    example: sentence('example', 40).describe('A strong version of this part at this level, in the first person'),
    keyPhrases: z
      .array(text('key phrase'))
      .min(2, 'list at least 2 key phrases')
      .describe('Short phrases copied verbatim from the example that carry the signal'),
  })
  .superRefine((part, ctx) => {
    const example = part.example.toLowerCase();
    part.keyPhrases.forEach((phrase, i) => {
      if (!example.includes(phrase.toLowerCase()))
        ctx.addIssue({ code: 'custom', path: ['keyPhrases', i], message: `"${phrase}" is not in the example` });
    });
  });

export const LevelStorySchema = z.strictObject({
  situation: StoryPartSchema,
  task: StoryPartSchema,
  action: StoryPartSchema,
  result: StoryPartSchema,
  reflection: StoryPartSchema,
});

/** How to tell a part, whatever the level. */
export const StepGuidanceSchema = z.strictObject({
  coaching: sentence('coaching').describe('One tip for delivering this part of this story well'),
  commonMistake: sentence('commonMistake').describe('How candidates get this part of this story wrong'),
});

export const ProbeSchema = z.strictObject({
  question: text('question').describe('The follow-up question, as an interviewer asks it'),
  probes: text('probes').describe('What the question is testing'),
  weak: z.strictObject({
    answer: text('answer').describe('A plausible reply that is subtly wrong (30 words or more)'),
    why: sentence('why').describe('Why this answer hurts the candidate'),
  }),
  strong: z.strictObject({
    answer: sentence('answer', 60),
    takeaway: text('takeaway').describe('The one line to remember'),
  }),
});

/** The most a quiz's stored story context may hold: two lines in Slack. */
export const QUIZ_CONTEXT_MAX_CHARS = 300;

const quizCorrectInRange = <T extends { correct: number; options: string[] }>(quiz: T) =>
  quiz.correct < quiz.options.length;
const correctIssue = { message: 'correct must be the index of one of the options', path: ['correct'] };

export const QuizSchema = z
  .strictObject({
    context: z
      .string()
      .trim()
      .min(40, 'context is too short to carry the story (at least 40 characters)')
      .max(QUIZ_CONTEXT_MAX_CHARS, `context must fit in two lines (at most ${QUIZ_CONTEXT_MAX_CHARS} characters)`)
      .optional()
      .describe('The story facts the question needs, shown above it (two lines); omit for a standalone quiz'),
    question: text('question'),
    options: z.array(text('option')).min(3, 'give at least 3 options').max(5, 'give at most 5 options'),
    correct: z.number().int().min(0).describe('Index (from 0) of the correct option'),
    explanation: sentence('explanation'),
  })
  .refine(quizCorrectInRange, correctIssue);

export const LensSchema = z.strictObject({
  lp: LpIdSchema.describe('Another Leadership Principle this story can answer'),
  leadWith: sentence('leadWith'),
  emphasise: sentence('emphasise'),
  downplay: sentence('downplay'),
});

/** A full answer below the strong one, with the bar raiser's verdict against one level's bar. */
export const JudgedAnswerSchema = z.strictObject({
  level: LevelSchema.describe('The bar the answer is judged against'),
  answer: sentence('answer', 60),
  critiques: z
    .array(text('critique'))
    .min(1, 'give at least 1 critique')
    .max(3, 'give at most 3 critiques: a realistic answer has one or two main problems'),
  verdict: sentence('verdict', 60).describe(
    "The bar raiser's call against the level's bar: what was missing and what would have made it a hire",
  ),
});

export const LevelSchemaV2 = z.strictObject({
  focus: sentence('focus').describe('What this level should put at the centre of the story'),
  bar: sentence('bar').describe('What the interviewer holds this level to'),
  timeBudgetSeconds: z.number().int().min(60).max(300).describe('Whole answer, in seconds'),
  story: LevelStorySchema.describe("This level's own STAR story; its targetSeconds add up to timeBudgetSeconds"),
});

const ScenarioInputSchema = z.strictObject({
  $schema: z.string().optional(),
  id: kebabId.describe('Unique across the library'),
  lp: LpIdSchema,
  title: text('title').max(100, 'keep the title under 100 characters'),
  question: text('question').describe('The behavioural question, as an interviewer asks it'),
  overview: sentence('overview', 80).describe("The story in a paragraph, as the narrator's level tells it"),
  role: RoleSchema,
  industry: IndustrySchema,
  narrator: NarratorSchema,
  tags: z.array(kebabId).default([]).describe('Kinds of work: on-call, migration, hiring…'),
  expectsScopeBoundary: z
    .boolean()
    .optional()
    .describe('An ownership story: the answer must say the problem was outside the job (default: lp is ownership)'),
  steps: z
    .strictObject({
      situation: StepGuidanceSchema,
      task: StepGuidanceSchema,
      action: StepGuidanceSchema,
      result: StepGuidanceSchema,
      reflection: StepGuidanceSchema,
    })
    .describe('Coaching and the common mistake for each part, shared by the three levels'),
  probes: z.array(ProbeSchema).min(2, 'give at least 2 follow-up probes'),
  weakAnswer: JudgedAnswerSchema.describe('What a real candidate says: one or two main problems'),
  nearBar: JudgedAnswerSchema.describe('An answer just either side of the bar, and what would move it over'),
  quiz: z.array(QuizSchema).min(1, 'give at least 1 quiz question'),
  lenses: z.array(LensSchema).min(1, 'give at least 1 lens'),
  levels: z.strictObject({ sde1: LevelSchemaV2, sde2: LevelSchemaV2, senior: LevelSchemaV2 }),
});

export type StoryPart = z.infer<typeof StoryPartSchema>;
export type LevelStory = z.infer<typeof LevelStorySchema>;
export type Probe = z.infer<typeof ProbeSchema>;
export type Lens = z.infer<typeof LensSchema>;
export type JudgedAnswer = z.infer<typeof JudgedAnswerSchema>;
export type Role = (typeof ROLES)[number];
export type Industry = (typeof INDUSTRIES)[number];
export type Narrator = (typeof NARRATORS)[number];

/** A quiz as readers see it; `context` is the story it needs, when it needs one. */
export interface Quiz {
  context?: string;
  question: string;
  options: string[];
  correct: number;
  explanation: string;
}

/** A part as readers see it: the SDE2 story's text and target with the shared coaching. */
export interface Step {
  targetSeconds: number;
  example: string;
  keyPhrases: string[];
  coaching: string;
  commonMistake: string;
}

export interface LevelVariant {
  focus: string;
  /** The level's reflection (its story's reflection part). */
  reflection: string;
  bar: string;
  timeBudgetSeconds: number;
  /** The level's own STAR story. */
  story: LevelStory;
}

export interface Scenario {
  id: string;
  lp: LpId;
  title: string;
  question: string;
  overview: string;
  /** Absent only in files not yet converted to the current format. */
  role?: Role;
  industry?: Industry;
  narrator?: Narrator;
  tags: string[];
  expectsScopeBoundary?: boolean;
  steps: Record<StarPart, Step>;
  probes: Probe[];
  weakAnswer: JudgedAnswer;
  /** Absent only in files not yet converted to the current format. */
  nearBar?: JudgedAnswer;
  quiz: Quiz[];
  lenses: Lens[];
  levels: Record<Level, LevelVariant>;
}

/** The level whose story fills `steps` for readers that know only one story. */
export const STEPS_LEVEL: Level = 'sde2';

/** Builds the reader's view from a parsed file: shared coaching plus each level's story. */
function toScenario(input: z.infer<typeof ScenarioInputSchema>): Scenario {
  const { $schema: _schema, steps: guidance, levels, ...rest } = input;
  const base = levels[STEPS_LEVEL].story;
  const steps = Object.fromEntries(STAR_PARTS.map((part) => [part, { ...base[part], ...guidance[part] }])) as Record<
    StarPart,
    Step
  >;
  const levelViews = Object.fromEntries(
    LEVELS.map((level) => {
      const { story, ...variant } = levels[level];
      return [level, { ...variant, reflection: story.reflection.example, story }];
    }),
  ) as Record<Level, LevelVariant>;
  return { ...rest, steps, levels: levelViews };
}

export const ScenarioSchema = ScenarioInputSchema.superRefine((scenario, ctx) => {
  scenario.lenses.forEach((lens, i) => {
    if (lens.lp === scenario.lp) {
      ctx.addIssue({
        code: 'custom',
        path: ['lenses', i, 'lp'],
        message: `a lens is for another LP, not the scenario's own (${scenario.lp})`,
      });
    }
  });
}).transform(toScenario);

/** One of the LP-level follow-ups: a question any answer to this LP can be asked, tagged by the gap it probes. */
export const FollowUpSchema = z.strictObject({
  gap: z.enum(FOLLOW_UP_GAPS).describe('What the follow-up probes for: see scenarios/README.md'),
  question: text('question').describe('Phrased for this LP, and true of any story: no names, numbers or story facts'),
  listensFor: sentence('listensFor').describe('What a good reply gives the interviewer'),
});

/** A question-bank entry: a question with its probes but no worked model answer. */
export const BankQuestionSchema = z.strictObject({
  id: kebabId,
  question: text('question'),
  probes: z
    .array(z.strictObject({ question: text('question'), probes: text('probes') }))
    .min(2, 'give 2 or 3 probes')
    .max(3, 'give 2 or 3 probes'),
});

/** The fewest LP-level follow-ups an LP carries. */
export const MIN_FOLLOW_UPS = 8;

export const QuestionBankSchema = z
  .strictObject({
    $schema: z.string().optional(),
    lp: LpIdSchema,
    followUps: z
      .array(FollowUpSchema)
      .min(MIN_FOLLOW_UPS, `give at least ${MIN_FOLLOW_UPS} follow-ups`)
      .describe('Follow-ups for any answer to this LP, each tagged with the gap it probes'),
    questions: z.array(BankQuestionSchema).min(1, 'list at least one question'),
  })
  .superRefine((bank, ctx) => {
    const missing = FOLLOW_UP_GAPS.filter((gap) => !bank.followUps.some((f) => f.gap === gap));
    if (missing.length > 0)
      ctx.addIssue({ code: 'custom', path: ['followUps'], message: `no follow-up for: ${missing.join(', ')}` });
  })
  .transform(({ $schema: _schema, ...bank }) => bank);

export type FollowUp = z.infer<typeof FollowUpSchema>;
export type BankQuestion = z.infer<typeof BankQuestionSchema>;
export interface QuestionBank {
  lp: LpId;
  /** Empty only in banks not yet converted to the current format. */
  followUps: FollowUp[];
  questions: BankQuestion[];
}

/** The model answer for a level: that level's own story, Situation to reflection. */
export function modelAnswer(scenario: Scenario, level: Level): string {
  const story = scenario.levels[level].story;
  return STAR_PARTS.map((part) => story[part].example).join('\n\n');
}

/** What a quiz shows above its options: the stored story context, if any, then the question. */
export function quizPrompt(quiz: Quiz): string {
  return quiz.context ? `${quiz.context}\n\n${quiz.question}` : quiz.question;
}
