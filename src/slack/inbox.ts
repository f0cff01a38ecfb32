// The events inbox: a message event is acknowledged as soon as it is claimed and its body stored
// (one short write transaction, DeliveryGuard.accept), and its work (scoring, storing the answer,
// queueing the replies) runs right after, here, off the request path. Events are worked one at a
// time in arrival order, each after the event loop has had a turn at pending I/O, so acks of the
// requests still arriving never queue behind scoring. Work a crash cut short, or that failed, is
// found by the sweep once its lease runs out and done again; the answer's own key makes a second
// run harmless.
import type { App } from '@slack/bolt';
import type { InboxEvent } from '../services/deliveries.js';
import type { InFlight } from '../services/in-flight.js';
import type { Services } from '../services/index.js';
import type { RequestGate } from './request-gate.js';

/** The context flag Bolt passes to the middleware when the inbox replays an accepted event. */
export const INBOX_WORK = 'starInboxWork';
/**
 * The longest an event's work waits for quiet (the request gate) once queued; older ones are
 * worked at once. Below Slack's 3 s ack limit: the bench's bursts of 200 are all acknowledged well within it.
 */
export const MAX_HOLD_MS = 2_000;
/** How often the sweep looks for overdue inbox events. */
const SWEEP_INTERVAL_MS = 2_000;
/** Overdue events taken per sweep. */
const SWEEP_BATCH = 100;

interface Queued {
  teamId: string;
  key: string;
  body: Record<string, unknown>;
  /** When it was queued (Date.now()). */
  queuedAt: number;
}

/** Which Events API events go through the inbox: messages (answers, and their edits and deletes, in order). */
export function goesThroughInbox(body: unknown): boolean {
  const event = (body as { event?: { type?: unknown } }).event;
  return (body as { type?: unknown }).type === 'event_callback' && event?.type === 'message';
}

export class EventInbox {
  private readonly queue: Queued[] = [];
  /** Keys queued or being worked here, so a sweep does not queue one twice. */
  private readonly held = new Set<string>();
  private draining: Promise<void> | undefined;
  private working = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly app: App,
    private readonly services: Services,
    private readonly inFlight: InFlight,
    /** HTTP mode: the requests being answered, which go first. */
    private readonly gate?: RequestGate,
  ) {}

  /** Events queued or being worked here. */
  get waiting(): number {
    return this.queue.length + (this.working ? 1 : 0);
  }

  /** Queues an accepted event's work. */
  push(teamId: string, key: string, body: Record<string, unknown>): void {
    const id = `${teamId} ${key}`;
    if (this.held.has(id)) return;
    this.held.add(id);
    this.queue.push({ teamId, key, body, queuedAt: Date.now() });
    this.kick();
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.inFlight
      .run(() => this.drain())
      .finally(() => {
        this.draining = undefined;
        // Pushed between the drain's last look at the queue and now.
        if (this.queue.length > 0) this.kick();
      });
  }

  /** Resolves when nothing is queued or being worked (tests wait for this after sending an event). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Queues the overdue events (their worker died or failed); how many. */
  async sweep(): Promise<number> {
    const { retry, gaveUp } = await this.services.deliveries.overdue(SWEEP_BATCH);
    for (const item of gaveUp)
      this.services.logger.error(`gave up on ${item.key} after ${item.attempts - 1} attempts; it is left undone`);
    let queued = 0;
    for (const item of retry) {
      const body = parse(item);
      if (!body) {
        // Stored by this app, so never expected; it is retaken each lease until given up above.
        this.services.logger.error(`the stored body of ${item.key} is not a JSON object; it cannot be worked`);
        continue;
      }
      this.push(item.teamId, item.key, body);
      queued++;
    }
    return queued;
  }

  /** Sweeps now and then every SWEEP_INTERVAL_MS until stop(). */
  start(): void {
    const tick = () => {
      this.sweep()
        .catch((err) => this.services.logger.error('the inbox sweep failed', err))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, SWEEP_INTERVAL_MS).unref();
        });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async drain(): Promise<void> {
    for (;;) {
      // Acks first: wait for a moment with no request being answered (bounded), then let the
      // poll phase run once more (setImmediate comes after it) so requests just arrived start.
      // An event queued MAX_HOLD_MS ago no longer waits: a steady stream of requests must not
      // grow the backlog without end.
      const oldest = this.queue[0];
      if (!oldest || Date.now() - oldest.queuedAt < MAX_HOLD_MS) await this.gate?.quiet();
      await new Promise<void>((resolve) => setImmediate(resolve));
      const next = this.queue.shift();
      if (!next) {
        // Replies held back while answers waited (welcome DMs) may go now.
        this.services.outbox.kick();
        return;
      }
      this.working = true;
      try {
        await this.app.processEvent({
          body: next.body,
          ack: async () => {},
          customProperties: { [INBOX_WORK]: true },
        });
      } catch (err) {
        // Its claim stays: the sweep tries again once the lease has run out.
        this.services.logger.warn(`the work of ${next.key} failed; the sweep will try it again`, err);
      } finally {
        this.working = false;
        this.held.delete(`${next.teamId} ${next.key}`);
      }
    }
  }
}

function parse(item: InboxEvent): Record<string, unknown> | undefined {
  try {
    const body = JSON.parse(item.payload) as unknown;
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
