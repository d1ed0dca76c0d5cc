import { useCallback, useEffect, useRef, useState } from 'react';
import { toDossierError } from '../../api';
import { useDialogTask } from '../tasks/useDialogTask';
import { afterFailure, INITIAL_UNLOCK, type UnlockState, unlockRequest } from './ShareUnlock';

export type Attempt<T> =
  | { at: 'running' }
  | { at: 'asking' }
  | { at: 'failed'; message: string }
  | { at: 'done'; result: T };

/**
 * Opening a share (receive or merge): try at once, and on an answerable failure (a passphrase,
 * an unknown sender) ask, then try again with the answer. Started once per dialog, also under
 * React StrictMode (which runs effects twice).
 */
export function useShareAttempt<T>(label: string, work: (unlock: ReturnType<typeof unlockRequest>, taskId: string) => Promise<T>) {
  const [attempt, setAttempt] = useState<Attempt<T>>({ at: 'running' });
  const [unlock, setUnlock] = useState<UnlockState>(INITIAL_UNLOCK);
  const task = useDialogTask();
  const started = useRef(false);

  const tryWith = useCallback(
    async (state: UnlockState) => {
      setAttempt({ at: 'running' });
      try {
        const result = await task.run(label, (taskId) => work(unlockRequest(state), taskId));
        setAttempt({ at: 'done', result });
      } catch (raw) {
        const error = toDossierError(raw);
        if (error.code === 'CANCELLED') return setAttempt({ at: 'failed', message: 'Cancelled; nothing was changed.' });
        const next = afterFailure(state, error);
        if (next) {
          setUnlock(next);
          setAttempt({ at: 'asking' });
        } else {
          setAttempt({ at: 'failed', message: error.message });
        }
      }
    },
    [label, work, task],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void tryWith(INITIAL_UNLOCK);
  }, [tryWith]);

  return {
    attempt,
    unlock,
    setUnlock,
    taskId: task.taskId,
    /** Try again with what the user typed; `accept` trusts the unknown sender's fingerprint. */
    retry: (accept: boolean) => {
      const state = accept && unlock.unknownSender ? { ...unlock, acceptSender: unlock.unknownSender.fingerprint, unknownSender: null } : { ...unlock, unknownSender: null };
      setUnlock(state);
      void tryWith(state);
    },
  };
}
