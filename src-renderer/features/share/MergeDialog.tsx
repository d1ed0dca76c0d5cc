import { ALL_TOPICS } from '../../data/invalidation';
import { useCallback, useEffect, useRef } from 'react';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { displayText } from '../../components/displayText';
import { TaskProgress } from '../../components/TaskProgress';
import { useApp } from '../app/appStore';
import { MergeReportView } from './MergeReportView';
import { UnlockTaskDialog } from './UnlockTaskDialog';
import { useShareAttempt } from './useShareAttempt';

/** Merge a teammate's copy (.dossier) or share (.dossier.age) into the open case, then review conflicts. */
export function MergeDialog({ otherPath, onClose }: { otherPath: string; onClose: () => void }) {
  const openItem = useApp((s) => s.openItem);
  const changed = useApp((s) => s.changed);
  const work = useCallback(
    (unlock: { passphrase?: string; identityPassphrase?: string; acceptSender?: string }, taskId: string) => call('case.merge', { otherPath, taskId, ...unlock }),
    [otherPath],
  );
  const { attempt, unlock, setUnlock, retry, taskId } = useShareAttempt('Merging copy', work);
  const fileName = displayText(otherPath.split(/[\\/]/).pop() ?? '');

  // Everything on screen may have changed: lists, counts, the overview.
  const refreshed = useRef(false);
  useEffect(() => {
    if (attempt.at !== 'done' || refreshed.current) return;
    refreshed.current = true;
    changed(ALL_TOPICS, { rows: true });
  }, [attempt.at, changed]);

  if (attempt.at === 'done') {
    return (
      <Dialog
        title="Merge finished"
        description={
          <>
            From <span className="mono">{fileName}</span>. Nothing either side wrote was lost; superseded versions are in each record&apos;s history.
          </>
        }
        onClose={onClose}
        width={760}
        footer={
          <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
            Done
          </button>
        }
      >
        <MergeReportView
          report={attempt.result}
          onOpen={(kind, id) => {
            onClose();
            openItem(kind, id);
          }}
        />
      </Dialog>
    );
  }

  return (
    <UnlockTaskDialog
      title="Merge a teammate's copy"
      description={<span className="mono">{fileName}</span>}
      progressLabel="Merging copy"
      confirmLabel="Merge"
      confirmSenderLabel="Fingerprint matches: merge it"
      attempt={attempt}
      taskId={taskId}
      unlock={unlock}
      setUnlock={setUnlock}
      retry={retry}
      onClose={onClose}
    />
  );
}
