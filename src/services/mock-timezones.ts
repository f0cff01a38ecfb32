// People's timezones for pairing and suggested times: Slack's `tz` from users.info, kept per
// person and read again once it is a week old (people travel and move).
import type { Clock } from '../clock.js';
import { zoneFor } from '../core/working-hours.js';
import type { Repositories } from '../db/ports.js';
import type { Logger } from '../logger.js';
import type { SlackGatewayFor } from './slack-port.js';

/** A cached timezone older than this is read from Slack again. */
export const TIMEZONE_REFRESH_MS = 7 * 86_400_000;

export class TimezoneCache {
  constructor(
    private readonly repos: Pick<Repositories, 'users'>,
    private readonly slackFor: SlackGatewayFor,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Each person's zone: from the cache while it is fresh, else from users.info (and cached). When
   * Slack cannot answer, the old value (or UTC) serves this time and the next call tries again.
   */
  async resolve(teamId: string, userIds: readonly string[]): Promise<Record<string, string>> {
    const now = this.clock.now();
    const cached = await this.repos.users.timezones(teamId, userIds);
    const zones: Record<string, string> = {};
    for (const userId of new Set(userIds)) {
      const known = cached.get(userId);
      const fresh = known?.checkedAt && now.getTime() - Date.parse(known.checkedAt) < TIMEZONE_REFRESH_MS;
      if (known && fresh) {
        zones[userId] = zoneFor(known.timezone, known.offsetSeconds);
        continue;
      }
      try {
        const info = await this.slackFor(teamId).userInfo(userId);
        await this.repos.users.cacheTimezone(teamId, userId, info.timezone, info.tzOffset ?? null, now);
        zones[userId] = zoneFor(info.timezone, info.tzOffset);
      } catch (err) {
        this.logger.warn(`could not read ${userId}'s timezone from Slack; using what I had`, err);
        zones[userId] = zoneFor(known?.timezone, known?.offsetSeconds);
      }
    }
    return zones;
  }

  /** Zones from the cache alone, for re-rendering a message without calling Slack. */
  async cached(teamId: string, userIds: readonly string[]): Promise<Record<string, string>> {
    const cached = await this.repos.users.timezones(teamId, userIds);
    return Object.fromEntries(
      userIds.map((id) => [id, zoneFor(cached.get(id)?.timezone, cached.get(id)?.offsetSeconds)]),
    );
  }
}
