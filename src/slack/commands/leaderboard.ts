import { LEADERBOARD_WINDOWS, type LeaderboardWindow } from '../../core/reports.js';
import { ephemeral, say } from '../../messages/blocks.js';
import { leaderboardMessage } from '../../messages/community.js';
import type { Subcommand } from './command.js';

const USAGE =
  ':warning: Usage: `/star leaderboard [week|month|all] [post]` (`post` shares it with the channel; leads only).';

/**
 * `/star leaderboard [week|month|all] [post]`: the channel's top practitioners, to the asker; with
 * `post`, a lead shares it with the channel on purpose (never on its own).
 */
export const leaderboardCommand: Subcommand = async (services, { ack, respond, teamId, userId, channelId, words }) => {
  const lower = words.map((w) => w.toLowerCase());
  const post = lower.includes('post');
  const rest = lower.filter((w) => w !== 'post');
  const window = (rest[0] ?? 'week') as LeaderboardWindow;
  if (rest.length > 1 || !LEADERBOARD_WINDOWS.includes(window)) {
    await ack(say(USAGE));
    return;
  }
  const board = leaderboardMessage(await services.community.leaderboard(teamId, channelId, window), window);
  if (!post) {
    await ack(ephemeral(board));
    return;
  }
  await ack();
  if (!(await services.schedules.isLead(teamId, userId))) {
    await respond(say('Only workspace admins, owners and the people in STAR_ADMINS can post the leaderboard.'));
    return;
  }
  await respond({ response_type: 'in_channel', text: board.text, blocks: board.blocks });
};
