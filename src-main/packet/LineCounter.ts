/**
 * Counts the lines of a text file from its bytes, without decoding it, fed in chunks (a streamed
 * file) or at once. A line ends at CR LF, a lone LF or a lone CR (classic Mac exports, some router
 * and PBX logs), the same breaks prepareTranscriptPages splits the decoded text on: the slip sheet's
 * "n lines" and the pages' source line numbers must count alike (change both together). A final
 * line without a line end counts.
 *
 * CR (0x0D) and LF (0x0A) are those bytes in every single-byte charset and in UTF-8; in UTF-16
 * they are code units with a zero high byte (`encoding` 'utf-16le' or 'utf-16be').
 */
export class LineCounter {
  private breaks = 0;
  /** The last unit seen ended a line (or nothing was seen): no unfinished last line. */
  private atLineStart = true;
  private seenAny = false;
  /** The last unit was a CR: an LF right after it belongs to the same line end. */
  private afterCr = false;
  private readonly step: 1 | 2;
  private readonly lowFirst: boolean;
  /** A UTF-16 code unit's first byte when a chunk ended in the middle of it. */
  private pending: number | null = null;

  constructor(encoding = 'utf-8') {
    const e = encoding.toLowerCase();
    this.step = e.startsWith('utf-16') ? 2 : 1;
    this.lowFirst = e !== 'utf-16be';
  }

  push(chunk: Uint8Array): void {
    let i = 0;
    if (this.step === 2 && this.pending !== null && chunk.length > 0) {
      this.unit(this.pending, chunk[0] as number);
      this.pending = null;
      i = 1;
    }
    for (; i < chunk.length; i += this.step) {
      if (this.step === 1) this.unit(chunk[i] as number, 0);
      else if (i + 1 < chunk.length) this.unit(chunk[i] as number, chunk[i + 1] as number);
      else this.pending = chunk[i] as number;
    }
  }

  /** Lines so far: line ends, plus a last line that has none. */
  total(): number {
    return this.breaks + (this.seenAny && (!this.atLineStart || this.pending !== null) ? 1 : 0);
  }

  private unit(a: number, b: number): void {
    this.seenAny = true;
    const [low, high] = this.step === 1 ? [a, 0] : this.lowFirst ? [a, b] : [b, a];
    const code = high === 0 ? low : -1;
    if (code === 0x0a && this.afterCr) {
      // The LF of a CR LF: the line was counted at its CR.
      this.afterCr = false;
      return;
    }
    this.afterCr = code === 0x0d;
    if (code === 0x0a || code === 0x0d) {
      this.breaks++;
      this.atLineStart = true;
    } else {
      this.atLineStart = false;
    }
  }
}

/** Lines in a whole text file (see LineCounter). */
export function countLines(bytes: Uint8Array, encoding: string): number {
  const counter = new LineCounter(encoding);
  counter.push(bytes);
  return counter.total();
}
