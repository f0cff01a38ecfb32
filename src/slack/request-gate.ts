// Counts Slack requests being answered, so background work (the events inbox, the outbox's sends)
// waits for a quiet moment: no request being answered and none begun for SETTLE_MS. Under a burst
// the connections still waiting to be accepted are invisible to the app, and each piece of
// background work run between them delays the next accept by its length; the settle time keeps
// the loop on acks until the burst has been answered.

/** Background work starts only after this long without a new or unfinished request. */
export const SETTLE_MS = 5;
/**
 * While requests keep coming, one piece of background work is let through every this often (the
 * oldest waiting), so a steady stream cannot starve it, and never several at once.
 */
export const MAX_WAIT_FOR_QUIET_MS = 100;

export class RequestGate {
  private active = 0;
  private lastActivity = Number.NEGATIVE_INFINITY;
  private waiters: (() => void)[] = [];
  private trickle: NodeJS.Timeout | undefined;
  private settle: NodeJS.Timeout | undefined;

  enter(): void {
    this.active++;
    this.lastActivity = Date.now();
  }

  leave(): void {
    this.active--;
    this.lastActivity = Date.now();
    if (this.active === 0 && this.waiters.length > 0) this.armSettle();
  }

  /** Resolves at a quiet moment, or when it is this waiter's turn (see MAX_WAIT_FOR_QUIET_MS). */
  quiet(): Promise<void> {
    if (this.isQuiet()) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.trickle ??= setInterval(() => {
        this.waiters.shift()?.();
        if (this.waiters.length === 0) this.stopTimers();
      }, MAX_WAIT_FOR_QUIET_MS);
      if (this.active === 0) this.armSettle();
    });
  }

  private isQuiet(): boolean {
    return this.active === 0 && Date.now() - this.lastActivity >= SETTLE_MS;
  }

  private armSettle(): void {
    if (this.settle) clearTimeout(this.settle);
    this.settle = setTimeout(
      () => {
        this.settle = undefined;
        if (!this.isQuiet()) {
          // A request under way arms this again when it leaves. With none, the timer fired a
          // millisecond early by Date.now() (timers run on the loop's cached clock): wait the rest,
          // rather than leaving the waiters to the trickle's 100 ms.
          if (this.active === 0) this.armSettle();
          return;
        }
        this.stopTimers();
        for (const resolve of this.waiters.splice(0)) resolve();
      },
      Math.max(0, SETTLE_MS - (Date.now() - this.lastActivity)),
    );
  }

  private stopTimers(): void {
    if (this.trickle) clearInterval(this.trickle);
    if (this.settle) clearTimeout(this.settle);
    this.trickle = undefined;
    this.settle = undefined;
  }
}
