import { quizResultMessage } from '../../messages/quiz.js';
import type { Services } from '../../services/index.js';
import { aside, type ButtonArgs, teamOf } from './button.js';

/** An answer to a quiz question: checked, explained and recorded. */
export function quizChoiceAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const [scenarioId, quizText, choiceText, lpFilter = 'any'] = args.action.value?.split(':') ?? [];
    const quizIndex = Number(quizText);
    const choice = Number(choiceText);
    const answered = await services.learning.answerQuiz(
      teamOf(args),
      args.body.user.id,
      scenarioId ?? '',
      quizIndex,
      choice,
    );
    if (!answered) {
      await args.respond(aside('That question is no longer available; try `/star quiz` again.'));
      return;
    }
    const body = quizResultMessage(answered.scenario, quizIndex, choice, lpFilter);
    await args.respond({ replace_original: true, text: body.text, blocks: body.blocks });
  };
}
