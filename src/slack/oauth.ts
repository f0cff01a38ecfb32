// Install to any workspace (OAuth v2): Bolt's installer (@slack/oauth) serves /slack/install and
// /slack/oauth_redirect and hands each finished install to our installation store, which seals it
// into the database. Each request is then authorized with the token of its own workspace, and the
// gateway posts for a workspace with that workspace's token. Rotating tokens (they expire every 12
// hours when rotation is on) are refreshed under the installation's lock, shortly before expiry.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Authorize, type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type Installation, type InstallationStore, InstallProvider } from '@slack/oauth';
import type { WebClient } from '@slack/web-api';
import type { OAuthConfig } from '../config.js';
import { StarError } from '../core/errors.js';
import type { Logger } from '../logger.js';
import { BOT_SCOPES } from '../messages/ids.js';
import { type InstallationVault, OrgInstallRefusedError } from '../services/installations.js';
import { SlackRefusedError } from '../services/slack-port.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** A rotating token is refreshed when it has less than this left (Slack issues them for 12 hours). */
const REFRESH_MARGIN_S = 2 * 60 * 60;

type StoredInstallation = Installation<'v1' | 'v2', boolean>;

/** A workspace that has not installed the app (or uninstalled it): nothing can be done for it. */
export class NotInstalledError extends StarError {
  readonly code = 'not_installed';
}

/** Slack's answer to a token refresh had no new token in it. */
export class TokenRefreshError extends StarError {
  readonly code = 'token_refresh';
}

/** Our installation store for Bolt's installer: one sealed record per workspace; org-wide installs refused. */
export function vaultInstallationStore(vault: InstallationVault): InstallationStore {
  return {
    async storeInstallation(installation) {
      if (installation.isEnterpriseInstall || !installation.team?.id)
        throw new OrgInstallRefusedError(
          'org-wide Enterprise Grid installs are not supported: install STAR Coach to each workspace instead',
        );
      await vault.store(installation.team.id, installation.enterprise?.id ?? null, installation);
    },
    async fetchInstallation(query) {
      const record = query.teamId ? await vault.fetch<StoredInstallation>(query.teamId) : undefined;
      if (!record)
        throw new NotInstalledError(`workspace ${query.teamId ?? query.enterpriseId} has not installed the app`);
      return record;
    },
    async deleteInstallation(query) {
      if (query.teamId) await vault.remove(query.teamId);
    },
  };
}

/** The bot token (and ids) of each workspace, refreshed under its lock when it rotates. */
export class WorkspaceTokens {
  constructor(
    private readonly vault: InstallationVault,
    private readonly client: () => WebClient,
    private readonly oauth: OAuthConfig,
    private readonly nowSeconds: () => number,
  ) {}

  async bot(teamId: string): Promise<{ token: string; botId?: string; botUserId?: string }> {
    const record = await this.vault.fetch<StoredInstallation>(teamId);
    if (!record?.bot?.token) throw new NotInstalledError(`workspace ${teamId} has not installed the app`);
    const bot = this.expiring(record) ? await this.refresh(teamId) : record.bot;
    return { token: bot.token, botId: bot.id, botUserId: bot.userId };
  }

  private expiring(record: StoredInstallation): boolean {
    const expiresAt = record.bot?.expiresAt;
    return (
      expiresAt !== undefined &&
      record.bot?.refreshToken !== undefined &&
      expiresAt - this.nowSeconds() < REFRESH_MARGIN_S
    );
  }

  /** Under the lock: another instance may have refreshed meanwhile, and then its token is used. */
  private async refresh(teamId: string): Promise<NonNullable<StoredInstallation['bot']>> {
    return this.vault.update<StoredInstallation, NonNullable<StoredInstallation['bot']>>(teamId, async (record) => {
      if (!record?.bot) throw new NotInstalledError(`workspace ${teamId} has not installed the app`);
      if (!this.expiring(record)) return { result: record.bot };
      const answer = await this.client().oauth.v2.access({
        client_id: this.oauth.clientId,
        client_secret: this.oauth.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: record.bot.refreshToken,
      });
      if (!answer.access_token || !answer.refresh_token || answer.expires_in === undefined)
        throw new TokenRefreshError(`oauth.v2.access returned no rotated token for ${teamId}`);
      const bot = {
        ...record.bot,
        token: answer.access_token,
        refreshToken: answer.refresh_token,
        expiresAt: this.nowSeconds() + answer.expires_in,
      };
      return { record: { ...record, bot }, result: bot };
    });
  }

  /** Bolt's authorize: the token of the workspace a request comes from. */
  authorize(): Authorize<boolean> {
    return async (source, body) => {
      const teamId = source.teamId ?? '';
      // An uninstall's own events come after the tokens are gone: let them through to be handled.
      const type = (body as { event?: { type?: string } } | undefined)?.event?.type;
      if (type === 'app_uninstalled' || type === 'tokens_revoked')
        return { teamId, botToken: (await this.vault.fetch<StoredInstallation>(teamId))?.bot?.token };
      const bot = await this.bot(teamId);
      return { teamId, botToken: bot.token, botId: bot.botId, botUserId: bot.botUserId };
    };
  }

  /** The gateway's token for a workspace: a missing installation is a refusal no retry fixes. */
  tokenFor(teamId: string): () => Promise<string> {
    return async () => {
      try {
        return (await this.bot(teamId)).token;
      } catch (err) {
        if (err instanceof NotInstalledError) throw new SlackRefusedError('not_installed', { cause: err });
        throw err;
      }
    };
  }
}

/** The installer's logger: warnings and errors only, so no debug dump of an OAuth response is ever written. */
function installerLogger(logger: Logger): BoltLogger {
  const quiet = () => {};
  return {
    debug: quiet,
    info: quiet,
    warn: (...args) => logger.warn('oauth:', ...args),
    error: (...args) => logger.error('oauth:', ...args),
    setLevel: quiet,
    getLevel: () => LogLevel.WARN,
    setName: quiet,
  };
}

/** Bolt's installer on our store; its two routes for the HTTP receiver. */
export function installRoutes(
  oauth: OAuthConfig,
  vault: InstallationVault,
  logger: Logger,
  slackApiUrl: string | undefined,
): Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> {
  const installer = new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: vaultInstallationStore(vault),
    directInstall: false,
    clientOptions: slackApiUrl ? { slackApiUrl } : {},
    // Its warnings and errors in our log; nothing below (debug lines could carry a response).
    logger: installerLogger(logger),
  });
  const options = { scopes: [...BOT_SCOPES], ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}) };
  return {
    [INSTALL_PATH]: (req, res) => installer.handleInstallPath(req, res, {}, options),
    [REDIRECT_PATH]: (req, res) =>
      installer.handleCallback(
        req,
        res,
        {
          success: (installation, _options, _req, response) => {
            logger.info(`installed in workspace ${installation.team?.id ?? '?'}`);
            response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            response.end('<p>STAR Coach is installed. Type <code>/star help</code> in Slack to begin.</p>');
          },
          failure: (error, _options, _req, response) => {
            // The reason, never the request (it carries the code) nor a token.
            logger.warn(`an install failed: ${error.message}`);
            const refused = error instanceof OrgInstallRefusedError;
            response.writeHead(refused ? 400 : 500, { 'content-type': 'text/html; charset=utf-8' });
            response.end(
              refused
                ? `<p>${error.message}.</p>`
                : '<p>The install did not finish. Please try again from the install link.</p>',
            );
          },
        },
        options,
      ),
  };
}
