import type { TaskProgress } from '../contract/events';

/** How long evidence work (import, verify, extract) reports progress and learns it was cancelled. */
export interface EvidenceTaskHooks {
  /** Bytes done so far, about ten times a second, plus the start and end of each file. */
  onProgress?: (progress: Omit<TaskProgress, 'taskId'>) => void;
  /** Aborting stops the work at the next chunk with a CANCELLED error; nothing half-done is kept. */
  signal?: AbortSignal | undefined;
}
