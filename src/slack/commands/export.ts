import { say } from '../../messages/blocks.js';
import type { Subcommand } from './command.js';

/** `/star export`: all the person's data as a JSON file in a DM. */
export const exportCommand: Subcommand = async (services, { ack, respond, logger, teamId, userId }) => {
  await ack(say(':hourglass_flowing_sand: Gathering your data…'));
  try {
    await services.privacy.exportToDm(teamId, userId);
    await respond(say(':package: I sent you all your data as a JSON file in a DM.'));
  } catch (err) {
    logger.error('export failed', err);
    await respond(say(':warning: I could not send the file; try again in a minute.'));
  }
};
