import { isLpId } from '../../core/lp.js';
import { quizMessage } from '../../messages/quiz.js';
import type { Services } from '../../services/index.js';
import type { ButtonArgs } from './button.js';

/** *Another question* under a quiz result. */
export function quizNextAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const filter = args.action.value ?? 'any';
    const { scenario, index } = services.learning.pickQuiz(isLpId(filter) ? filter : undefined);
    const body = quizMessage(scenario, index, filter);
    await args.respond({ replace_original: true, text: body.text, blocks: body.blocks });
  };
}
