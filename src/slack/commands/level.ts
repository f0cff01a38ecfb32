import { isLevel, LEVEL_NAMES } from '../../core/lp.js';
import { ephemeral, say } from '../../messages/blocks.js';
import { helpMessage } from '../../messages/help.js';
import type { Subcommand } from './command.js';

/** `/star level sde1|sde2|senior`: the level the person's answers are judged at. */
export const levelCommand: Subcommand = async (services, { ack, teamId, userId, words }) => {
  const wanted = words[0]?.toLowerCase();
  if (words.length !== 1 || !wanted || !isLevel(wanted)) {
    await ack(ephemeral(helpMessage('Usage: /star level sde1|sde2|senior')));
    return;
  }
  await services.settings.setLevel(teamId, userId, wanted);
  await ack(say(`:white_check_mark: Your answers are now judged at ${LEVEL_NAMES[wanted]}.`));
};
