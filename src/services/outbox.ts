import type { Clock } from '../clock.js';
import type { Repositories } from '../db/repositories/index.js';
import { classifySlackError, type SlackGateway } from '../slack/gateway.js';

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

// Back off 5 s, 10 s, 20 s… up to 10 minutes between attempts of a failing reply.
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 10 * 60_000;
/** Replies delivered per retry sweep, so one sweep cannot run for minutes. */
export const SWEEP_LIMIT = 50;

/**
 * Delivers stored replies. Each delivery is claimed in the database first, so two workers (or two
 * instances) never send the same reply, and a failure leaves the reply stored for the next sweep.
 */
export class Outbox {
  constructor(
    private readonly repos: Repositories,
    private readonly slackFor: (teamId: string) => SlackGateway,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Tries to deliver one reply now; true when it was sent. */
  async deliver(id: number): Promise<boolean> {
    const reply = this.repos.replies.claim(id, this.clock.now());
    if (!reply) return false;
    const slack = this.slackFor(reply.teamId);
    try {
      const body = { text: reply.text, blocks: reply.blocks };
      let ts = reply.sentTs;
      if (ts) await slack.update(reply.channelId, ts, body);
      else ts = await slack.post(reply.channelId, reply.threadTs, body);
      this.repos.transaction(() => {
        const now = this.clock.now();
        this.repos.replies.markSent(reply.id, ts, now);
        if (reply.purpose === 'question' && reply.sessionId !== null && !reply.sentTs)
          this.repos.sessions.setQuestionTs(reply.sessionId, ts, now);
      });
      return true;
    } catch (err) {
      const failure = classifySlackError(err);
      const now = this.clock.now();
      if (failure.kind === 'permanent') {
        this.logger.error(`reply ${reply.id} cannot be delivered: ${failure.message}`);
        this.repos.replies.markDead(reply.id, failure.message, now);
        return false;
      }
      const wait =
        failure.kind === 'rate-limited'
          ? failure.retryAfterSeconds * 1000
          : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** reply.attempts);
      this.logger.warn(`reply ${reply.id} failed (${failure.message}); retrying in ${Math.round(wait / 1000)} s`);
      this.repos.replies.markFailed(reply.id, failure.message, new Date(now.getTime() + wait), now);
      return false;
    }
  }

  /** Delivers, in order, replies whose time has come (new ones and retries). Returns how many were sent. */
  async deliverDue(limit = SWEEP_LIMIT): Promise<number> {
    let sent = 0;
    for (const id of this.repos.replies.due(this.clock.now(), limit)) if (await this.deliver(id)) sent++;
    return sent;
  }
}
