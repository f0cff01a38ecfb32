// Counts Slack requests being answered, so background work (the events inbox, the outbox's sends)
// can wait for a moment when none is: an ack then never waits behind work that could have waited.

/**
 * While requests keep coming, one piece of background work is let through every this often (the
 * oldest waiting), so a steady stream cannot starve it, and never several at once.
 */
export const MAX_WAIT_FOR_QUIET_MS = 100;

export class RequestGate {
  private active = 0;
  private waiters: (() => void)[] = [];
  private trickle: NodeJS.Timeout | undefined;

  enter(): void {
    this.active++;
  }

  leave(): void {
    this.active--;
    if (this.active > 0) return;
    this.stopTrickle();
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Resolves when no request is being answered, or when it is this waiter's turn (see above). */
  quiet(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.trickle ??= setInterval(() => {
        this.waiters.shift()?.();
        if (this.waiters.length === 0) this.stopTrickle();
      }, MAX_WAIT_FOR_QUIET_MS);
    });
  }

  private stopTrickle(): void {
    if (this.trickle) clearInterval(this.trickle);
    this.trickle = undefined;
  }
}
