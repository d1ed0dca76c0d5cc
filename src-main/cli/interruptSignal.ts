/**
 * Aborted by the first Ctrl-C (SIGINT/SIGTERM), so long work stops cleanly, leaves nothing behind
 * and reports CANCELLED like the UI's cancel button; a second Ctrl-C ends the process at once.
 * Call `release` when the work is done so the handlers do not outlive it.
 */
export function interruptSignal(): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const onInterrupt = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onInterrupt);
    },
  };
}
