/**
 * Pulls up to `depth` items of `source` ahead of the consumer, so the next file read (done by
 * libuv's thread pool) runs while this thread hashes and encrypts the current chunk. Memory: at
 * most `depth` extra chunks. Errors surface in order, when the consumer reaches them.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, depth = 2): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const queue: Promise<IteratorResult<T>>[] = [];
  let finished = false;
  const fill = (): void => {
    while (!finished && queue.length < depth) {
      const next = iterator.next();
      queue.push(next);
      // A rejected read is kept in the queue and rethrown in order; stop reading past it.
      next.then((r) => { if (r.done) finished = true; }, () => { finished = true; });
    }
  };
  try {
    for (;;) {
      fill();
      const result = await queue.shift()!;
      if (result.done) return;
      yield result.value;
    }
  } finally {
    // Let reads in flight settle before the caller closes what they read from.
    await Promise.allSettled(queue);
    await iterator.return?.(undefined);
  }
}
