import { LEADERBOARD_WINDOWS, type LeaderboardWindow } from '../../core/reports.js';
import { ephemeral, say } from '../../messages/blocks.js';
import { leaderboardMessage } from '../../messages/community.js';
import type { Subcommand } from './command.js';

/** `/star leaderboard [week|month|all]`: the channel's top practitioners. */
export const leaderboardCommand: Subcommand = async (services, { ack, teamId, channelId, words }) => {
  const window = (words[0]?.toLowerCase() ?? 'week') as LeaderboardWindow;
  if (words.length > 1 || !LEADERBOARD_WINDOWS.includes(window)) {
    await ack(say(':warning: Usage: `/star leaderboard [week|month|all]`.'));
    return;
  }
  await ack(ephemeral(leaderboardMessage(await services.community.leaderboard(teamId, channelId, window), window)));
};
