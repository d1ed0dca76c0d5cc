import { useId, useState } from 'react';
import { keptFor } from '../../../src-main/contract/keptPart';
import { REDACTION_CATEGORIES, REDACTION_CATEGORY_LABELS, type Redaction, type RedactionBox, type RedactionCategory, redactionLabel } from '../../../src-main/contract/redaction';
import type { Evidence } from '../../../src-main/contract/records';
import { call, toDossierError } from '../../api';
import { displayText } from '../../components/displayText';
import { formatDate } from '../../components/labels';
import { UntrustedText } from '../../components/UntrustedText';
import { QueryError } from '../../components/QueryError';
import { useQuery } from '../../data/useQuery';
import { useApp } from '../app/appStore';
import { BoxDrawer } from './BoxDrawer';

/**
 * What the public filing prints in place of the value: in a text the kept part and its label
 * ("XXX-XX-6789 [REDACTED - FRCP 5.2(a)(1)]"); on a page image the burnt-in box carries the label only.
 */
function shownInPublic(kept: string, category: RedactionCategory, inText: boolean): string {
  const label = `[${redactionLabel(category)}]`;
  return inText && kept ? `${kept} ${label}` : label;
}

/**
 * One candidate or decision: what it is, what the public filing keeps, who decided and why. The
 * value and its context are the exhibit's own text, the decider maybe a merged copy's: spelled out.
 */
function RedactionRow({ r, onDecide }: { r: Redaction; onDecide: (r: Redaction, decision: 'accepted' | 'rejected') => void }) {
  const where = r.page !== null ? `page ${r.page}` : 'text';
  return (
    <li className="custody-item" data-testid="redaction-row" data-status={r.status} data-value={r.value ?? ''}>
      <div className="custody-head">
        <strong>{REDACTION_CATEGORY_LABELS[r.category]}</strong>
        <span className="badge">{r.rule ? `FRCP ${r.rule}` : 'personal data'}</span>
        <span className={`badge ${r.status === 'accepted' ? 'tone-success' : r.status === 'rejected' ? '' : 'tone-warning'}`}>{r.status}</span>
        <span className="faint">{where}</span>
      </div>
      <div className="custody-body">
        <span className="mono">{r.value !== null ? <UntrustedText text={r.value} what="The value" /> : r.box ? `box ${r.box.x}, ${r.box.y}, ${r.box.w} × ${r.box.h}` : ''}</span>
        {' → '}
        <span className="mono" aria-label="Kept in the public filing">{displayText(shownInPublic(r.kept, r.category, r.page === null))}</span>
      </div>
      {r.context ? <div className="faint small break-all"><UntrustedText text={r.context} oneLine what="The context" /></div> : null}
      {r.decided_by ? (
        <div className="faint small">
          {r.status} by <UntrustedText text={r.decided_by} what="The name" /> {r.decided_at ? formatDate(r.decided_at) : ''}
          {r.reason ? <> · <UntrustedText text={r.reason} what="The reason" /></> : null}
        </div>
      ) : null}
      <div className="evidence-actions">
        <button type="button" className="btn btn-sm" disabled={r.status === 'accepted'} onClick={() => onDecide(r, 'accepted')} aria-label={`Accept redaction of ${displayText(r.value ?? 'box')}`}>
          Accept
        </button>
        <button type="button" className="btn btn-sm" disabled={r.status === 'rejected'} onClick={() => onDecide(r, 'rejected')} aria-label={`Reject redaction of ${displayText(r.value ?? 'box')}`}>
          Reject
        </button>
      </div>
    </li>
  );
}

/**
 * Rule 5.2 redactions of one exhibit: find identifiers, accept or reject each (the public packet
 * burns in the accepted ones), add a text (typed or selected in the preview) or a box drawn on an
 * image, with a preview of what the public filing keeps.
 */
export function RedactionsPanel({ item }: { item: Evidence }) {
  const changed = useApp((s) => s.changed);
  const id = useId();
  const list = useQuery(['redactions', item.id, item.hlc], ['evidence'], () => call('redact.list', { exhibit: item.id }));
  const rows = list.data ?? [];
  const [text, setText] = useState('');
  const [category, setCategory] = useState<RedactionCategory>('other');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(false);
  const isImage = /^image\/(png|jpeg)$/.test(item.media_type);
  const isPdf = item.media_type === 'application/pdf';

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      changed(['evidence']);
      list.reload();
    } catch (raw) {
      setError(toDossierError(raw).message);
    }
  }

  const scan = () =>
    run(async () => {
      const report = await call('redact.scan', { exhibits: [item.id] });
      // A PDF with pages that have no text layer is scanned and says which pages it could not read.
      const unread = report.notScanned[0]?.reason;
      setMessage(report.exhibitsScanned === 0 && unread ? unread : `${report.found} identifier(s) found, ${report.added} new to review.${unread ? ` Not read: ${unread}.` : ''}`);
    });
  const decide = (r: Redaction, decision: 'accepted' | 'rejected') => run(() => call('redact.decide', { id: r.id, decision }));
  const addText = () =>
    run(async () => {
      await call('redact.add', { exhibit: item.id, text, category, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setText('');
      setReason('');
    });
  const addBox = (box: RedactionBox, page: number) =>
    run(async () => {
      await call('redact.add', { exhibit: item.id, page, box, category, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    });
  const pending = rows.filter((r) => r.status === 'pending').length;

  return (
    <section className="detail-section" aria-labelledby={`${id}-h`} data-testid="redactions-panel">
      <div className="detail-section-head">
        <h3 id={`${id}-h`}>
          Redactions (Fed. R. Civ. P. 5.2) <span className="count">{rows.length}</span>
        </h3>
        {pending > 0 ? <span className="badge tone-warning">{pending} to review</span> : null}
      </div>
      <div className="evidence-actions">
        <button type="button" className="btn btn-sm" onClick={() => void scan()}>
          Find identifiers
        </button>
        {isImage || isPdf ? (
          <button type="button" className="btn btn-sm" aria-pressed={drawing} onClick={() => setDrawing((d) => !d)}>
            {drawing ? 'Done drawing' : 'Draw a box'}
          </button>
        ) : null}
      </div>
      {message ? <p className="faint small" role="status">{message}</p> : null}
      <QueryError what="the redactions" error={list.error} />
      {drawing ? (
        <BoxDrawer
          item={item}
          pdf={isPdf}
          existing={rows.filter((r) => r.box && r.page !== null && r.status === 'accepted').map((r) => ({ page: r.page!, box: r.box! }))}
          onBox={(box, page) => void addBox(box, page)}
        />
      ) : null}
      <ol className="custody-list">
        {rows.map((r) => (
          <RedactionRow key={r.id} r={r} onDecide={(row, d) => void decide(row, d)} />
        ))}
      </ol>
      <div className="status-form" role="group" aria-label="Redact a text">
        <input className="input status-note" aria-label="Text to redact" placeholder="Text to redact (or select it in the preview)" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="button" className="btn btn-sm" onClick={() => setText(window.getSelection()?.toString().trim() ?? '')}>
          Use selection
        </button>
        <select className="select" aria-label="Redaction category" value={category} onChange={(e) => setCategory(e.target.value as RedactionCategory)}>
          {REDACTION_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {REDACTION_CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
        <input className="input" aria-label="Why" placeholder="Why…" value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="button" className="btn btn-sm" disabled={!text} onClick={() => void addText()}>
          Redact text
        </button>
      </div>
      {text ? (
        <p className="faint small" data-testid="kept-preview">
          The public filing shows: <span className="mono">{shownInPublic(keptFor(category, text), category, true)}</span>
        </p>
      ) : null}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </section>
  );
}
