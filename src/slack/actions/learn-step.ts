import { learnMessage } from '../../messages/learn.js';
import type { Services } from '../../services/index.js';
import { aside, type ButtonArgs } from './button.js';

/** Back/Next in a walkthrough: the message is replaced by the requested page. */
export function learnStepAction(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const [scenarioId, page] = args.action.value?.split(':') ?? [];
    const scenario = services.learning.scenario(scenarioId ?? '');
    if (!scenario) {
      await args.respond(aside('That walkthrough is no longer available; try `/star learn` again.'));
      return;
    }
    const body = learnMessage(scenario, Number(page) || 0);
    await args.respond({ replace_original: true, text: body.text, blocks: body.blocks });
  };
}
