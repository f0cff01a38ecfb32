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
  | { kind: 'sent'; again: boolean }
  | { kind: 'busy' }
  | { kind: 'dead' }
  | { kind: 'failed' }
  | { kind: 'rate-limited'; retryAfterMs: number };

// Back off 5 s, 10 s, 20 s… up to 10 minutes between attempts of a failing reply.
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 10 * 60_000;
/** After this many failed attempts (about a day with the backoff above) a reply is given up. */
const MAX_ATTEMPTS = 150;
/** Updates sent back to back while edits keep arriving during a send. */
const MAX_UPDATE_ROUNDS = 3;
/** Replies delivered per retry sweep, so one sweep cannot run for minutes. */
export const SWEEP_LIMIT = 50;

/**
 * Delivers stored replies. Each delivery is claimed in the database first, so two workers (or two
 * instances) never send the same reply, and a failure leaves the reply stored for the next sweep.
 */
export class Outbox {
  private readonly firstSendListeners: ((reply: ReplyRow, ts: string, now: Date) => void)[] = [];

  constructor(
    private readonly repos: Repositories,
    private readonly slackFor: (teamId: string) => SlackGateway,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  private stopping = false;

  /**
   * Runs `listener` in the transaction that records a message's first send, so its Slack ts is
   * stored with it (a question's or prompt's ts is the thread that answers arrive in).
   */
  onFirstSend(listener: (reply: ReplyRow, ts: string, now: Date) => void): void {
    this.firstSendListeners.push(listener);
  }

  /** Stops taking replies for sending (a graceful stop); ones not sent stay stored for the next start. */
  stop(): void {
    this.stopping = true;
  }

  /** Tries to deliver one reply now (and again while new content arrives during the send); true when sent. */
  async deliver(id: number): Promise<boolean> {
    let outcome = await this.attempt(id);
    for (let round = 0; outcome.kind === 'sent' && outcome.again && round < MAX_UPDATE_ROUNDS; round++)
      outcome = await this.attempt(id);
    return outcome.kind === 'sent';
  }

  /** Delivers one reply now and says what happened, with Slack's Retry-After on a rate limit. */
  async attempt(id: number): Promise<DeliveryOutcome> {
    if (this.stopping) return { kind: 'busy' };
    const reply = this.repos.replies.claim(id, this.clock.now());
    if (!reply) return { kind: 'busy' };
    let ts = reply.sentTs ?? '';
    try {
      ts = await this.send(reply);
    } catch (err) {
      return this.recordFailure(reply, err);
    }
    // Slack has the message now. A database error from here on must not count as a Slack failure
    // (that would send it twice): the row stays claimed and a later sweep only updates it.
    try {
      let again = false;
      this.repos.transaction(() => {
        const now = this.clock.now();
        again = this.repos.replies.markSent(reply.id, ts, now);
        if (!reply.sentTs && ts) {
          for (const listener of this.firstSendListeners) listener(reply, ts, now);
        }
      });
      return { kind: 'sent', again };
    } catch (err) {
      this.logger.error(`reply ${reply.id} was delivered but could not be recorded`, err);
      return { kind: 'sent', again: false };
    }
  }

  private async send(reply: ReplyRow): Promise<string> {
    const slack = this.slackFor(reply.teamId);
    const body = { text: reply.text, blocks: reply.blocks };
    const ts = reply.sentTs ?? '';
    if (reply.delivery === 'ephemeral')
      await slack.postEphemeral(reply.channelId, reply.target ?? '', reply.threadTs, body);
    else if (reply.delivery === 'react')
      await slack.addReaction(reply.channelId, reply.targetTs ?? '', reply.target ?? '');
    else if (reply.delivery === 'unreact')
      await slack.removeReaction(reply.channelId, reply.targetTs ?? '', reply.target ?? '');
    else if (ts) await slack.update(reply.channelId, ts, body);
    else return slack.post(reply.channelId, reply.threadTs, body);
    return ts;
  }

  private recordFailure(reply: ReplyRow, err: unknown): DeliveryOutcome {
    const failure = classifySlackError(err);
    const now = this.clock.now();
    if (failure.kind === 'permanent' || reply.attempts + 1 >= MAX_ATTEMPTS) {
      this.logger.error(
        `reply ${reply.id} cannot be delivered (${failure.message}); giving up after ${reply.attempts + 1} attempt(s)`,
      );
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

  /** Delivers, in order, replies whose time has come (new ones and retries). Returns how many were sent. */
  async deliverDue(limit = SWEEP_LIMIT): Promise<number> {
    let sent = 0;
    for (const id of this.repos.replies.due(this.clock.now(), limit)) if (await this.deliver(id)) sent++;
    return sent;
  }
}
