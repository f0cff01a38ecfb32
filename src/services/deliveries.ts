// Slack's repeated deliveries: an Events API event id, or the trigger id of a slash command or an
// interaction, is claimed in the database before its work and marked done after the work
// committed, so a retry (or the same delivery reaching another instance) is worked once. A failed
// work releases its claim so Slack's retry can do it; a claim whose process died runs out after a
// lease and the next retry takes it over.
import type { Clock } from '../clock.js';
import { StarError } from '../core/errors.js';
import type { EventsRepository, InboxItem } from '../db/ports.js';

/** An event in the inbox: its workspace, delivery key and body (JSON), and the attempts so far. */
export type InboxEvent = InboxItem;

/**
 * How long a claim is held without being completed before another delivery may take it over. Work
 * on one delivery is a few database transactions (sends happen afterwards, in the outbox), so a
 * live worker finishes well inside this; Slack retries after about 1 and 5 minutes.
 */
const CLAIM_LEASE_MS = 30_000;
/**
 * The lease of an event in the inbox (acknowledged, its work queued): past it, a sweep, in this
 * process or another, works the event again. Shorter than CLAIM_LEASE_MS because no Slack retry
 * comes for an acknowledged event: this lease is how soon work a crash cut short is picked up.
 * A live instance whose queue is longer than this may see an event worked twice, which the
 * answer's own key makes harmless (a second copy of a message is declined).
 */
export const INBOX_LEASE_MS = 10_000;
/** An inbox event whose work failed this many times is given up (logged) rather than retried forever. */
export const INBOX_MAX_ATTEMPTS = 5;
/** How long a delivery waits for another worker's live claim on the same id to end. */
const WAIT_FOR_OTHER_MS = 2_000;
const POLL_MS = 50;

/** Another worker is on this delivery right now; Slack should try again later. */
export class DeliveryInProgressError extends StarError {
  readonly code = 'delivery_in_progress';
}

export type DeliveryResult = 'worked' | 'repeated' | 'in-progress';

export class DeliveryGuard {
  constructor(
    private readonly events: EventsRepository,
    private readonly clock: Clock,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /**
   * Runs `work` once per delivery key: `repeated` when it was done before, `in-progress` when
   * another worker still holds it after a short wait. A `work` that throws releases the claim and
   * the error goes on to the caller.
   */
  async once(teamId: string, key: string, work: () => Promise<void>): Promise<DeliveryResult> {
    const started = Date.now();
    let claim = await this.events.claim(teamId, key, this.clock.now(), CLAIM_LEASE_MS);
    while (claim === 'busy' && Date.now() - started < WAIT_FOR_OTHER_MS) {
      await this.sleep(POLL_MS);
      claim = await this.events.claim(teamId, key, this.clock.now(), CLAIM_LEASE_MS);
    }
    if (claim === 'done') return 'repeated';
    if (claim === 'busy') return 'in-progress';
    try {
      await work();
    } catch (err) {
      await this.events.release(teamId, key).catch(() => undefined); // the lease runs out otherwise
      throw err;
    }
    await this.events.complete(teamId, key, this.clock.now());
    return 'worked';
  }

  /**
   * The inbox, for events acknowledged before their work: claims the event and keeps its body, in
   * one transaction. `accepted`: this instance does the work next (`work`); `repeated`: done
   * already; `queued`: another worker holds it (or a sweep will), so it can be acknowledged too.
   */
  async accept(teamId: string, key: string, payload: string): Promise<'accepted' | 'repeated' | 'queued'> {
    const claim = await this.events.claim(teamId, key, this.clock.now(), INBOX_LEASE_MS, payload);
    return claim === 'claimed' ? 'accepted' : claim === 'done' ? 'repeated' : 'queued';
  }

  /**
   * An accepted event's work, then its claim marked done. A `work` that throws keeps the claim and
   * the body: the sweep gives the event to a worker again once the lease has run out.
   */
  async work(teamId: string, key: string, work: () => Promise<void>): Promise<void> {
    await work();
    await this.events.complete(teamId, key, this.clock.now());
  }

  /**
   * Inbox events whose lease ran out (their process died, or their work failed), claimed again:
   * `retry` to work now; `gaveUp`, those tried INBOX_MAX_ATTEMPTS times, are marked done and left.
   */
  async overdue(limit: number): Promise<{ retry: InboxEvent[]; gaveUp: InboxEvent[] }> {
    const now = this.clock.now();
    const taken = await this.events.takeOverdue(now, INBOX_LEASE_MS, limit);
    const gaveUp = taken.filter((item) => item.attempts > INBOX_MAX_ATTEMPTS);
    for (const item of gaveUp) await this.events.complete(item.teamId, item.key, now);
    return { retry: taken.filter((item) => item.attempts <= INBOX_MAX_ATTEMPTS), gaveUp };
  }

  /** Forgets claims made before `before` (a bounded batch); returns how many. */
  prune(before: Date, limit: number): Promise<number> {
    return this.events.prune(before, limit);
  }
}
