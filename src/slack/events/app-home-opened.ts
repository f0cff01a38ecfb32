import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services/index.js';

type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** Publishes the person's dashboard each time they open the Home tab. */
export function appHomeOpenedListener(services: Services) {
  return async ({ event, context }: HomeArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await services.progress.publishHome(context.teamId ?? '', event.user);
    await services.onboarding.welcomeIfNew(context.teamId ?? '', event.user);
  };
}
