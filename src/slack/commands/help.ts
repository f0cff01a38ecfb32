import { ephemeral } from '../../messages/blocks.js';
import { helpMessage } from '../../messages/help.js';
import type { Subcommand } from './command.js';

export const helpCommand: Subcommand = async (_services, { ack }) => {
  await ack(ephemeral(helpMessage()));
};

/** Anything that is not a subcommand gets the help, saying what was not understood. */
export function unknownCommand(word: string): Subcommand {
  return async (_services, { ack }) => {
    await ack(ephemeral(helpMessage(`Unknown command "${word}".`)));
  };
}
