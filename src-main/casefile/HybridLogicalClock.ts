import { DossierError } from '../contract/errors';

/**
 * How far ahead of this computer's clock a stamp from another copy may be before it is refused.
 * Laptops synchronised by NTP disagree by seconds; minutes mean a clock set wrong, and adopting
 * such a stamp would pin every later edit of the whole team to that future time (issue 17).
 */
export const MAX_CLOCK_DRIFT_MS = 5 * 60_000;

/**
 * Hybrid logical clock (the rules of @actual-app/crdt's Timestamp): stamps every record version so
 * that copies of a case merged from different devices agree on which change is newer, even with
 * skewed wall clocks. Strictly increasing per replica: it starts above the newest stamp already in
 * the file (read lazily, on the first stamp, so read commands never pay for it), and a wall clock
 * behind that only advances the counter.
 * Format `PPPPPPPPPPPPP.CCCC.DEVICE` (ms since epoch, counter base 36, device): string order is
 * time order, and the device breaks ties deterministically.
 */
export class HybridLogicalClock {
  private lastMs = 0;
  private counter = 0;
  private newestInFile: (() => string | null) | null;

  constructor(
    private readonly device: string,
    private readonly wallClock: () => number = Date.now,
    newestInFile: (() => string | null) | null = null,
  ) {
    this.newestInFile = newestInFile;
  }

  /** Stamp for a new local change. */
  tick(): string {
    this.catchUpWithFile();
    const now = this.wallClock();
    if (now > this.lastMs) {
      this.lastMs = now;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    return formatHlc(this.lastMs, this.counter, this.device);
  }

  /** Advance past a stamp already in this file (no drift bound: it is ours). */
  observe(stamp: string): void {
    this.catchUpWithFile();
    this.advanceTo(stamp);
  }

  /**
   * Advance past a stamp received from another copy (`source` names it in the error). A stamp more
   * than MAX_CLOCK_DRIFT_MS ahead of this computer's clock is refused with CLOCK_AHEAD, never adopted.
   */
  receive(stamp: string, source: string): void {
    checkDrift(stamp, source, this.wallClock());
    this.observe(stamp);
  }

  /**
   * Reads the newest stamp in the file now, if not done yet. Call before handing the clock to a
   * second connection (openImportConnection): the read goes through the case's own connection,
   * which must not happen while the other holds the file's write lock.
   */
  prime(): void {
    this.catchUpWithFile();
  }

  /** This computer's clock, as the drift bound sees it. */
  now(): number {
    return this.wallClock();
  }

  private advanceTo(stamp: string): void {
    const parsed = parseHlc(stamp);
    if (!parsed) return;
    if (parsed.ms > this.lastMs || (parsed.ms === this.lastMs && parsed.counter > this.counter)) {
      this.lastMs = parsed.ms;
      this.counter = parsed.counter;
    }
  }

  private catchUpWithFile(): void {
    if (!this.newestInFile) return;
    const newest = this.newestInFile();
    this.newestInFile = null;
    if (newest) this.advanceTo(newest);
  }
}

/** Throws CLOCK_AHEAD when `stamp` is beyond the drift bound of `now`. */
export function checkDrift(stamp: string, source: string, now: number): void {
  const parsed = parseHlc(stamp);
  if (!parsed || parsed.ms <= now + MAX_CLOCK_DRIFT_MS) return;
  const minutes = Math.round((parsed.ms - now) / 60_000);
  throw new DossierError(
    'CLOCK_AHEAD',
    `${source} has changes stamped ${new Date(parsed.ms).toISOString()}, ${minutes} minute(s) ahead of this computer's clock ` +
      `(${new Date(now).toISOString()}; at most ${MAX_CLOCK_DRIFT_MS / 60_000} allowed). The clock of the computer that wrote it ` +
      `(device ${parsed.device}) or of this one is wrong; correct it and make a new copy. Nothing was merged.`,
    { source, stamp, device: parsed.device, now: new Date(now).toISOString() },
  );
}

export function formatHlc(ms: number, counter: number, device: string): string {
  return `${String(ms).padStart(13, '0')}.${counter.toString(36).padStart(4, '0')}.${device}`;
}

export function parseHlc(stamp: string): { ms: number; counter: number; device: string } | null {
  const match = /^(\d{13})\.([0-9a-z]{4,})\.(.+)$/.exec(stamp);
  if (!match) return null;
  return { ms: Number(match[1]), counter: parseInt(match[2]!, 36), device: match[3]! };
}
