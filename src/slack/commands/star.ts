import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isLevel, isLpId, LEVEL_NAMES, type Level, type LpId, lpName } from '../../core/lp.js';
import type { Scenario } from '../../core/scenario.js';
import { userStats } from '../../services/stats.js';
import type { Services } from '../services.js';
import { helpMessage } from '../views/help.js';
import { learnMessage } from '../views/learn.js';
import { ephemeral } from '../views/limits.js';
import { quizMessage } from '../views/quiz.js';
import { statsMessage } from '../views/stats.js';
import { awayCommand, exportCommand, forgetMeCommand, leaderboardCommand } from './community.js';
import { runPromptCommand, runScheduleCommand } from './schedule.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Parses "[lp] [level]" in any order; a token that is neither is an error. */
export function parseLpAndLevel(tokens: string[]): { lp?: LpId; level?: Level; error?: string } {
  const parsed: { lp?: LpId; level?: Level; error?: string } = {};
  for (const token of tokens) {
    const t = token.toLowerCase();
    if (isLpId(t) && !parsed.lp) parsed.lp = t;
    else if (isLevel(t) && !parsed.level) parsed.level = t;
    else return { error: `"${token}" is not an LP id or a level (sde1, sde2, senior).` };
  }
  return parsed;
}

/** A random scenario, of one LP when given. */
export function randomScenario(services: Services, lp: LpId | undefined): Scenario {
  const pool = services.library.scenarios.filter((s) => lp === undefined || s.lp === lp);
  return pool[Math.floor(services.random() * pool.length)];
}

/** A random quiz question, from one LP's scenarios when given. */
export function pickQuiz(services: Services, lp: LpId | undefined): { scenario: Scenario; index: number } {
  const scenario = randomScenario(services, lp);
  return { scenario, index: Math.floor(services.random() * scenario.quiz.length) };
}

/** `/star …`: a small dispatch table; every reply is ephemeral. */
export function starCommand(services: Services) {
  return async ({ command, ack, respond, context, logger }: CommandArgs): Promise<void> => {
    const [sub = 'help', ...args] = command.text.trim().split(/\s+/).filter(Boolean);
    const teamId = context.teamId ?? command.team_id;
    const userId = command.user_id;
    switch (sub.toLowerCase()) {
      case 'help':
        await ack(ephemeral(helpMessage()));
        return;
      case 'practice': {
        const { lp, level, error } = parseLpAndLevel(args);
        if (error) {
          await ack(ephemeral(helpMessage(error)));
          return;
        }
        await ack({
          response_type: 'ephemeral',
          text: `:mailbox_with_mail: Sending you a ${lp ? `${lpName(lp)} ` : ''}question in a DM…`,
        });
        try {
          const started = await services.practice.start(teamId, userId, lp, level);
          if (!started.sent) {
            await respond({
              response_type: 'ephemeral',
              text: 'Slack did not take the question right away; it is saved and I will post it in your DM shortly.',
            });
          }
        } catch (err) {
          logger.error('practice failed to start', err);
          await respond({
            response_type: 'ephemeral',
            text: ':warning: I could not open a DM with you. Check that STAR Coach is allowed to message you, then try again.',
          });
        }
        return;
      }
      case 'learn': {
        const { lp, level, error } = parseLpAndLevel(args);
        if (error || level) {
          await ack(ephemeral(helpMessage(error ?? 'Usage: /star learn [lp]')));
          return;
        }
        const scenario = randomScenario(services, lp);
        await ack(ephemeral(learnMessage(scenario, 0)));
        return;
      }
      case 'quiz': {
        const { lp, level, error } = parseLpAndLevel(args);
        if (error || level) {
          await ack(ephemeral(helpMessage(error ?? 'Usage: /star quiz [lp]')));
          return;
        }
        const { scenario, index } = pickQuiz(services, lp);
        await ack(ephemeral(quizMessage(scenario, index, lp ?? 'any')));
        return;
      }
      case 'level': {
        const wanted = args[0]?.toLowerCase();
        if (args.length !== 1 || !wanted || !isLevel(wanted)) {
          await ack(ephemeral(helpMessage('Usage: /star level sde1|sde2|senior')));
          return;
        }
        services.repos.users.setLevel(teamId, userId, wanted, services.clock.now());
        await ack({
          response_type: 'ephemeral',
          text: `:white_check_mark: Your answers are now judged at ${LEVEL_NAMES[wanted]}.`,
        });
        return;
      }
      case 'stats': {
        const level = services.repos.users.get(teamId, userId).level;
        await ack(ephemeral(statsMessage(userStats(services.repos, teamId, userId), level)));
        return;
      }
      case 'schedule':
      case 'prompt': {
        await ack();
        const run =
          sub.toLowerCase() === 'schedule'
            ? () => runScheduleCommand(services, teamId, command.channel_id, userId, args)
            : () => runPromptCommand(services, teamId, command.channel_id, userId);
        try {
          await respond(await run());
        } catch (err) {
          logger.error(`/star ${sub} failed`, err);
          await respond({
            response_type: 'ephemeral',
            text: ':warning: Something went wrong talking to Slack; nothing was changed. Try again in a minute.',
          });
        }
        return;
      }
      case 'leaderboard':
        await ack(leaderboardCommand(services, teamId, command.channel_id, args));
        return;
      case 'away':
        await ack(awayCommand(services, teamId, userId, args));
        return;
      case 'forget-me':
        await ack(forgetMeCommand());
        return;
      case 'export':
        await ack({ response_type: 'ephemeral', text: ':hourglass_flowing_sand: Gathering your data…' });
        try {
          await respond(await exportCommand(services, teamId, userId));
        } catch (err) {
          logger.error('export failed', err);
          await respond({
            response_type: 'ephemeral',
            text: ':warning: I could not send the file; try again in a minute.',
          });
        }
        return;
      default:
        await ack(ephemeral(helpMessage(`Unknown command "${sub}".`)));
    }
  };
}
