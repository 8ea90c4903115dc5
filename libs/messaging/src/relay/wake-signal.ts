/**
 * A wake-up a loop can sleep on: `wait(ms)` resolves on the next `notify()` or after `ms`; a
 * notify while nobody waits is remembered. (The projection engine has its own, not exported.)
 */
export class WakeSignal {
  private pending = false;
  private waiters: (() => void)[] = [];

  notify(): void {
    if (this.waiters.length === 0) {
      this.pending = true;
      return;
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.push(done);
    });
  }
}
