import { ephemeral } from '../../messages/blocks.js';
import { statsMessage } from '../../messages/stats.js';
import type { Subcommand } from './command.js';

/** `/star stats`: the person's sessions, scores per LP and most frequent flags. */
export const statsCommand: Subcommand = async (services, { ack, teamId, userId }) => {
  const { stats, level } = await services.progress.stats(teamId, userId);
  await ack(ephemeral(statsMessage(stats, level)));
};
