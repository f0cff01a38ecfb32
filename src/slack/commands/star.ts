import type { Services } from '../../services/index.js';
import { awayCommand } from './away.js';
import type { CommandArgs, Subcommand } from './command.js';
import { exportCommand } from './export.js';
import { forgetMeCommand } from './forget-me.js';
import { helpCommand, unknownCommand } from './help.js';
import { leaderboardCommand } from './leaderboard.js';
import { learnCommand } from './learn.js';
import { levelCommand } from './level.js';
import { mockCommand, mocksCommand } from './mocks.js';
import { practiceCommand } from './practice.js';
import { promptCommand } from './prompt.js';
import { quizCommand } from './quiz.js';
import { scheduleCommand } from './schedule.js';
import { statsCommand } from './stats.js';
import { storiesCommand } from './stories.js';

/** `/star <sub> …`: one listener per subcommand, each in its own file; every reply is ephemeral. */
export const SUBCOMMANDS: Record<string, Subcommand> = {
  help: helpCommand,
  practice: practiceCommand,
  learn: learnCommand,
  quiz: quizCommand,
  level: levelCommand,
  stats: statsCommand,
  schedule: scheduleCommand,
  prompt: promptCommand,
  leaderboard: leaderboardCommand,
  away: awayCommand,
  export: exportCommand,
  'forget-me': forgetMeCommand,
  mocks: mocksCommand,
  mock: mockCommand,
  stories: storiesCommand,
};

export function starCommand(services: Services) {
  return async ({ command, ack, respond, context, logger }: CommandArgs): Promise<void> => {
    // Slack always sends `text`; a payload without it is still answered (with help).
    const [sub = 'help', ...words] = (command.text ?? '').trim().split(/\s+/).filter(Boolean);
    // Own keys only: `/star constructor` is an unknown subcommand, not Object's constructor.
    const name = sub.toLowerCase();
    const run = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : unknownCommand(sub);
    await run(services, {
      ack,
      respond,
      logger,
      teamId: context.teamId ?? command.team_id,
      userId: command.user_id,
      channelId: command.channel_id,
      words,
    });
    // First contact: help (or a mistake) gets the welcome; a command that does something is the start itself.
    const teamId = context.teamId ?? command.team_id;
    if (name === 'help' || !Object.hasOwn(SUBCOMMANDS, name))
      await services.onboarding.welcomeIfNew(teamId, command.user_id);
    else await services.onboarding.skipWelcome(teamId, command.user_id);
  };
}
