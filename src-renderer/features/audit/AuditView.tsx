import { useLayoutEffect } from 'react';
import type { AuditPageEntry } from '../../../src-main/contract/DossierApi';
import { ITEM_KINDS, type ItemKind } from '../../../src-main/contract/enums';
import { Icon } from '../../components/Icon';
import { formatCount, formatDate } from '../../components/labels';
import { UntrustedCell } from '../../components/UntrustedCell';
import { UntrustedText } from '../../components/UntrustedText';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { displayText } from '../../components/displayText';
import { ALL_TOPICS, useTopicsVersion } from '../../data/invalidation';
import { useApp } from '../app/appStore';
import { auditList, useAuditVerify } from './auditStore';
import { CaseCheckPanel } from './CaseCheckPanel';

const columns: Column<AuditPageEntry>[] = [
  { key: 'at', label: 'When', width: '170px', render: (e) => <span className="tabular">{formatDate(e.at)}</span> },
  { key: 'actor', priority: 2, label: 'Who', width: 'minmax(120px, 1fr)', render: (e) => <UntrustedCell text={e.actor} what="The name" /> },
  { key: 'action', label: 'Action', width: 'minmax(150px, 1.2fr)', render: (e) => <UntrustedCell text={e.action} what="The action" className="mono truncate" /> },
  {
    key: 'record',
      priority: 2,
    label: 'Record',
    width: 'minmax(140px, 1fr)',
    render: (e) =>
      e.record_kind ? (
        <span className="cell-main">
          <span className={`kind-dot kind-${e.record_kind}`} aria-hidden="true" />
          <span className="truncate">
            {displayText(e.record_kind)} <span className="mono faint">{displayText(e.record_id?.slice(-8) ?? '')}</span>
          </span>
        </span>
      ) : (
        <span className="faint">—</span>
      ),
  },
  { key: 'seq', priority: 3, label: 'Chain · seq', width: '150px', render: (e) => <span className="mono faint truncate" title={displayText(e.chain)}>{`${displayText(e.chain)} · ${e.seq}`}</span> },
  { key: 'hash', priority: 3, label: 'Entry hash', width: '150px', render: (e) => <span className="mono faint">{`${e.hash.slice(0, 16)}…`}</span> },
];

/** Every change ever made to the case, newest first, and a check that the hash chains are unbroken. */
export function AuditView() {
  // Every change appends to the log, so any topic makes it stale.
  const revision = useTopicsVersion(ALL_TOPICS);
  const openItem = useApp((s) => s.openItem);
  const reload = auditList((s) => s.reload);
  const { report, running, error, verify, reset } = useAuditVerify();
  // A verification result describes the log as it was; any change makes it stale.
  useLayoutEffect(() => reset(), [revision, reset]);
  // Before paint: never show a moment of another case's rows (these lists outlive a case).
  useLayoutEffect(() => {
    reload();
  }, [revision, reload]);

  return (
    <div className="items-view">
      <div className="items-main">
        <header className="view-header">
          <div className="view-title">
            <h1>Audit log</h1>
            <span className="muted small">Append-only. Each entry's hash covers the one before it.</span>
          </div>
          <div className="view-tools">
            <button type="button" className="btn btn-primary" onClick={() => void verify()} disabled={running}>
              <Icon name="audit" size={14} /> {running ? 'Verifying…' : 'Verify audit chain'}
            </button>
          </div>
        </header>
        <CaseCheckPanel />
        {error ? (
          <div className="banner tone-danger" role="alert">
            {error}
          </div>
        ) : null}
        {report ? (
          <div className={`banner ${report.ok ? 'tone-success' : 'tone-danger'}`} role="status">
            <Icon name={report.ok ? 'check' : 'alert'} size={16} />
            <div>
              <strong>
                {report.ok
                  ? `Audit chain intact: ${formatCount(report.entriesChecked)} entries checked.`
                  : report.firstBreak
                    ? displayText(`Audit chain broken at ${report.firstBreak.chain.slice(0, 8)} #${report.firstBreak.seq}: ${report.firstBreak.reason}`)
                    : `Audit chain cut back: ${report.behind ?? ''}`}
              </strong>
              <div className="banner-detail">
                {report.restores.map((restore) => (
                  <div key={restore}>
                    Restored: <UntrustedText text={restore} what="The restore" />
                  </div>
                ))}
                {report.chains.map((c) => (
                  <div key={c.chain} className="mono">
                    chain {c.chain.slice(0, 12)} · {c.length} entries · head {c.headHash.slice(0, 24)}…
                  </div>
                ))}
              </div>
            </div>
          </div>
        ) : null}
        <VirtualTable
          store={auditList}
          columns={columns}
          rowId={(e) => `${e.chain}:${e.seq}`}
          selectedId={null}
          onSelect={(e) => {
            if (e.record_id && (ITEM_KINDS as readonly string[]).includes(e.record_kind ?? '')) openItem(e.record_kind as ItemKind, e.record_id);
          }}
          label="Audit log"
          empty={<div className="empty-state">No audit entries.</div>}
        />
      </div>
    </div>
  );
}
