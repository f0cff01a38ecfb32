import { ephemeral } from '../../messages/blocks.js';
import { helpMessage } from '../../messages/help.js';
import { learnMessage } from '../../messages/learn.js';
import { parseLpAndLevel, type Subcommand } from './command.js';

/** `/star learn [lp]`: a model answer, step by step. */
export const learnCommand: Subcommand = async (services, { ack, words }) => {
  const { lp, level, error } = parseLpAndLevel(words);
  if (error || level) {
    await ack(ephemeral(helpMessage(error ?? 'Usage: /star learn [lp]')));
    return;
  }
  await ack(ephemeral(learnMessage(services.learning.randomScenario(lp), 0)));
};
