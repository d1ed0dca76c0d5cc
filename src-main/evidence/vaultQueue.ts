const queues = new Map<string, Promise<unknown>>();

/**
 * Runs evidence work (import, verify, extract) on one case file one at a time, in call order.
 * An import holds the file's write lock for as long as it streams; a second import or a custody
 * write started meanwhile would otherwise block the event loop on SQLite's busy timeout and then
 * fail. Keyed by the case file's absolute path.
 */
export function runInVaultQueue<T>(caseFilePath: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(caseFilePath) ?? Promise.resolve();
  const run = previous.then(() => work());
  const tail = run.catch(() => undefined);
  queues.set(caseFilePath, tail);
  void tail.then(() => {
    if (queues.get(caseFilePath) === tail) queues.delete(caseFilePath);
  });
  return run;
}

/**
 * True while evidence work on this case file is queued or running. A large import holds SQLite's
 * exclusive lock on the file until it commits: any other statement on the case's connection
 * then busy-waits (blocking the event loop, and with it the import) for busy_timeout and fails.
 * Callers that serve the UI should wait for the queue (runInVaultQueue) or answer "busy" instead.
 */
export function isVaultBusy(caseFilePath: string): boolean {
  return queues.has(caseFilePath);
}
