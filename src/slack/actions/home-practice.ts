import { isLpId } from '../../core/lp.js';
import type { Services } from '../../services/index.js';
import { type ButtonArgs, teamOf } from './button.js';

/** App Home: practise the weakest LP (a question arrives in the DM). */
export function homePracticeAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const lp = args.action.value ?? '';
    // From App Home there is no message to answer in; a failure is logged and the button can be pressed again.
    await services.practice
      .start(teamOf(args), args.body.user.id, isLpId(lp) ? lp : undefined, undefined)
      .catch((err) => services.logger.warn('could not start practice from App Home', err));
  };
}
