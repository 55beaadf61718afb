// Bounds how many first-sync (snapshot) pull pages one server process builds at once. Each page holds up to a
// few thousand rows three times over (database rows, their wire form, the JSON text), so a burst of devices
// signing in together would otherwise multiply that in memory; the others wait their turn (FIFO). Incremental
// pulls (the steady state) never wait here.
export class SnapshotGate {
  private busy = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(readonly slots: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.busy < this.slots) this.busy += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the finishing page hands over its slot
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy -= 1;
    }
  }

  /** Pages being built now and waiting (for tests and diagnostics). */
  get load(): { busy: number; waiting: number } {
    return { busy: this.busy, waiting: this.waiting.length };
  }
}

/** Snapshot pages built at once per process. */
export const SNAPSHOT_PAGES_AT_ONCE = 2;
