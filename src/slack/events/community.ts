import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeData } from '../../services/home.js';
import type { Services } from '../services.js';
import { homeView } from '../views/community.js';

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

/** Publishes the person's dashboard each time they open the Home tab. */
export function appHomeListener(services: Services) {
  return async ({ event, context }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const teamId = context.teamId ?? '';
    await services
      .slackFor(teamId)
      .publishHome(
        event.user,
        homeView(homeData(services.repos, services.community, services.clock, teamId, event.user)),
      );
  };
}
