import { useId, useState } from 'react';
import { CLASSIFICATIONS } from '../../../src-main/contract/enums';
import { shellCall, toDossierError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { type FieldSpec, RecordForm } from '../../components/RecordForm';
import { useApp } from '../app/appStore';

const FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Case title', type: 'text', required: true, wide: true, placeholder: 'e.g. Storm-1152 fraudulent account marketplace' },
  { name: 'code_name', label: 'Code name', type: 'text', placeholder: 'STORM-1152' },
  { name: 'classification', label: 'Classification (TLP)', type: 'select', required: true, options: CLASSIFICATIONS, help: 'Who may see this case. Printed on exports.' },
  { name: 'matter_number', label: 'Matter number', type: 'text', mono: true },
  { name: 'docket_number', label: 'Docket number', type: 'text', mono: true },
  { name: 'jurisdiction', label: 'Jurisdiction', type: 'text', wide: true, placeholder: 'e.g. U.S. District Court, S.D.N.Y.' },
  { name: 'summary', label: 'Summary', type: 'textarea' },
];

function fileNameFor(title: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${slug || 'new-case'}.dossier`;
}

/** Names a new case and picks where its .dossier file goes; creating it opens it in this window. */
export function NewCaseDialog({ onClose }: { onClose: () => void }) {
  const createCase = useApp((s) => s.createCase);
  const [path, setPath] = useState<string | null>(null);
  const [pathError, setPathError] = useState<string | null>(null);
  const formId = useId();

  async function choosePath(title: string): Promise<string | null> {
    try {
      const chosen = await shellCall((s) => s.chooseNewCasePath({ suggestedName: fileNameFor(title) }));
      if (chosen) setPath(chosen);
      return chosen;
    } catch (raw) {
      setPathError(toDossierError(raw).message);
      return null;
    }
  }

  return (
    <Dialog
      title="New case"
      description="A case is one file holding all its evidence, records, history and audit log."
      onClose={onClose}
      width={640}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn btn-primary">
            Create case
          </button>
        </>
      }
    >
      <div className="case-location">
        <div className="field-label">Case file</div>
        <div className="case-location-row">
          <span className={`mono break-all ${path ? '' : 'faint'}`}>{path ?? 'Not chosen yet: you will be asked when you create the case.'}</span>
          <button type="button" className="btn btn-sm" onClick={() => void choosePath((document.querySelector<HTMLInputElement>(`form[id="${formId}"] [name="title"]`)?.value ?? '').trim())}>
            <Icon name="folder" size={14} /> Choose…
          </button>
        </div>
        {pathError ? <div className="field-error">{pathError}</div> : null}
      </div>
      <RecordForm
        id={formId}
        fields={FIELDS}
        initial={{ classification: 'TLP:AMBER' }}
        mode="create"
        onSubmit={async (values) => {
          const target = path ?? (await choosePath(String(values.title ?? '')));
          if (!target) return null;
          return createCase(target, values);
        }}
        onSaved={(result) => {
          if (result) onClose();
        }}
      />
    </Dialog>
  );
}
