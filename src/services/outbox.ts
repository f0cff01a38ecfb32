import type { Clock } from '../clock.js';
import type { Repositories } from '../db/repositories/index.js';
import type { ReplyRow } from '../db/repositories/replies.js';
import { classifySlackError, type SlackGateway } from '../slack/gateway.js';

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export type DeliveryOutcome =
  | { kind: 'sent' }
  | { kind: 'busy' }
  | { kind: 'dead' }
  | { kind: 'failed' }
  | { kind: 'rate-limited'; retryAfterMs: number };

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
  /** Runs in the transaction that records a message's first send (e.g. a question's thread ts). */
  onFirstSend?: (reply: ReplyRow, ts: string, now: Date) => void;

  constructor(
    private readonly repos: Repositories,
    private readonly slackFor: (teamId: string) => SlackGateway,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Tries to deliver one reply now; true when it was sent. */
  async deliver(id: number): Promise<boolean> {
    return (await this.attempt(id)).kind === 'sent';
  }

  /** Delivers one reply now and says what happened, with Slack's Retry-After on a rate limit. */
  async attempt(id: number): Promise<DeliveryOutcome> {
    const reply = this.repos.replies.claim(id, this.clock.now());
    if (!reply) return { kind: 'busy' };
    const slack = this.slackFor(reply.teamId);
    try {
      const body = { text: reply.text, blocks: reply.blocks };
      let ts = reply.sentTs ?? '';
      if (reply.delivery === 'ephemeral')
        await slack.postEphemeral(reply.channelId, reply.target ?? '', reply.threadTs, body);
      else if (reply.delivery === 'react')
        await slack.addReaction(reply.channelId, reply.targetTs ?? '', reply.target ?? '');
      else if (reply.delivery === 'unreact')
        await slack.removeReaction(reply.channelId, reply.targetTs ?? '', reply.target ?? '');
      else if (ts) await slack.update(reply.channelId, ts, body);
      else ts = await slack.post(reply.channelId, reply.threadTs, body);
      this.repos.transaction(() => {
        const now = this.clock.now();
        this.repos.replies.markSent(reply.id, ts, now);
        if (!reply.sentTs && ts) {
          if (reply.purpose === 'question' && reply.sessionId !== null)
            this.repos.sessions.setQuestionTs(reply.sessionId, ts, now);
          this.onFirstSend?.(reply, ts, now);
        }
      });
      return { kind: 'sent' };
    } catch (err) {
      const failure = classifySlackError(err);
      const now = this.clock.now();
      if (failure.kind === 'permanent') {
        this.logger.error(`reply ${reply.id} cannot be delivered: ${failure.message}`);
        this.repos.replies.markDead(reply.id, failure.message, now);
        return { kind: 'dead' };
      }
      const wait =
        failure.kind === 'rate-limited'
          ? failure.retryAfterSeconds * 1000
          : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** reply.attempts);
      this.logger.warn(`reply ${reply.id} failed (${failure.message}); retrying in ${Math.round(wait / 1000)} s`);
      this.repos.replies.markFailed(reply.id, failure.message, new Date(now.getTime() + wait), now);
      return failure.kind === 'rate-limited' ? { kind: 'rate-limited', retryAfterMs: wait } : { kind: 'failed' };
    }
  }

  /** Delivers, in order, replies whose time has come (new ones and retries). Returns how many were sent. */
  async deliverDue(limit = SWEEP_LIMIT): Promise<number> {
    let sent = 0;
    for (const id of this.repos.replies.due(this.clock.now(), limit)) if (await this.deliver(id)) sent++;
    return sent;
  }
}
