import { useId } from 'react';
import { Dialog } from './Dialog';
import { type FieldSpec, RecordForm } from './RecordForm';

/** A RecordForm in a dialog, with Save/Cancel in the footer. */
export function FormDialog({
  title,
  description,
  fields,
  initial,
  mode,
  submitLabel,
  onSubmit,
  onSaved,
  onClose,
  width = 640,
}: {
  title: string;
  description?: string;
  fields: FieldSpec[];
  initial?: Record<string, unknown>;
  mode: 'create' | 'edit';
  submitLabel: string;
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  onSaved: (result: unknown) => void;
  onClose: () => void;
  width?: number;
}) {
  const formId = useId();
  return (
    <Dialog
      title={title}
      description={description}
      onClose={onClose}
      width={width}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn btn-primary">
            {submitLabel}
          </button>
        </>
      }
    >
      <RecordForm id={formId} fields={fields} initial={initial} mode={mode} onSubmit={onSubmit} onSaved={onSaved} />
    </Dialog>
  );
}
