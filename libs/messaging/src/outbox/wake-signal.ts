/**
 * A sleep that a wake-up cuts short. A wake-up that arrives while nobody
 * sleeps is remembered, so a commit notified during a publish is not missed.
 */
export class WakeSignal {
  private pending = false;
  private resolveSleep: (() => void) | null = null;

  wake(): void {
    if (this.resolveSleep) {
      this.resolveSleep();
    } else {
      this.pending = true;
    }
  }

  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.resolveSleep = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.resolveSleep = done;
    });
  }
}
