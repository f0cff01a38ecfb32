import type { Services } from '../../services/index.js';
import { aside, type ButtonArgs, teamOf } from './button.js';

/** *Practise this question* at the end of a walkthrough: the same question, in a DM. */
export function learnPractiseAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const scenarioId = args.action.value ?? '';
    if (!services.learning.scenario(scenarioId)) {
      await args.respond(aside('That question is no longer in the library. `/star practice` picks another.'));
      return;
    }
    await services.practice
      .start(teamOf(args), args.body.user.id, undefined, undefined, scenarioId)
      .catch(async (err) => {
        services.logger.warn('could not start practice from a walkthrough', err);
        await args.respond(aside('I could not open a DM with you; press the button again in a moment.'));
      });
  };
}
