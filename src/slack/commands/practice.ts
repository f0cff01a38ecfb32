import { withArticle } from '../../core/feedback.js';
import { lpName } from '../../core/lp.js';
import { ephemeral, say } from '../../messages/blocks.js';
import { helpMessage } from '../../messages/help.js';
import { parseLpAndLevel, type Subcommand } from './command.js';

/** `/star practice [lp] [level]`: a question in the person's DM. */
export const practiceCommand: Subcommand = async (services, { ack, respond, logger, teamId, userId, words }) => {
  const { lp, level, error } = parseLpAndLevel(words);
  if (error) {
    await ack(ephemeral(helpMessage(error)));
    return;
  }
  await ack(say(`:mailbox_with_mail: Sending you ${lp ? withArticle(lpName(lp)) : 'a'} question in a DM…`));
  try {
    const started = await services.practice.start(teamId, userId, lp, level);
    if (!started.sent)
      await respond(
        say('Slack did not take the question right away; it is saved and I will post it in your DM shortly.'),
      );
  } catch (err) {
    logger.error('practice failed to start', err);
    await respond(
      say(':warning: I could not open a DM with you. Check that STAR Coach is allowed to message you, then try again.'),
    );
  }
};
