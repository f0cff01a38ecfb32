import type { Services } from '../../services/index.js';
import { aside, type ButtonArgs, teamOf } from './button.js';

/** *Use as my answer*: a DM message posted outside the question's thread joins the open answer. */
export function useAsAnswerAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const outcome = await services.answers.useAsAnswer(teamOf(args), args.body.user.id, args.action.value ?? '');
    if (outcome === 'not-found')
      await args.respond(aside('That question is no longer open. `/star practice` sends a new one.'));
    else
      await args.respond({
        replace_original: true,
        text: 'Scored as your answer: the feedback is in the question’s thread.',
      });
  };
}
