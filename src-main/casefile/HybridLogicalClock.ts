/**
 * Hybrid logical clock: stamps every record version so that copies of a case merged from different
 * devices agree on which change is newer, even with skewed wall clocks.
 * Format `PPPPPPPPPPPPP.CCCC.DEVICE` (ms since epoch, counter base 36, device): string order is
 * time order, and the device breaks ties deterministically.
 */
export class HybridLogicalClock {
  private lastMs = 0;
  private counter = 0;

  constructor(
    private readonly device: string,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** Stamp for a new local change. */
  tick(): string {
    const now = this.wallClock();
    if (now > this.lastMs) {
      this.lastMs = now;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    return formatHlc(this.lastMs, this.counter, this.device);
  }

  /** Advance past a stamp seen from elsewhere (merge, or the newest stamp already in the file). */
  observe(stamp: string): void {
    const parsed = parseHlc(stamp);
    if (!parsed) return;
    if (parsed.ms > this.lastMs || (parsed.ms === this.lastMs && parsed.counter > this.counter)) {
      this.lastMs = parsed.ms;
      this.counter = parsed.counter;
    }
  }
}

export function formatHlc(ms: number, counter: number, device: string): string {
  return `${String(ms).padStart(13, '0')}.${counter.toString(36).padStart(4, '0')}.${device}`;
}

export function parseHlc(stamp: string): { ms: number; counter: number; device: string } | null {
  const match = /^(\d{13})\.([0-9a-z]{4,})\.(.+)$/.exec(stamp);
  if (!match) return null;
  return { ms: Number(match[1]), counter: parseInt(match[2]!, 36), device: match[3]! };
}
