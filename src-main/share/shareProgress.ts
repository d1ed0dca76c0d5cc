/** Where a long share operation is, for a progress bar. Bytes, not percent. */
export interface ShareProgress {
  /** snapshot: copying the case file; hash: hashing the copy; encrypt/decrypt: the main pass */
  readonly stage: 'snapshot' | 'hash' | 'encrypt' | 'decrypt';
  readonly done: number;
  readonly total: number;
}

export interface ShareRunOptions {
  onProgress?: (progress: ShareProgress) => void;
  /** Cancels the operation: it ends with ShareError ABORTED and leaves nothing behind. */
  signal?: AbortSignal;
}
