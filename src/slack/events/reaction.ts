import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services/index.js';

type ReactionArgs = SlackEventMiddlewareArgs<'reaction_added' | 'reaction_removed'> & AllMiddlewareArgs;

/** reaction_added and reaction_removed on answers in prompt threads become peer reviews. */
export function reactionListener(services: Services) {
  return async ({ event, context }: ReactionArgs): Promise<void> => {
    if (event.item.type !== 'message') return;
    await services.community.handleReaction({
      added: event.type === 'reaction_added',
      teamId: context.teamId ?? '',
      channelId: event.item.channel,
      messageTs: event.item.ts,
      reviewerId: event.user,
      reaction: event.reaction,
      botUserId: context.botUserId,
    });
  };
}
