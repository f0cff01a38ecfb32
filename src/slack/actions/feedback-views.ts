import type { Services } from '../../services/index.js';
import { aside, type ButtonArgs, teamOf } from './button.js';

const NOT_FOUND = 'I could not find that answer; it may have been deleted.';
const TOO_SLOW = 'Slack did not open it in time; press the button again.';

/** *More detail* (DM) and *Details* (channel): the whole feedback on one answer, in a modal. */
export function feedbackDetailAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const shown = await services.coaching.showDetail(
      teamOf(args),
      args.body.user.id,
      Number(args.action.value),
      args.body.trigger_id,
    );
    if (shown === 'not-found') await args.respond(aside(NOT_FOUND));
    if (shown === 'failed') await args.respond(aside(TOO_SLOW));
  };
}

/** *See a strong answer*: the model story and the bar raiser's call, in a modal. */
export function strongAnswerAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const shown = await services.coaching.showStrongAnswer(
      teamOf(args),
      args.body.user.id,
      Number(args.action.value),
      args.body.trigger_id,
    );
    if (shown === 'not-found') await args.respond(aside(NOT_FOUND));
    if (shown === 'failed') await args.respond(aside(TOO_SLOW));
  };
}
