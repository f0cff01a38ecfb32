import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services/index.js';

type UninstalledArgs = SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs;
type RevokedArgs = SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs;

/**
 * The app was uninstalled from a workspace: its tokens are forgotten at once, its data after the
 * grace period (STAR_UNINSTALL_GRACE_DAYS) unless it installs the app again first.
 */
export function appUninstalledListener(services: Services) {
  return async ({ context, body }: UninstalledArgs): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (!services.installations || !teamId) return;
    const removed = await services.installations.remove(teamId);
    services.logger.info(
      `workspace ${teamId} uninstalled the app${removed ? '; its tokens were deleted' : ''}; its data goes after the grace period unless it installs again`,
    );
  };
}

/**
 * The bot's token was revoked: it is useless now, so it is forgotten (a new install stores a new
 * one); as after an uninstall, the workspace's data goes after the grace period unless it installs again.
 */
export function tokensRevokedListener(services: Services) {
  return async ({ context, body, event }: RevokedArgs): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (!services.installations || !teamId || (event.tokens.bot ?? []).length === 0) return;
    await services.installations.remove(teamId);
    services.logger.info(`workspace ${teamId} revoked the bot token; it was deleted`);
  };
}
