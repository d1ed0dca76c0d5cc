import { useState } from 'react';
import type { EvidenceVerification } from '../../../src-main/contract/DossierApi';
import type { Evidence } from '../../../src-main/contract/records';
import { call, shellCall, toDossierError } from '../../api';
import { Icon } from '../../components/Icon';
import { suggestedFileName } from '../../components/displayText';
import { useApp } from '../app/appStore';
import { useTasks } from '../../data/tasksStore';
import { CapturesPanel } from '../captures/CapturesPanel';
import { CustodyPanel } from './CustodyPanel';
import { RedactionsPanel } from '../redaction/RedactionsPanel';
import { EvidencePreviewPanel } from './EvidencePreviewPanel';

/** Above the fields: check the stored bytes against their hash, save a copy, look at them. */
export function EvidenceIntegrity({ item }: { item: Evidence }) {
  const showNotice = useApp((s) => s.showNotice);
  const changed = useApp((s) => s.changed);
  const [verification, setVerification] = useState<EvidenceVerification | null>(null);

  async function verify() {
    try {
      const [result] = await useTasks.getState().run(`Verifying ${item.exhibit_label}`, (taskId) => call('evidence.verify', { id: item.id, taskId }));
      setVerification(result ?? null);
      changed(['evidence']);
    } catch (raw) {
      showNotice({ title: 'Could not verify the exhibit', message: toDossierError(raw).message });
    }
  }

  async function saveCopy() {
    try {
      // Never the original name as is: its bidi controls would make the saved .exe read as a PDF.
      const fallback = `${item.exhibit_label}.bin`;
      const outPath = await shellCall((s) => s.chooseExtractPath({ suggestedName: suggestedFileName(item.original_name ?? fallback, fallback) }));
      if (!outPath) return;
      const result = await call('evidence.extract', { id: item.id, outPath });
      changed(['evidence']);
      showNotice({ title: 'Copy saved', message: `${result.path}\n${result.bytes.toLocaleString('en-US')} bytes, SHA-256 ${result.sha256}` });
    } catch (raw) {
      showNotice({ title: 'Could not save a copy', message: toDossierError(raw).message });
    }
  }

  return (
    <>
      <section className="detail-section" aria-label="Integrity">
        <div className="evidence-actions">
          <button type="button" className="btn btn-sm" onClick={() => void verify()}>
            <Icon name="check" size={14} /> Verify hash
          </button>
          <button type="button" className="btn btn-sm" onClick={() => void saveCopy()}>
            <Icon name="download" size={14} /> Save a copy…
          </button>
        </div>
        {verification ? (
          <div className={`verify-result ${verification.ok ? 'tone-success' : 'tone-danger'}`} role="status">
            <Icon name={verification.ok ? 'check' : 'alert'} size={14} /> {verification.message}
          </div>
        ) : null}
      </section>
      <EvidencePreviewPanel item={item} />
    </>
  );
}

/** Below the fields: the chain of custody. */
export function EvidenceExtras({ item }: { item: Evidence }) {
  return (
    <>
      <CapturesPanel item={item} />
      <RedactionsPanel item={item} />
      <CustodyPanel item={item} />
    </>
  );
}
