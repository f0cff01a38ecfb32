import { ephemeral } from '../../messages/blocks.js';
import { helpMessage } from '../../messages/help.js';
import { quizMessage } from '../../messages/quiz.js';
import { parseLpAndLevel, type Subcommand } from './command.js';

/** `/star quiz [lp]`: a multiple-choice question. */
export const quizCommand: Subcommand = async (services, { ack, words }) => {
  const { lp, level, error } = parseLpAndLevel(words);
  if (error || level) {
    await ack(ephemeral(helpMessage(error ?? 'Usage: /star quiz [lp]')));
    return;
  }
  const { scenario, index } = services.learning.pickQuiz(lp);
  await ack(ephemeral(quizMessage(scenario, index, lp ?? 'any')));
};
