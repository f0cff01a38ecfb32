import { isLevel, LEVEL_NAMES } from '../../core/lp.js';
import type { Services } from '../../services/index.js';
import { aside, type ButtonArgs, teamOf } from './button.js';

/** The welcome's level buttons: the bar the person's answers are judged against. */
export function chooseLevelAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const level = args.action.value ?? '';
    if (!isLevel(level)) return;
    await services.settings.setLevel(teamOf(args), args.body.user.id, level);
    await args.respond(aside(`Your level is now ${LEVEL_NAMES[level]}. \`/star level\` changes it any time.`));
  };
}
