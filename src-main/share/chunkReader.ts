/**
 * Reads exact byte counts from a stream of chunks of any size, without concatenating more than
 * one request's worth: what a streaming container parser needs.
 */
export class ChunkReader {
  private pending: Uint8Array = new Uint8Array(0);
  private finished = false;
  /** bytes handed out so far */
  position = 0;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  /** Exactly `n` bytes, or fewer only if the stream ended (the caller decides what that means). */
  async read(n: number): Promise<Uint8Array> {
    if (this.pending.length >= n) return this.take(n);
    const parts: Uint8Array[] = [];
    let have = 0;
    while (have < n) {
      if (this.pending.length === 0 && !(await this.fill())) break;
      const part = this.take(Math.min(n - have, this.pending.length));
      parts.push(part);
      have += part.length;
    }
    if (parts.length === 1) return parts[0]!;
    const out = new Uint8Array(have);
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  /** Yields the next `n` bytes as they arrive; stops early only if the stream ends. */
  async *stream(n: number): AsyncGenerator<Uint8Array> {
    let left = n;
    while (left > 0) {
      if (this.pending.length === 0 && !(await this.fill())) return;
      const part = this.take(Math.min(left, this.pending.length));
      left -= part.length;
      yield part;
    }
  }

  private take(n: number): Uint8Array {
    const part = this.pending.subarray(0, n);
    this.pending = this.pending.subarray(n);
    this.position += n;
    return part;
  }

  private async fill(): Promise<boolean> {
    while (!this.finished) {
      const next = await this.source.next();
      if (next.done) {
        this.finished = true;
        return false;
      }
      if (next.value.length > 0) {
        this.pending = next.value;
        return true;
      }
    }
    return false;
  }
}
