// The outbox: every bot message is stored first (with the change it belongs to), then delivered
// here. Delivery is claimed in the database per reply, so two workers or two instances never send
// the same one; a message posted just before a crash is found again by the reply id it carries in
// Slack message metadata instead of being posted twice; and channels keep their own pace, so one
// channel's 429s never hold up another's.
import type { Clock } from '../clock.js';
import type { Reply } from '../core/domain.js';
import type { DueReply, RepliesRepository } from '../db/ports.js';
import type { Logger } from '../logger.js';
import { type SlackGatewayFor, SlackRateLimitedError, SlackRefusedError, SlackUnavailableError } from './slack-port.js';

export type DeliveryOutcome =
  | { kind: 'sent'; again: boolean }
  | { kind: 'busy' }
  | { kind: 'dead' }
  | { kind: 'failed' }
  | { kind: 'unavailable'; retryAfterMs: number }
  | { kind: 'rate-limited'; retryAfterMs: number };

// A reply that fails on its own backs off 5 s, 10 s, 20 s… up to 10 minutes between attempts, each
// wait drawn between half and all of that, so replies that failed together do not return together.
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 10 * 60_000;
/** A reply still failing this long after its first failure is given up (marked dead). */
const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
/** Updates sent back to back while edits keep arriving during a send. */
const MAX_UPDATE_ROUNDS = 3;
/** Replies read per pass over the due ones. */
const PAGE = 200;
/** Channels sent to at the same time (each channel's own replies go one after another, in order). */
const CONCURRENT_CHANNELS = 8;
// When Slack is unreachable or answers 5xx, the whole workspace waits and one reply probes: after
// 1 s, then 2 s, 4 s… but never more than 10 s apart, so a recovered Slack is noticed within 10 s.
const FIRST_PROBE_MS = 1_000;
const MAX_PROBE_MS = 10_000;
/** A reply that failed as the probe of an outage waits at most this long before it may probe again. */
const MAX_OUTAGE_BACKOFF_MS = 20_000;
/**
 * A welcome DM (the one reply sent to a person rather than a channel) waits behind the other due
 * replies and behind answers not yet worked, so a burst of first answers gets its feedback before
 * fifty welcomes; once it has waited this long it goes with the rest, so a steady stream of
 * answers cannot hold it back for good. (A welcome held back goes in the pass the inbox starts
 * once it has worked its queue, or at the wake-up timer the pass sets.)
 */
export const MAX_WELCOME_DEFER_MS = 5_000;
/** How often the outbox looks for work that another instance left or that came due. */
const POLL_MS = 5_000;

/** The wait before the next attempt after `attempts` failures: exponential, capped, with jitter. */
export function backoffMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempts);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** A workspace whose Slack is down: nothing is sent until `closedUntil`, then one probe goes. */
interface Gate {
  closedUntil: number;
  delayMs: number;
}

/** Runs work in the app's in-flight counter, so a graceful stop waits for sends under way. */
export type Track = <T>(work: () => Promise<T>) => Promise<T>;

export class Outbox {
  private stopping = false;
  /** Channels (team/channel) with a sender at work, and when rate-limited ones may send again. */
  private readonly busyLanes = new Set<string>();
  private readonly laneResumesAt = new Map<string, number>();
  private readonly gates = new Map<string, Gate>();
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private wakeAt = Number.POSITIVE_INFINITY;
  private poller: NodeJS.Timeout | undefined;

  constructor(
    private readonly replies: RepliesRepository,
    private readonly slackFor: SlackGatewayFor,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly random: () => number,
    private readonly track: Track = (work) => work(),
    /** Acks before sends: resolves when no Slack request is being answered (bounded). */
    private readonly quiet: () => Promise<void> = async () => {},
    /** Answers accepted and not yet worked (the events inbox): their feedback goes before welcomes. */
    private readonly answersWaiting: () => boolean = () => false,
  ) {}

  /**
   * Runs in the background from now on: delivers what is due, wakes when the next reply comes due
   * and polls for work other instances left. Without it (tests), `deliverDue` is called by hand.
   */
  start(): void {
    if (this.poller || this.stopping) return;
    this.poller = setInterval(() => this.kick(), POLL_MS);
    this.poller.unref();
    this.kick();
  }

  /** Stops taking replies for sending (a graceful stop); ones not sent stay stored for the next start. */
  stop(): void {
    this.stopping = true;
    if (this.poller) clearInterval(this.poller);
    if (this.timer) clearTimeout(this.timer);
  }

  /** Resolves when no background delivery is running. */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  /** New replies were stored: deliver them in the background (the caller does not wait for Slack). */
  dispatch(ids: readonly number[] = []): void {
    if (ids.length > 0 || this.poller) this.kick();
  }

  /** Starts a background pass over the due replies, or asks the running one to look again. */
  kick(): void {
    if (this.stopping) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.track(async () => {
      try {
        do {
          this.pumpAgain = false;
          await this.deliverDue();
        } while (this.pumpAgain && !this.stopping);
        await this.scheduleWake();
      } catch (err) {
        this.logger.error('delivering stored replies failed; trying again shortly', err);
      } finally {
        this.pumping = undefined;
      }
    });
  }

  /** Retention: deletes at most `limit` sent or dead replies last changed before `before`. */
  prune(before: Date, limit: number): Promise<number> {
    return this.replies.prune(before, limit);
  }

  /** Tries to deliver one reply now (and again while new content arrives during the send); true when sent. */
  async deliver(id: number): Promise<boolean> {
    let outcome = await this.attempt(id);
    for (let round = 0; outcome.kind === 'sent' && outcome.again && round < MAX_UPDATE_ROUNDS; round++)
      outcome = await this.attempt(id);
    return outcome.kind === 'sent';
  }

  /**
   * Delivers everything due at `at` (by default: due now, looked at afresh on each round, so
   * replies stored during a pass join it): channels side by side (at most CONCURRENT_CHANNELS at
   * once), each channel's replies in order. A channel Slack rate-limits waits its Retry-After
   * alone; a workspace whose Slack is down waits for its probe. Returns how many were sent.
   */
  async deliverDue(at?: Date, limit = Number.POSITIVE_INFINITY): Promise<number> {
    let sent = 0;
    let budget = limit;
    while (!this.stopping && budget > 0) {
      const now = at ?? this.clock.now();
      const due = this.runnableLanes(await this.replies.due(now, Math.min(PAGE, budget)), now);
      const lanes = firstThingsFirst(due, now, this.answersWaiting());
      if (lanes.length === 0) break;
      let progressed = false;
      let next = 0;
      const worker = async () => {
        while (next < lanes.length && !this.stopping) {
          const lane = lanes[next++];
          const result = await this.runLane(lane, now);
          sent += result.sent;
          budget -= result.tried;
          if (result.tried > 0) progressed = true;
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENT_CHANNELS, lanes.length) }, worker));
      if (!progressed) break;
    }
    return sent;
  }

  /** Delivers one reply now and says what happened, with Slack's Retry-After on a rate limit. */
  async attempt(id: number): Promise<DeliveryOutcome> {
    if (this.stopping) return { kind: 'busy' };
    const claimed = await this.replies.claim(id, this.clock.now());
    if (!claimed) return { kind: 'busy' };
    const { reply } = claimed;
    const claimedAt = Date.now();
    let ts = reply.sentTs ?? '';
    try {
      // Cut short by a crash: Slack may have the message already. Look before posting again.
      const found = claimed.interrupted && !reply.sentTs ? await this.findPosted(reply) : undefined;
      if (found) this.logger.info(`reply ${reply.id} was posted before a restart (ts ${found}); not posting it again`);
      // A look-up that took half the lease leaves too little of it for a post that no other worker
      // could race: the reply is given back, and the next attempt looks again.
      if (!found && claimed.interrupted && Date.now() - claimedAt > this.replies.sendingLeaseMs / 2)
        throw new SlackUnavailableError('looking for an interrupted send took too long');
      ts = found ?? (await this.send(reply));
      this.openGate(reply.teamId);
    } catch (err) {
      return this.recordFailure(reply, err);
    }
    // Slack has the message now. A database error from here on must not count as a Slack failure
    // (that would send it twice): the row stays claimed, and once its lease ends the metadata
    // look-up above finds the message and records it.
    try {
      const again = await this.replies.markSent(reply.id, ts, this.clock.now());
      return { kind: 'sent', again };
    } catch (err) {
      this.logger.error(`reply ${reply.id} was delivered but could not be recorded`, err);
      return { kind: 'sent', again: false };
    }
  }

  /** The message a post of this reply left in Slack, found by the reply id in its metadata. */
  private async findPosted(reply: Reply): Promise<string | undefined> {
    const slack = this.slackFor(reply.teamId);
    if (reply.delivery === 'message') return slack.findPosted(reply.channelId, reply.threadTs, reply.id);
    // A DM is posted at the top of the person's DM channel, found again the way it was sent.
    if (reply.delivery === 'dm') return slack.findPosted(await slack.openDm(reply.target ?? ''), null, reply.id);
    return undefined; // a reaction is the same when added twice; an ephemeral message carries no metadata
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
    else if (reply.delivery === 'dm') {
      // The row keeps the channel it is about (its pace and pruning); the DM is found each time.
      const dm = await slack.openDm(reply.target ?? '');
      if (ts) await slack.update(dm, ts, body);
      else return slack.post(dm, null, body, reply.id);
    } else if (ts) await slack.update(reply.channelId, ts, body);
    else return slack.post(reply.channelId, reply.threadTs, body, reply.id);
    return ts;
  }

  private async recordFailure(reply: Reply, err: unknown): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const message = err instanceof Error ? err.message : String(err);
    const failingFor = reply.failingSince ? now.getTime() - Date.parse(reply.failingSince) : 0;
    if (err instanceof SlackRefusedError || failingFor >= GIVE_UP_AFTER_MS) {
      this.logger.error(
        `reply ${reply.id} cannot be delivered (${message}); giving up after ${reply.attempts + 1} attempt(s)`,
      );
      await this.replies.markDead(reply.id, message, now);
      return { kind: 'dead' };
    }
    if (err instanceof SlackRateLimitedError) {
      // Slack's Retry-After is waited exactly: it is the earliest the channel takes a message again.
      const wait = err.retryAfterSeconds * 1000;
      const until = new Date(now.getTime() + wait);
      this.logger.warn(
        `reply ${reply.id}: Slack rate-limited channel ${reply.channelId}; its replies wait ${wait / 1000} s`,
      );
      await this.replies.markFailed(reply.id, message, until, now);
      await this.replies.deferChannel(reply.teamId, reply.channelId, until, now);
      this.laneResumesAt.set(laneKey(reply), until.getTime());
      return { kind: 'rate-limited', retryAfterMs: wait };
    }
    // A post Slack may have taken (a timeout) is looked for before it is posted again.
    const uncertain =
      err instanceof SlackUnavailableError && err.maybeDelivered && postsMessage(reply) && !reply.sentTs;
    if (err instanceof SlackUnavailableError && err.outage) {
      // The whole workspace waits for a probe; this reply backs off (briefly) so the next probe is
      // another one, and a reply that fails on its own cannot stall the rest.
      const probeIn = this.closeGate(reply.teamId, now);
      const wait = Math.min(MAX_OUTAGE_BACKOFF_MS, backoffMs(reply.attempts, this.random));
      this.logger.warn(
        `reply ${reply.id} failed (${message}); Slack looks down, probing again in ${Math.round(probeIn / 1000)} s`,
      );
      await this.replies.markFailed(reply.id, message, new Date(now.getTime() + wait), now, uncertain);
      return { kind: 'unavailable', retryAfterMs: probeIn };
    }
    const wait = backoffMs(reply.attempts, this.random);
    this.logger.warn(`reply ${reply.id} failed (${message}); retrying in ${Math.round(wait / 1000)} s`);
    await this.replies.markFailed(reply.id, message, new Date(now.getTime() + wait), now, uncertain);
    return { kind: 'failed' };
  }

  /** Groups due replies by channel, leaving out channels already being served or waiting out a 429 or an outage. */
  private runnableLanes(due: DueReply[], now: Date): DueReply[][] {
    const lanes = new Map<string, DueReply[]>();
    for (const reply of due) {
      const key = laneKey(reply);
      if (this.busyLanes.has(key) || (this.laneResumesAt.get(key) ?? 0) > now.getTime()) continue;
      const gate = this.gates.get(reply.teamId);
      if (gate && gate.closedUntil > now.getTime()) continue;
      lanes.set(key, [...(lanes.get(key) ?? []), reply]);
    }
    // While a workspace's Slack is down, one channel probes for all of it.
    const probing = new Set<string>();
    return [...lanes.values()].filter((lane) => {
      const teamId = lane[0].teamId;
      if (!this.gates.has(teamId)) return true;
      if (probing.has(teamId)) return false;
      probing.add(teamId);
      return true;
    });
  }

  /** One channel's due replies, in order; stops at a 429 or an outage. */
  private async runLane(lane: DueReply[], now: Date): Promise<{ sent: number; tried: number }> {
    const key = laneKey(lane[0]);
    this.busyLanes.add(key);
    let sent = 0;
    let tried = 0;
    try {
      for (const { id, teamId } of lane) {
        if (this.stopping) break;
        const gate = this.gates.get(teamId);
        if (gate && gate.closedUntil > now.getTime() && tried > 0) break;
        tried++;
        await this.quiet();
        let outcome = await this.attempt(id);
        for (let round = 0; outcome.kind === 'sent' && outcome.again && round < MAX_UPDATE_ROUNDS; round++)
          outcome = await this.attempt(id);
        if (outcome.kind === 'sent') sent++;
        if (outcome.kind === 'rate-limited' || outcome.kind === 'unavailable') break;
      }
    } finally {
      this.busyLanes.delete(key);
    }
    return { sent, tried };
  }

  private closeGate(teamId: string, now: Date): number {
    const previous = this.gates.get(teamId);
    const delayMs = previous ? Math.min(MAX_PROBE_MS, previous.delayMs * 2) : FIRST_PROBE_MS;
    const wait = Math.round(delayMs / 2 + (this.random() * delayMs) / 2);
    this.gates.set(teamId, { closedUntil: now.getTime() + wait, delayMs });
    return wait;
  }

  private openGate(teamId: string): void {
    if (!this.gates.delete(teamId)) return;
    this.logger.info('Slack answers again; sending what waited');
    this.pumpAgain = true;
  }

  /** Sets a timer for the moment the next stored reply comes due (the poll covers the rest). */
  private async scheduleWake(): Promise<void> {
    if (!this.poller || this.stopping) return;
    const next = await this.replies.nextDueAt();
    if (!next) return;
    const now = this.clock.now().getTime();
    // A workspace waiting for its probe wakes when the probe is due, not for every reply behind it.
    const gatesOpenAt = Math.min(...[...this.gates.values()].map((g) => g.closedUntil).filter((t) => t > now));
    const at = Math.max(next.getTime(), now + 50, Number.isFinite(gatesOpenAt) ? gatesOpenAt : 0);
    if (this.timer && at >= this.wakeAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.wakeAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.wakeAt = Number.POSITIVE_INFINITY;
      this.kick();
    }, at - this.clock.now().getTime());
    this.timer.unref();
  }
}

/**
 * The lanes to run in this round: while any other lane is runnable or answers wait to be worked, a
 * welcome DM's lane runs only once it has waited MAX_WELCOME_DEFER_MS. Welcomes alone go a round
 * of CONCURRENT_CHANNELS at a time, so feedback stored meanwhile waits for at most one round.
 */
export function firstThingsFirst(lanes: DueReply[][], now: Date, answersWaiting: boolean): DueReply[][] {
  // A welcome is the one notice sent to a person (private channel feedback is a `dm` too).
  const deferrable = (lane: DueReply[]) =>
    lane[0].delivery === 'dm' &&
    lane[0].purpose === 'notice' &&
    now.getTime() - Date.parse(lane[0].createdAt) < MAX_WELCOME_DEFER_MS;
  const first = lanes.filter((lane) => !deferrable(lane));
  return first.length > 0 || answersWaiting ? first : lanes.slice(0, CONCURRENT_CHANNELS);
}

/** Deliveries that post a message (and so could post it twice). */
function postsMessage(reply: Reply): boolean {
  return reply.delivery === 'message' || reply.delivery === 'dm';
}

function laneKey(reply: { teamId: string; channelId: string }): string {
  return `${reply.teamId}/${reply.channelId}`;
}
