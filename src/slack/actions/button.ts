import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { say } from '../../messages/blocks.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** The workspace a button was pressed in. */
export const teamOf = (args: ButtonArgs) => args.context.teamId ?? args.body.team?.id ?? '';

/** An ephemeral note next to the message the button is on, which stays as it was. */
export const aside = (text: string) => ({ ...say(text), replace_original: false });
