import type { Readable } from 'node:stream';

/**
 * Read an object-mode stream as arrays of whatever is buffered at each wake-up.
 * `for await` over the stream itself costs a promise and a microtask per object; a million-row
 * import spends that per row. Bursts cost it per chunk of input instead. Ends at 'end', throws
 * the stream's error.
 */
export async function* readInBursts<T>(stream: Readable): AsyncGenerator<T[]> {
  for (;;) {
    const burst: T[] = [];
    for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) burst.push(item);
    if (burst.length > 0) {
      yield burst;
      continue;
    }
    if (stream.errored) throw stream.errored;
    if (stream.readableEnded || stream.destroyed) return;
    await new Promise<void>((resolve, reject) => {
      const settle = (error?: unknown) => {
        stream.off('readable', onReadable);
        stream.off('end', onEnd);
        stream.off('error', onError);
        stream.off('close', onEnd);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onReadable = () => settle();
      const onEnd = () => settle();
      const onError = (error: unknown) => settle(error);
      stream.on('readable', onReadable);
      stream.on('end', onEnd);
      stream.on('error', onError);
      stream.on('close', onEnd);
    });
  }
}
