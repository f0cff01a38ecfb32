import { isLpId } from '../../core/lp.js';
import { learnMessage } from '../../messages/learn.js';
import { quizMessage } from '../../messages/quiz.js';
import type { Services } from '../../services/index.js';
import { type ButtonArgs, teamOf } from './button.js';

/** App Home: a quiz question or a walkthrough, posted in the DM (buttons there work as usual). */
export function homeLearningAction(services: Services, kind: 'quiz' | 'learn') {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const value = args.action.value ?? 'any';
    const { scenario, index } = services.learning.pickQuiz(isLpId(value) ? value : undefined);
    const body = kind === 'quiz' ? quizMessage(scenario, index, value) : learnMessage(scenario, 0);
    try {
      await services.practice.postToDm(teamOf(args), args.body.user.id, body);
    } catch (err) {
      services.logger.warn(`could not post a ${kind} from App Home`, err);
    }
  };
}
