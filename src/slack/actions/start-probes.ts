import type { Services } from '../../services/index.js';
import { aside, type ButtonArgs, teamOf } from './button.js';

/** *Follow-up questions* on DM feedback: the first probe, once. */
export function startProbesAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const result = await services.answers.startProbes(teamOf(args), args.body.user.id, Number(args.action.value));
    if (result === 'not-found') await args.respond(aside('I could not find that practice session.'));
  };
}
