import { useState } from 'react';
import type { PacketExportSummary, PacketRequestOptions, ProductionSummary } from '../../../src-main/contract/DossierApi';
import { call, shellCall, toDossierError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { displayText } from '../../components/displayText';
import { Icon } from '../../components/Icon';
import { LabeledField } from '../../components/LabeledField';
import { QueryError } from '../../components/QueryError';
import { TaskProgress } from '../../components/TaskProgress';
import { listItems } from '../../data/listItems';
import { useQuery } from '../../data/useQuery';
import { useApp } from '../app/appStore';
import { useDialogTask } from '../tasks/useDialogTask';
import { CaseCheckGateNotice } from '../audit/CaseCheckGateNotice';
import { useCaseCheckGate } from '../audit/useCaseCheckGate';
import { ExhibitPicker } from './ExhibitPicker';
import { batesPreview, initialPacketForm, type PacketForm, packetOptions } from './packetForm';
import { PacketProblems, type Problem } from './PacketProblems';
import { PacketSummary } from './PacketSummary';
import { ProductionList } from './ProductionList';
import { SectionList } from './SectionList';
import { SignatureImageField } from './SignatureImageField';

type Step = { at: 'form' } | { at: 'exporting' } | { at: 'done'; summary: PacketExportSummary };

function fileNameFor(title: string): string {
  const base = title.replace(/[^A-Za-z0-9 _.-]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'packet';
  return `${base}-packet.pdf`;
}

/** File > Export Filing Packet: choose profile, sections, exhibits, Bates and declarant; check; export. */
export function PacketDialog({ onClose }: { onClose: () => void }) {
  const summary = useApp((s) => s.summary)!;
  const changed = useApp((s) => s.changed);
  const [form, setForm] = useState<PacketForm>(() => initialPacketForm(summary.info.code_name));
  const profilesQuery = useQuery(['packet.profiles'], [], () => call('packet.profiles', {}));
  const ordersQuery = useQuery(['orders', 1000], ['order'], () => listItems({ kind: 'order', limit: 1000 }));
  const productionsQuery = useQuery(['packet.productions'], ['evidence'], () => call('packet.productions', {}));
  const exhibitsQuery = useQuery(['exhibits', 1000], ['evidence'], () => listItems({ kind: 'evidence', limit: 1000, sort: 'exhibit', direction: 'asc' }));
  const profiles = profilesQuery.data ?? [];
  const orders = ordersQuery.data?.items ?? [];
  const exhibits = exhibitsQuery.data?.items ?? [];
  const loadError = profilesQuery.error ?? ordersQuery.error ?? exhibitsQuery.error;
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ at: 'form' });
  const task = useDialogTask();
  // The packet certifies the case: it is refused here, before a file is chosen, when the case fails its checks.
  const gate = useCaseCheckGate();

  const set = <K extends keyof PacketForm>(key: K, value: PacketForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setProblems(null);
  };
  const text = (key: 'title' | 'date' | 'batesPrefix' | 'batesStart' | 'batesPadding' | 'declarantName' | 'declarantRole' | 'declarantPlace') => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });

  async function check() {
    setChecking(true);
    setError(null);
    try {
      setProblems(await call('packet.check', { options: packetOptions(form), caseCheck: false }));
    } catch (raw) {
      setError(toDossierError(raw).message);
    } finally {
      setChecking(false);
    }
  }

  async function exportPacket(options: PacketRequestOptions = packetOptions(form)) {
    setError(null);
    try {
      const outPath = await shellCall((s) => s.chooseSavePath({ purpose: 'packet', suggestedName: fileNameFor(summary.info.code_name ?? summary.info.title) }));
      if (!outPath) return;
      setStep({ at: 'exporting' });
      const result = await task.run('Exporting filing packet', (taskId) => call('packet.export', { outPath, options, taskId, overwrite: true, ...(gate.forced ? { force: true } : {}) }));
      setStep({ at: 'done', summary: result });
      changed(['evidence']);
    } catch (raw) {
      const e = toDossierError(raw);
      setStep({ at: 'form' });
      setError(e.code === 'CANCELLED' ? 'Export cancelled; no packet was written.' : e.message);
      // The case changed since the dialog checked it: show the findings, not only the one line.
      if (e.code === 'CASE_CHECK_FAILED') gate.rerun();
    }
  }

  const profile = profiles.find((p) => p.name === form.profile);
  const blocking = problems?.some((p) => p.severity === 'error') ?? false;

  if (step.at === 'done') {
    const first = step.summary.volumes[0]?.path;
    return (
      <Dialog
        title="Packet exported"
        onClose={onClose}
        width={760}
        footer={
          <>
            {first ? (
              <button type="button" className="btn" onClick={() => void shellCall((s) => s.showInFolder({ path: first }))}>
                <Icon name="folder" size={14} /> Show in folder
              </button>
            ) : null}
            <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
              Done
            </button>
          </>
        }
      >
        <PacketSummary summary={step.summary} />
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Export filing packet"
      description="A PDF with declaration, exhibit index, appendix and exhibits, Bates-numbered on every page."
      onClose={step.at === 'exporting' ? () => {} : onClose}
      width={820}
      className="packet-dialog"
      footer={
        step.at === 'exporting' ? null : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn" onClick={() => void check()} disabled={checking}>
              <Icon name="check" size={14} /> {checking ? 'Checking…' : 'Check'}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void exportPacket()} disabled={!gate.allowed}>
              <Icon name="packet" size={14} /> Export…
            </button>
          </>
        )
      }
    >
      {step.at === 'exporting' ? (
        <TaskProgress taskId={task.taskId} label="Exporting filing packet" />
      ) : (
        <div className="packet-form">
          <QueryError what="the orders, exhibits and profiles" error={loadError} />
          {error ? (
            <div className="form-error pre-wrap" role="alert">
              {error}
            </div>
          ) : null}
          <CaseCheckGateNotice
            gate={gate}
            action="export a filing packet"
            forceLabel="Export anyway: the packet's audit page will state that the case failed its checks, and why"
            command="dossier packet"
          />
          {problems ? <PacketProblems problems={problems} blocking={blocking} /> : null}
          <div className="packet-columns">
            <div className="form-grid">
              <LabeledField label="Court profile" help={profile?.description} wide>
                <select className="select" value={form.profile} onChange={(e) => set('profile', e.target.value)}>
                  {profiles.map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </LabeledField>
              <LabeledField label="Title" wide>
                <input className="input" placeholder={`Declaration and Exhibits: ${displayText(summary.info.title)}`} {...text('title')} />
              </LabeledField>
              <LabeledField label="Order for Appendix A" help="Its covered domains make the appendix." wide>
                <select className="select" value={form.orderId} onChange={(e) => set('orderId', e.target.value)}>
                  <option value="">No appendix</option>
                  {orders.map((o) => (
                    <option key={o.id} value={o.id}>
                      {displayText(`${o.title} (${o.docket})`)}
                    </option>
                  ))}
                </select>
              </LabeledField>
              <LabeledField label="Bates prefix">
                <input className="input mono" spellCheck={false} {...text('batesPrefix')} />
              </LabeledField>
              <div className="bates-numbers">
                <LabeledField label="Start">
                  <input className="input mono" inputMode="numeric" {...text('batesStart')} />
                </LabeledField>
                <LabeledField label="Digits">
                  <input className="input mono" inputMode="numeric" {...text('batesPadding')} />
                </LabeledField>
              </div>
              <p className="field-help span-2">
                First page: <span className="mono">{batesPreview(form)}</span>
              </p>
              <LabeledField label="Execution date" help="Leave empty for today. Never before the newest fact the declaration certifies." wide>
                <input className="input" type="date" {...text('date')} />
              </LabeledField>
              <LabeledField label="Layout" help="ECF: the declaration as the main PDF and one PDF per exhibit with an attachment list." wide>
                <select className="select" value={form.layout} onChange={(e) => set('layout', e.target.value as PacketForm['layout'])}>
                  <option value="">As the profile says</option>
                  <option value="ecf">ECF: main document + one PDF per exhibit</option>
                  <option value="combined">Combined: one PDF</option>
                </select>
              </LabeledField>
              <label className="check-label span-2">
                <input type="checkbox" checked={form.renumber} onChange={(e) => set('renumber', e.target.checked)} /> Number the chosen exhibits 1..N in this filing
              </label>
              <label className="check-label span-2">
                <input type="checkbox" checked={form.draft} onChange={(e) => set('draft', e.target.checked)} /> Draft: DRAFT on every page, uses no Bates numbers
              </label>
              <LabeledField label="Declarant name">
                <input className="input" placeholder="Jane Roe" {...text('declarantName')} />
              </LabeledField>
              <LabeledField label="Declarant role">
                <input className="input" placeholder="Senior Investigator" {...text('declarantRole')} />
              </LabeledField>
              <LabeledField label="Place of signing" wide>
                <input className="input" placeholder="Redmond, Washington" {...text('declarantPlace')} />
              </LabeledField>
              <SignatureImageField path={form.signatureImage} onChange={(next) => set('signatureImage', next)} onError={setError} />
            </div>
            <div className="packet-side">
              <div className="field">
                <span className="field-label">Sections, in order</span>
                <SectionList sections={form.sections} onChange={(next) => set('sections', next)} appendixDisabled={!form.orderId} />
              </div>
              <ExhibitPicker exhibits={exhibits} chosen={form.exhibitIds} onChange={(next) => set('exhibitIds', next)} />
              <ProductionList productions={productionsQuery.data ?? []} onReexport={(p: ProductionSummary) => void exportPacket({ productionId: p.id })} />
            </div>
          </div>
        </div>
      )}
    </Dialog>
  );
}
