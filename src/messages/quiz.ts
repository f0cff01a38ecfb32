import { lpName } from '../core/lp.js';
import type { Scenario } from '../core/scenario.js';
import { button, context, escapeMrkdwn, header, type MessageBody, message, section } from './blocks.js';
import { ACTION_IDS, QUIZ_CHOICE_IDS } from './ids.js';

const LETTERS = 'ABCDE';

/** A multiple-choice question with one button per option. */
export function quizMessage(scenario: Scenario, quizIndex: number, lpFilter: string): MessageBody {
  const quiz = scenario.quiz[quizIndex];
  const options = quiz.options.map((o, i) => `*${LETTERS[i]}.* ${escapeMrkdwn(o)}`).join('\n');
  return message(`Quiz: ${quiz.question}`, [
    header(`Quiz · ${lpName(scenario.lp)}`),
    // A question about a story shows the story first: nobody has to know it already.
    ...(quiz.context ? [context(`:book: *The story:* ${escapeMrkdwn(quiz.context)}`)] : []),
    section(`*${escapeMrkdwn(quiz.question)}*\n${options}`),
    {
      type: 'actions',
      elements: quiz.options.map((_, i) =>
        button(LETTERS[i], QUIZ_CHOICE_IDS[i], `${scenario.id}:${quizIndex}:${i}:${lpFilter}`),
      ),
    },
  ]);
}

/** The checked choice with the explanation, and a button for another question. */
export function quizResultMessage(
  scenario: Scenario,
  quizIndex: number,
  choice: number,
  lpFilter: string,
): MessageBody {
  const quiz = scenario.quiz[quizIndex];
  const right = choice === quiz.correct;
  const verdict = right
    ? `:white_check_mark: *Right:* ${LETTERS[choice]}. ${escapeMrkdwn(quiz.options[choice])}`
    : `:x: *Not quite.* You chose ${LETTERS[choice]}. ${escapeMrkdwn(quiz.options[choice])}\nThe answer is *${LETTERS[quiz.correct]}. ${escapeMrkdwn(quiz.options[quiz.correct])}*`;
  return message(right ? 'Right!' : 'Not quite.', [
    header(`Quiz · ${lpName(scenario.lp)}`),
    section(`*${escapeMrkdwn(quiz.question)}*`),
    section(verdict),
    section(escapeMrkdwn(quiz.explanation)),
    context(`From the scenario “${escapeMrkdwn(scenario.title)}”. \`/star learn ${scenario.lp}\` walks through it.`),
    { type: 'actions', elements: [button('Another question', ACTION_IDS.quizNext, lpFilter, 'primary')] },
  ]);
}
