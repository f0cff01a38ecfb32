// The welcome a person gets once, on first contact: choose a level, try one question, and how the
// channel works, each a step they can take from the message itself.
import { LEVEL_NAMES, LEVELS } from '../core/lp.js';
import { button, context, header, type MessageBody, message, section } from './blocks.js';
import { ACTION_IDS } from './ids.js';

export function welcomeMessage(): MessageBody {
  return message('Welcome to STAR Coach: choose your level, try one question, and see how the channel works.', [
    header('Welcome to STAR Coach'),
    section(
      'I help you practise behavioural interview answers: a story told as Situation, Task, Action, Result and what you learned, scored against one Leadership Principle the way a bar raiser would. Three steps:',
    ),
    section(
      '*1. Choose your level.* It sets the bar I hold your answers to. Until you choose, I judge at SDE2 and say so.',
    ),
    {
      type: 'actions',
      elements: LEVELS.map((level) => button(LEVEL_NAMES[level], ACTION_IDS.chooseLevel, level)),
    },
    section(
      '*2. Try one question.* It comes here in a DM; answer in its thread, or just type it here. You get a verdict and the three things to fix first, then a strong answer to compare with and follow-up questions.',
    ),
    { type: 'actions', elements: [button('Try one question', ACTION_IDS.homePractice, 'any', 'primary')] },
    section(
      '*3. How the channel works.* If your team has a daily question, answer in the thread under it. Your feedback and one follow-up come to you here, privately; the channel sees only a tick on your answer (unless the channel chose public feedback).',
    ),
    context('`/star help` lists every command. The Home tab shows your progress.'),
  ]);
}
