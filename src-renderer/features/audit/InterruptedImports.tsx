import { useState } from 'react';
import type { InterruptedImport } from '../../../src-main/contract/integrity';
import { call, toDossierError } from '../../api';
import { displayText } from '../../components/displayText';
import { formatCount, formatDate } from '../../components/labels';
import { UntrustedText } from '../../components/UntrustedText';
import { useApp } from '../app/appStore';

/**
 * Site imports that never finished, with how far each got and a way to take it back (the same as
 * `dossier site import FILE --rollback ID`). Resuming needs the list file itself, so that stays
 * with the command line, which this names.
 */
export function InterruptedImports({ imports }: { imports: InterruptedImport[] }) {
  const changed = useApp((s) => s.changed);
  const showNotice = useApp((s) => s.showNotice);
  const casePath = useApp((s) => s.summary?.path ?? 'CASE');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function rollBack(cut: InterruptedImport) {
    setBusy(true);
    try {
      const done = await call('websites.importRollback', { importId: cut.id });
      showNotice({
        title: 'Import rolled back',
        message:
          `The unfinished import of ${done.file} was taken back: ${formatCount(done.removed)} website(s) it created removed (kept in their history), ` +
          `${formatCount(done.restored)} merged website(s) put back as they were, ${formatCount(done.links)} order link(s) removed.` +
          (done.changedSince ? ` ${formatCount(done.changedSince)} of its website(s) had been changed since the import.` : ''),
      });
      changed(['website', 'order', 'links', 'case']);
    } catch (raw) {
      showNotice({ title: 'Could not roll back the import', message: toDossierError(raw).message });
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  }

  return (
    <ul className="banner-detail" aria-label="Unfinished imports">
      {imports.map((cut) =>
        cut.running ? (
          <li key={cut.id}>
            <strong>
              Import of <UntrustedText text={cut.file} what="The file name" /> running
            </strong> (started {formatDate(cut.startedAt)}): {formatCount(cut.rowsWritten)} row(s) written so far. Run the check
            again when it has finished.
          </li>
        ) : (
        <li key={cut.id}>
          <strong>
            Unfinished import of <UntrustedText text={cut.file} what="The file name" />
          </strong> (started {formatDate(cut.startedAt)}): {formatCount(cut.batches)} batch(es), {formatCount(cut.rowsWritten)} row(s)
          written. Resume it with <span className="mono">{displayText(`dossier site import "${casePath}" ${cut.file} --resume`)}</span>, or roll it back.{' '}
          {confirming === cut.id ? (
            <>
              <span>Remove the websites this import created and put back what it merged?</span>{' '}
              <button type="button" className="btn btn-sm btn-danger" disabled={busy} onClick={() => void rollBack(cut)}>
                {busy ? 'Rolling back…' : 'Yes, roll back'}
              </button>{' '}
              <button type="button" className="btn btn-sm" disabled={busy} onClick={() => setConfirming(null)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-sm" onClick={() => setConfirming(cut.id)}>
              Roll back…
            </button>
          )}
        </li>
        ),
      )}
    </ul>
  );
}
