import { LEADERSHIP_PRINCIPLES, type LpId } from '../lp.js';
import type { Quiz, Scenario } from '../scenario.js';
import { storyTexts } from './text.js';
import type { Finding } from './types.js';

/** Above this share of an LP's quizzes whose correct option is the unique longest, length gives answers away. */
export const MAX_UNIQUE_LONGEST_SHARE = 1 / 3;
/** The correct option may be at most this many times the mean length of the distractors. */
export const MAX_CORRECT_TO_DISTRACTORS = 1.5;
/** The shortest option at least this share of the longest: a much shorter one is a throwaway. */
export const MIN_SHORTEST_TO_LONGEST = 0.4;
/** More than this share of an LP's quizzes with the answer in one position makes the position a tell. */
export const MAX_SAME_POSITION_SHARE = 0.5;

const length = (option: string) => option.trim().length;

/** Whether the correct option is longer than every other one. */
export function correctIsUniqueLongest(quiz: Quiz): boolean {
  const correct = length(quiz.options[quiz.correct]);
  return quiz.options.every((o, i) => i === quiz.correct || length(o) < correct);
}

/** The correct option's length over the mean length of the distractors. */
export function correctToDistractorRatio(quiz: Quiz): number {
  const others = quiz.options.filter((_, i) => i !== quiz.correct).map(length);
  const mean = others.reduce((a, b) => a + b, 0) / Math.max(1, others.length);
  return length(quiz.options[quiz.correct]) / Math.max(1, mean);
}

/** Per quiz: options of very different lengths, or a correct option much longer than the rest. */
export function checkQuizLengths(scenario: Scenario): Finding[] {
  const findings: Finding[] = [];
  scenario.quiz.forEach((quiz, i) => {
    const ratio = correctToDistractorRatio(quiz);
    if (ratio > MAX_CORRECT_TO_DISTRACTORS)
      findings.push({
        check: 'quiz-length',
        lp: scenario.lp,
        scenarioId: scenario.id,
        field: `quiz.${i}.options`,
        message: `the correct option is ${ratio.toFixed(1)}× the distractors' mean length (at most ${MAX_CORRECT_TO_DISTRACTORS}×): a learner can guess it by length`,
      });
    const lengths = quiz.options.map(length);
    const shortest = Math.min(...lengths);
    const longest = Math.max(...lengths);
    if (shortest < MIN_SHORTEST_TO_LONGEST * longest)
      findings.push({
        check: 'quiz-length',
        lp: scenario.lp,
        scenarioId: scenario.id,
        field: `quiz.${i}.options.${lengths.indexOf(shortest)}`,
        message: `option of ${shortest} characters beside one of ${longest}: write options of similar length and register`,
      });
  });
  return findings;
}

/** Per LP: the correct option uniquely longest too often, or too often in the same position. */
export function checkLpQuizBias(lp: LpId, scenarios: readonly Scenario[]): Finding[] {
  const quizzes = scenarios.flatMap((s) => s.quiz.map((quiz, i) => ({ s, quiz, i })));
  if (quizzes.length === 0) return [];
  const findings: Finding[] = [];
  const longest = quizzes.filter(({ quiz }) => correctIsUniqueLongest(quiz));
  if (longest.length > MAX_UNIQUE_LONGEST_SHARE * quizzes.length)
    findings.push({
      check: 'quiz-length',
      lp,
      field: '',
      message: `the correct option is the unique longest in ${longest.length} of ${quizzes.length} quizzes (at most a third): ${longest.map(({ s, i }) => `${s.id} quiz.${i}`).join(', ')}`,
    });
  const positions = new Map<number, number>();
  for (const { quiz } of quizzes) positions.set(quiz.correct, (positions.get(quiz.correct) ?? 0) + 1);
  for (const [position, count] of positions)
    if (quizzes.length >= 4 && count > MAX_SAME_POSITION_SHARE * quizzes.length)
      findings.push({
        check: 'quiz-position',
        lp,
        field: '',
        message: `the correct option is option ${position + 1} in ${count} of ${quizzes.length} quizzes: vary its position`,
      });
  return findings;
}

// Words a quiz uses that point at a story the learner has not been shown.
const STORY_WORDS =
  /\b(?:this|that|the) (?:story|scenario|case)\b|\bin (?:this|the) (?:story|scenario|example)\b|\b(?:did|was|were) the candidate\b|\bthe candidate (?:did|chose|decided|found|owned|wrote|used|picked|took|had|was|noticed)\b|\bturning point\b/i;
const THE_NEW = /\bthe new [a-z][a-z-]+/i;

// Capitalised words that name nothing in a story: pronouns, STAR and level words, LP names, calendar.
const GENERIC_CAPITALISED = new Set([
  'I',
  'Situation',
  'Task',
  'Action',
  'Result',
  'Reflection',
  'Senior',
  'Staff',
  'Principal',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  ...LEADERSHIP_PRINCIPLES.flatMap((lp) => lp.name.split(/[\s;,]+/)),
]);

/** Capitalised words inside a sentence (not its first word), outside quoted speech. */
function midSentenceNames(text: string): Set<string> {
  const unquoted = text.replace(/"[^"]*"|“[^”]*”|'[^']*'(?![a-z])/g, ' . ');
  const names = new Set<string>();
  for (const m of unquoted.matchAll(/(?<=[a-z,;)] )[A-Z][a-z]+(?:-[A-Za-z]+)?\b/g))
    if (!GENERIC_CAPITALISED.has(m[0])) names.add(m[0]);
  return names;
}

// Words a quiz can say with "the" or "this" without meaning one story's thing.
const GENERIC_NOUNS = new Set(
  (
    'interviewer interview candidate candidates answer answers question questions reply replies result results action ' +
    'actions task tasks situation reflection step steps principle bar level levels line lines sentence sentences ' +
    'phrase phrases option options word words metric metrics number numbers figure figures best strongest weakest most ' +
    'least first last main same other right wrong clearest biggest deepest hardest point part parts detail details ' +
    'opening close closing follow-up following story stories example examples lesson lessons habit mistake mistakes ' +
    'person people thing things kind sort case cases role work evidence data decision goal problem cause code ' +
    'customer customers date deadline risk team manager total senior junior'
  ).split(' '),
);

// Words that end a noun phrase: "like this to the senior bar" is not about a "senior".
const FUNCTION_WORDS = new Set(
  'to of in on at for with from by as is was are were be and or but than then that which who when how why if so into'.split(
    ' ',
  ),
);

/** "the fast workaround", "this launch": a definite reference to something only the story introduces. */
function definiteStoryReference(question: string, storyWords: ReadonlySet<string>): string | null {
  const introduced = new Set<string>();
  for (const m of question.matchAll(/\b(?:an?|some|two|three|several)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)/gi))
    for (const w of m[1].toLowerCase().split(/\s+/)) introduced.add(w);
  for (const m of question.matchAll(/\b(?:the|this|that|these|those)\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})/gi)) {
    const words = m[1].toLowerCase().split(/\s+/);
    for (const [i, w] of words.entries()) {
      if (GENERIC_NOUNS.has(w) || FUNCTION_WORDS.has(w)) break;
      if (w.length >= 4 && storyWords.has(w) && !introduced.has(w))
        return m[0]
          .split(/\s+/)
          .slice(0, i + 2)
          .join(' ');
    }
  }
  return null;
}

/** Why a quiz cannot be answered without the story, or an empty list when it stands alone. */
export function storyReferences(quiz: Quiz, scenario: Scenario): string[] {
  if (quiz.context) return [];
  const reasons: string[] = [];
  const asked = [quiz.question, ...quiz.options].join('\n');
  const phrase = STORY_WORDS.exec(asked);
  if (phrase) reasons.push(`"${phrase[0]}"`);
  const theNew = THE_NEW.exec(asked);
  if (theNew) reasons.push(`"${theNew[0]}"`);
  const story = [scenario.overview, ...storyTexts(scenario).map((t) => t.text)].join('\n');
  const storyNames = midSentenceNames(story);
  for (const name of midSentenceNames(asked)) if (storyNames.has(name)) reasons.push(`the story's "${name}"`);
  const storyWords = new Set(story.toLowerCase().match(/[a-z][a-z-]+/g) ?? []);
  const definite = definiteStoryReference(quiz.question, storyWords);
  if (definite) reasons.push(`"${definite}"`);
  if (/\bhere\?$/.test(quiz.question.trim())) reasons.push('"here"');
  return reasons;
}

/** Quizzes that lean on the story without carrying its context. */
export function checkQuizStory(scenario: Scenario): Finding[] {
  return scenario.quiz.flatMap((quiz, i) => {
    const reasons = storyReferences(quiz, scenario);
    return reasons.length === 0
      ? []
      : [
          {
            check: 'quiz-story' as const,
            lp: scenario.lp,
            scenarioId: scenario.id,
            field: `quiz.${i}.question`,
            message: `refers to a story the learner has not seen (${reasons.join(', ')}): make it stand alone or add the two-line context it needs`,
          },
        ];
  });
}
