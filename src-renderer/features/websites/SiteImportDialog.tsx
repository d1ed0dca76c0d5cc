import { useState } from 'react';
import type { SiteImportReport } from '../../../src-main/contract/SiteImportReport';
import { call, toDossierError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { LabeledField } from '../../components/LabeledField';
import { QueryError } from '../../components/QueryError';
import { TaskProgress } from '../../components/TaskProgress';
import { listItems } from '../../data/listItems';
import { useQuery } from '../../data/useQuery';
import { useApp } from '../app/appStore';
import { useDialogTask } from '../tasks/useDialogTask';
import { SiteImportReportView } from './SiteImportReportView';

/** Fields a column can map to (src-main/websites/siteFields; `dossier site import --map`). */
const FIELDS = 'site (or url, domain), status, registrar, registrar_iana_id, registry, registrant, name_servers, ips, hosting_provider, asn, role, notes, first_seen, last_seen';

type Step = { at: 'mapping'; path: string } | { at: 'importing'; path: string } | { at: 'done'; report: SiteImportReport };

/** Websites > Import CSV…: pick a list, map columns and an order, import with progress, read the report. */
export function SiteImportDialog({ path, onClose }: { path: string; onClose: () => void }) {
  const changed = useApp((s) => s.changed);
  const [step, setStep] = useState<Step>({ at: 'mapping', path });
  const [format, setFormat] = useState<'' | 'csv' | 'text'>('');
  const [mappings, setMappings] = useState('');
  const [orderId, setOrderId] = useState('');
  const ordersQuery = useQuery(['orders', 1000], ['order'], () => listItems({ kind: 'order', limit: 1000 }));
  const orders = ordersQuery.data?.items ?? [];
  const [error, setError] = useState<string | null>(null);
  const task = useDialogTask();


  async function runImport() {
    const map = mappings
      .split(/\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    setError(null);
    setStep({ at: 'importing', path });
    try {
      const report = await task.run(`Importing ${path.split(/[\\/]/).pop()}`, (taskId) =>
        call('websites.import', { path, taskId, ...(map.length ? { map } : {}), ...(format ? { format } : {}), ...(orderId ? { orderId } : {}) }),
      );
      setStep({ at: 'done', report });
      changed(['website', 'links'], { rows: true });
    } catch (raw) {
      setError(toDossierError(raw).message);
      setStep({ at: 'mapping', path });
    }
  }

  if (step.at === 'done') {
    return (
      <Dialog
        title="Import finished"
        onClose={onClose}
        width={760}
        footer={
          <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
            Done
          </button>
        }
      >
        <SiteImportReportView report={step.report} />
      </Dialog>
    );
  }
  const fileName = step.path.split(/[\\/]/).pop();
  return (
    <Dialog
      title="Import websites"
      description={
        <>
          From <span className="mono">{fileName}</span>. Good rows are imported; every bad row is reported with its row number.
        </>
      }
      onClose={step.at === 'importing' ? () => {} : onClose}
      width={640}
      footer={
        step.at === 'importing' ? null : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void runImport()}>
              <Icon name="upload" size={14} /> Import
            </button>
          </>
        )
      }
    >
      {step.at === 'importing' ? (
        <TaskProgress taskId={task.taskId} label={`Importing ${fileName}`} />
      ) : (
        <div className="form-grid">
          <QueryError what="the orders" error={ordersQuery.error} />
          {error ? (
            <div className="form-error span-2 pre-wrap" role="alert">
              {error}
            </div>
          ) : null}
          <LabeledField label="Format">
            <select className="select" value={format} onChange={(e) => setFormat(e.target.value as '' | 'csv' | 'text')}>
              <option value="">Detect</option>
              <option value="csv">CSV with a header row</option>
              <option value="text">Plain list, one site per line</option>
            </select>
          </LabeledField>
          <LabeledField label="Link every site to order" help="The order's appendix then lists them.">
            <select className="select" value={orderId} onChange={(e) => setOrderId(e.target.value)}>
              <option value="">No order</option>
              {orders.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title} ({o.docket})
                </option>
              ))}
            </select>
          </LabeledField>
          <LabeledField label="Column mappings" help={`One per line, column=field, for headers Dossier does not recognise. Fields: ${FIELDS}.`} wide>
            <textarea className="textarea mono" rows={4} spellCheck={false} placeholder={'Domain Name=site\nSponsoring Registrar=registrar'} value={mappings} onChange={(e) => setMappings(e.target.value)} />
          </LabeledField>
        </div>
      )}
    </Dialog>
  );
}
