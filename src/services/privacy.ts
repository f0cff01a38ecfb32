// `/star export` and `/star forget-me`.
import type { Clock } from '../clock.js';
import type { PrivacyRepository } from '../db/ports.js';
import type { SlackGatewayFor } from './slack-port.js';

export class PrivacyService {
  constructor(
    private readonly privacy: PrivacyRepository,
    private readonly slackFor: SlackGatewayFor,
    private readonly clock: Clock,
  ) {}

  /** Sends the person all their data as a JSON file in a DM. Throws when Slack refuses. */
  async exportToDm(teamId: string, userId: string): Promise<void> {
    const data = {
      exportedAt: this.clock.now().toISOString(),
      teamId,
      userId,
      ...(await this.privacy.exportUser(teamId, userId)),
    };
    const slack = this.slackFor(teamId);
    const dm = await slack.openDm(userId);
    await slack.uploadFile(dm, `star-coach-${userId}.json`, JSON.stringify(data, null, 2), 'All your STAR Coach data.');
  }

  /** Deletes everything stored about the person; returns how many records went. */
  forget(teamId: string, userId: string): Promise<number> {
    return this.privacy.forgetUser(teamId, userId, this.clock.now());
  }
}
