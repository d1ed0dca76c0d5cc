/** Where a long share operation is, for a progress bar. Bytes, not percent. */
export interface ShareProgress {
  /** snapshot: copying the case file; hash: re-hashing the exhibits in the copy; encrypt/decrypt: the main pass */
  readonly stage: 'snapshot' | 'hash' | 'encrypt' | 'decrypt';
  readonly done: number;
  readonly total: number;
}

export interface ShareRunOptions {
  onProgress?: (progress: ShareProgress) => void;
  /** Cancels the operation: it ends with ShareError CANCELLED and leaves nothing behind. */
  signal?: AbortSignal;
}

/**
 * Passes on at most one report per `intervalMs` per stage, plus the first and last of each stage:
 * the raw reports come per 64 KiB chunk (thousands per GiB), far more than a progress bar or an
 * IPC channel wants.
 */
export function throttleProgress(report: (progress: ShareProgress) => void, intervalMs = 100, now: () => number = Date.now): (progress: ShareProgress) => void {
  let lastStage: ShareProgress['stage'] | undefined;
  let lastAt = 0;
  return (progress) => {
    const at = now();
    if (progress.stage !== lastStage || progress.done >= progress.total || at - lastAt >= intervalMs) {
      lastStage = progress.stage;
      lastAt = at;
      report(progress);
    }
  };
}
