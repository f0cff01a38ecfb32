import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isLevel, isLpId, type Level, type LpId } from '../../core/lp.js';
import { say } from '../../messages/blocks.js';
import type { Services } from '../../services/index.js';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** What one `/star <sub>` listener gets: Bolt's ack and respond, who asked where, and the words after the subcommand. */
export interface StarInput {
  ack: CommandArgs['ack'];
  respond: CommandArgs['respond'];
  logger: Pick<CommandArgs['logger'], 'error' | 'warn'>;
  teamId: string;
  userId: string;
  channelId: string;
  words: string[];
}

export type Subcommand = (services: Services, input: StarInput) => Promise<void>;

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

const SLACK_TROUBLE = ':warning: Something went wrong talking to Slack; nothing was changed. Try again in a minute.';

/** Acks at once (the work may call Slack), then replies through response_url. */
export async function afterAck(
  input: StarInput,
  name: string,
  work: () => Promise<Parameters<StarInput['respond']>[0]>,
) {
  await input.ack();
  try {
    await input.respond(await work());
  } catch (err) {
    input.logger.error(`/star ${name} failed`, err);
    await input.respond(say(SLACK_TROUBLE));
  }
}
