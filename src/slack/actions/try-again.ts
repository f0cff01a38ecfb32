import type { Services } from '../../services/index.js';
import { aside, type ButtonArgs, teamOf } from './button.js';

/** *Try again*: the same question once more, in a new thread; its feedback compares the two scores. */
export function tryAgainAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const started = await services.practice.tryAgain(teamOf(args), args.body.user.id, Number(args.action.value));
    if (!started) await args.respond(aside('I could not find that practice session.'));
  };
}
