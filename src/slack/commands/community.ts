import { parseAwayRange } from '../../core/streak.js';
import type { LeaderboardWindow } from '../../services/community.js';
import type { Services } from '../services.js';
import { forgetConfirmMessage, leaderboardMessage } from '../views/community.js';
import { ephemeral } from '../views/limits.js';

type Reply = { response_type: 'ephemeral' | 'in_channel'; text: string; blocks?: unknown[] };

export function leaderboardCommand(services: Services, teamId: string, channelId: string, args: string[]): Reply {
  const window = (args[0]?.toLowerCase() ?? 'week') as LeaderboardWindow;
  if (args.length > 1 || !['week', 'month', 'all'].includes(window))
    return { response_type: 'ephemeral', text: ':warning: Usage: `/star leaderboard [week|month|all]`.' };
  const body = leaderboardMessage(services.community.leaderboard(teamId, channelId, window), window);
  return ephemeral(body);
}

export function awayCommand(services: Services, teamId: string, userId: string, args: string[]): Reply {
  const range = args.length === 1 ? parseAwayRange(args[0]) : { ok: false as const, error: 'give one range' };
  if (!range.ok)
    return {
      response_type: 'ephemeral',
      text: `:warning: ${range.error}. Usage: \`/star away 2026-12-24..2027-01-02\`.`,
    };
  services.repos.community.addAway(teamId, userId, range.value.from, range.value.to, services.clock.now());
  return {
    response_type: 'ephemeral',
    text: `:palm_tree: Away from ${range.value.from} to ${range.value.to}: your streaks are frozen, not broken.`,
  };
}

/** Sends the user all their data as a JSON file in a DM. */
export async function exportCommand(services: Services, teamId: string, userId: string): Promise<Reply> {
  const data = {
    exportedAt: services.clock.now().toISOString(),
    teamId,
    userId,
    ...services.repos.privacy.exportUser(teamId, userId),
  };
  const slack = services.slackFor(teamId);
  const dm = await slack.openDm(userId);
  await slack.uploadFile(dm, `star-coach-${userId}.json`, JSON.stringify(data, null, 2), 'All your STAR Coach data.');
  return { response_type: 'ephemeral', text: ':package: I sent you all your data as a JSON file in a DM.' };
}

export function forgetMeCommand(): Reply {
  const body = forgetConfirmMessage();
  return ephemeral(body);
}
