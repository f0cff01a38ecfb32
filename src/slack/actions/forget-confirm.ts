import { plural } from '../../core/feedback.js';
import type { Services } from '../../services/index.js';
import { type ButtonArgs, teamOf } from './button.js';

/** The confirmation button of `/star forget-me`. */
export function forgetConfirmAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const removed = await services.privacy.forget(teamOf(args), args.body.user.id);
    await args.respond({
      replace_original: true,
      text: `:wastebasket: Done: ${plural(removed, 'record')} about you deleted.`,
    });
  };
}

/** Cancel on `/star forget-me`: nothing is deleted, and the question goes away. */
export function forgetCancelAction() {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await args.respond({ replace_original: true, text: 'Cancelled: nothing was deleted.' });
  };
}
