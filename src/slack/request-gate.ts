// Counts Slack requests being answered, so background work (the events inbox) can wait for a
// moment when none is: an ack then never waits behind scoring that could have waited.

/** Background work waits at most this long for a quiet moment, so a steady stream cannot starve it. */
export const MAX_WAIT_FOR_QUIET_MS = 100;

export class RequestGate {
  private active = 0;
  private waiters: (() => void)[] = [];

  enter(): void {
    this.active++;
  }

  leave(): void {
    this.active--;
    if (this.active === 0) for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Resolves when no request is being answered, or after MAX_WAIT_FOR_QUIET_MS. */
  quiet(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      }, MAX_WAIT_FOR_QUIET_MS);
      this.waiters.push(done);
    });
  }
}
