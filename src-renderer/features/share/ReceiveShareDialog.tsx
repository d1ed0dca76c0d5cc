import { useCallback } from 'react';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { displayText } from '../../components/displayText';
import { formatDate } from '../../components/labels';
import { UntrustedText } from '../../components/UntrustedText';
import { TaskProgress } from '../../components/TaskProgress';
import { useApp } from '../app/appStore';
import { UnlockTaskDialog } from './UnlockTaskDialog';
import { useShareAttempt } from './useShareAttempt';

/** Start screen > Import share: verify a teammate's share and save it as a new case file, then open it. */
export function ReceiveShareDialog({ sharePath, outPath, onClose }: { sharePath: string; outPath: string; onClose: () => void }) {
  const openCase = useApp((s) => s.openCase);
  const work = useCallback(
    (unlock: { passphrase?: string; identityPassphrase?: string; acceptSender?: string }, taskId: string) => call('share.receive', { sharePath, outPath, taskId, ...unlock }),
    [sharePath, outPath],
  );
  const { attempt, unlock, setUnlock, retry, taskId } = useShareAttempt('Receiving share', work);
  const fileName = displayText(sharePath.split(/[\\/]/).pop() ?? '');

  if (attempt.at === 'done') {
    const r = attempt.result;
    return (
      <Dialog
        title="Share received"
        onClose={onClose}
        width={560}
        footer={
          <>
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
            <button
              type="button"
              className="btn btn-primary"
              data-autofocus
              onClick={() => {
                onClose();
                void openCase(r.path);
              }}
            >
              Open case
            </button>
          </>
        }
      >
        <dl className="field-list compact">
          <div className="field-row wide">
            <dt>Case</dt>
            <dd>{r.caseTitle}</dd>
          </div>
          <div className="field-row wide">
            <dt>Saved as</dt>
            <dd className="mono break-all">{displayText(r.path)}</dd>
          </div>
          <div className="field-row">
            <dt>Signed by</dt>
            <dd>
              <UntrustedText text={r.sender.name} what="The name" /> {r.sender.known ? '(in your roster)' : '(accepted by fingerprint)'}
            </dd>
          </div>
          <div className="field-row">
            <dt>Shared</dt>
            <dd>{formatDate(r.sharedAt)}</dd>
          </div>
          <div className="field-row wide">
            <dt>Sender fingerprint</dt>
            <dd className="mono">{r.sender.fingerprint}</dd>
          </div>
          <div className="field-row wide">
            <dt>Checks</dt>
            <dd>Signature, hashes, integrity, audit chain, record seals and every exhibit's stored bytes verified; {r.exhibits} exhibit receipt{r.exhibits === 1 ? '' : 's'} recorded in custody.</dd>
          </div>
        </dl>
        {r.problems.length > 0 ? (
          <ul className="problem-list">
            {r.problems.map((problem, i) => (
              <li key={i} className="problem tone-warning">
                The received copy fails part of "dossier check": {problem}
              </li>
            ))}
          </ul>
        ) : null}
      </Dialog>
    );
  }

  return (
    <UnlockTaskDialog
      title="Import share"
      description={<>
          <span className="mono">{fileName}</span> as a new case file.
        </>}
      progressLabel="Receiving share"
      confirmLabel="Open share"
      confirmSenderLabel="Fingerprint matches: open it"
      attempt={attempt}
      taskId={taskId}
      unlock={unlock}
      setUnlock={setUnlock}
      retry={retry}
      onClose={onClose}
    />
  );
}
