// `/star export` and `/star forget-me`.
import type { Clock } from '../clock.js';
import { EXPORT_FIELDS, exportMarkdown } from '../core/export.js';
import type { PrivacyRepository } from '../db/ports.js';
import type { SlackGatewayFor } from './slack-port.js';

export class PrivacyService {
  constructor(
    private readonly privacy: PrivacyRepository,
    private readonly slackFor: SlackGatewayFor,
    private readonly clock: Clock,
    /** A question's text by id, for the readable export. */
    private readonly questionOf: (id: string) => string | undefined = () => undefined,
  ) {}

  /**
   * Sends the person all their data in a DM: a JSON file (with `fields` saying what each part
   * holds) and the same as a Markdown document to read. Throws when Slack refuses.
   */
  async exportToDm(teamId: string, userId: string): Promise<void> {
    const exportedAt = this.clock.now().toISOString();
    const stored = await this.privacy.exportUser(teamId, userId);
    const data = { exportedAt, teamId, userId, ...stored, fields: EXPORT_FIELDS };
    const slack = this.slackFor(teamId);
    const dm = await slack.openDm(userId);
    await slack.uploadFile(
      dm,
      `star-coach-${userId}.json`,
      JSON.stringify(data, null, 2),
      'All your STAR Coach data. `fields` in the file says what each part holds; the Markdown file below is the same, to read.',
    );
    await slack.uploadFile(
      dm,
      `star-coach-${userId}.md`,
      exportMarkdown(stored, { exportedAt, userId, questionOf: this.questionOf }),
      'Your answers, questions and scores, to read.',
    );
  }

  /** Deletes everything stored about the person; returns how many records went. */
  forget(teamId: string, userId: string): Promise<number> {
    return this.privacy.forgetUser(teamId, userId, this.clock.now());
  }
}
