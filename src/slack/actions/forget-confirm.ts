import type { Services } from '../../services/index.js';
import { type ButtonArgs, teamOf } from './button.js';

/** The confirmation button of `/star forget-me`. */
export function forgetConfirmAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const removed = await services.privacy.forget(teamOf(args), args.body.user.id);
    await args.respond({
      replace_original: true,
      text: `:wastebasket: Done: ${removed} records about you were deleted.`,
    });
  };
}
