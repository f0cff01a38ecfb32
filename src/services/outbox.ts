import type { Clock } from '../clock.js';
import type { Reply } from '../core/domain.js';
import type { RepliesRepository } from '../db/ports.js';
import type { Logger } from '../logger.js';
import { type SlackGatewayFor, SlackRateLimitedError, SlackRefusedError } from './slack-port.js';

export type DeliveryOutcome =
  | { kind: 'sent'; again: boolean }
  | { kind: 'busy' }
  | { kind: 'dead' }
  | { kind: 'failed' }
  | { kind: 'rate-limited'; retryAfterMs: number };

// Back off 5 s, 10 s, 20 s… up to 10 minutes between attempts of a failing reply, each wait drawn
// between half and all of that, so replies that failed together do not all come back together.
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 10 * 60_000;
/** After this many failed attempts (about a day with the backoff above) a reply is given up. */
const MAX_ATTEMPTS = 150;
/** Updates sent back to back while edits keep arriving during a send. */
const MAX_UPDATE_ROUNDS = 3;
/** Replies delivered per retry sweep, so one sweep cannot run for minutes. */
export const SWEEP_LIMIT = 50;

/** The wait before the next attempt after `attempts` failures: exponential, capped, with jitter. */
export function backoffMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempts);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Delivers stored replies. Each delivery is claimed in the database first, so two workers (or two
 * instances) never send the same reply, and a failure leaves the reply stored for the next sweep.
 */
export class Outbox {
  private stopping = false;

  constructor(
    private readonly replies: RepliesRepository,
    private readonly slackFor: SlackGatewayFor,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly random: () => number,
  ) {}

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

  /** Delivers replies in order; the ones that fail stay stored for the sweep. */
  async deliverAll(ids: readonly number[]): Promise<void> {
    for (const id of ids) await this.deliver(id);
  }

  /** Delivers one reply now and says what happened, with Slack's Retry-After on a rate limit. */
  async attempt(id: number): Promise<DeliveryOutcome> {
    if (this.stopping) return { kind: 'busy' };
    const reply = await this.replies.claim(id, this.clock.now());
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
      const again = await this.replies.markSent(reply.id, ts, this.clock.now());
      return { kind: 'sent', again };
    } catch (err) {
      this.logger.error(`reply ${reply.id} was delivered but could not be recorded`, err);
      return { kind: 'sent', again: false };
    }
  }

  private async send(reply: Reply): Promise<string> {
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

  private async recordFailure(reply: Reply, err: unknown): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof SlackRefusedError || reply.attempts + 1 >= MAX_ATTEMPTS) {
      this.logger.error(
        `reply ${reply.id} cannot be delivered (${message}); giving up after ${reply.attempts + 1} attempt(s)`,
      );
      await this.replies.markDead(reply.id, message, now);
      return { kind: 'dead' };
    }
    const rateLimited = err instanceof SlackRateLimitedError;
    // Slack's Retry-After is waited exactly: it is the earliest the call can succeed.
    const wait = rateLimited ? err.retryAfterSeconds * 1000 : backoffMs(reply.attempts, this.random);
    this.logger.warn(`reply ${reply.id} failed (${message}); retrying in ${Math.round(wait / 1000)} s`);
    await this.replies.markFailed(reply.id, message, new Date(now.getTime() + wait), now);
    return rateLimited ? { kind: 'rate-limited', retryAfterMs: wait } : { kind: 'failed' };
  }

  /** Delivers, in order, replies whose time has come (new ones and retries). Returns how many were sent. */
  async deliverDue(now: Date = this.clock.now(), limit = SWEEP_LIMIT): Promise<number> {
    let sent = 0;
    for (const id of await this.replies.due(now, limit)) if (await this.deliver(id)) sent++;
    return sent;
  }
}
