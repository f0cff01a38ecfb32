import type { Services } from '../../services/index.js';
import { aside, type ButtonArgs, teamOf } from './button.js';

/** *Answer in a form*: a modal with one box per STAR part. */
export function openAnswerFormAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const outcome = await services.practice.openAnswerForm(
      teamOf(args),
      args.body.user.id,
      Number(args.action.value),
      args.body.trigger_id,
    );
    if (outcome === 'not-found') await args.respond(aside('I could not find that practice session.'));
    if (outcome === 'failed')
      await args.respond(
        aside('Slack did not open the form in time; press the button again, or answer in the thread.'),
      );
  };
}
