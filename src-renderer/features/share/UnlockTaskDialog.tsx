import type { ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { TaskProgress } from '../../components/TaskProgress';
import { ShareUnlockFields, type UnlockState } from './ShareUnlock';
import type { Attempt } from './useShareAttempt';

/**
 * The running/asking/failed states shared by receiving and merging a share: progress while it
 * runs, the passphrase and unknown-sender questions when it needs them, the error when it failed.
 */
export function UnlockTaskDialog<T>(props: {
  title: string;
  description: ReactNode;
  progressLabel: string;
  confirmLabel: string;
  confirmSenderLabel: string;
  attempt: Attempt<T>;
  taskId: string | null;
  unlock: UnlockState;
  setUnlock: (next: UnlockState) => void;
  retry: (acceptSender: boolean) => void;
  onClose: () => void;
}) {
  const { attempt, unlock } = props;
  const asking = attempt.at === 'asking';
  return (
    <Dialog
      title={props.title}
      description={props.description}
      onClose={attempt.at === 'running' ? () => {} : props.onClose}
      width={560}
      footer={
        attempt.at === 'running' ? null : (
          <>
            <button type="button" className="btn" onClick={props.onClose}>
              Cancel
            </button>
            {asking ? (
              <button type="button" className="btn btn-primary" onClick={() => props.retry(unlock.unknownSender !== null)}>
                {unlock.unknownSender ? props.confirmSenderLabel : props.confirmLabel}
              </button>
            ) : null}
          </>
        )
      }
    >
      {attempt.at === 'running' ? <TaskProgress taskId={props.taskId} label={props.progressLabel} /> : null}
      {asking ? <ShareUnlockFields state={unlock} onChange={props.setUnlock} /> : null}
      {attempt.at === 'failed' ? (
        <div className="form-error" role="alert">
          {attempt.message}
        </div>
      ) : null}
    </Dialog>
  );
}
