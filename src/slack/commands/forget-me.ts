import { ephemeral } from '../../messages/blocks.js';
import { forgetConfirmMessage } from '../../messages/community.js';
import type { Subcommand } from './command.js';

/** `/star forget-me`: asks for confirmation (the button does the deleting). */
export const forgetMeCommand: Subcommand = async (_services, { ack }) => {
  await ack(ephemeral(forgetConfirmMessage()));
};
