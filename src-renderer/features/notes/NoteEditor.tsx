import { type FormEvent, useId, useState } from 'react';
import type { Note } from '../../../src-main/contract/records';
import { call, fieldErrors, toDossierError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Markdown } from '../../components/Markdown';

/** Writes a note in Markdown with a live preview (rendered safely: HTML stays text). */
export function NoteEditor({ item, onSaved, onClose }: { item: Note | null; onSaved: (note: Note) => void; onClose: () => void }) {
  const [title, setTitle] = useState(item?.title ?? '');
  const [body, setBody] = useState(item?.body ?? '');
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const id = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    try {
      const saved = item
        ? await call('notes.update', { id: item.id, expectedHlc: item.hlc, patch: { ...(title !== item.title ? { title } : {}), ...(body !== item.body ? { body } : {}) } })
        : await call('notes.create', { title, body });
      onSaved(saved);
    } catch (raw) {
      const error = toDossierError(raw);
      const fields = fieldErrors(error);
      setErrors(fields);
      if (!fields.title && !fields.body) setFormError(error.message);
    }
  }

  return (
    <Dialog
      title={item ? 'Edit note' : 'New note'}
      onClose={onClose}
      width={760}
      footer={
        <>
          <span className="footer-hint muted">Markdown: **bold**, _italic_, lists, `code`, tables. HTML is shown as text.</span>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={id} className="btn btn-primary">
            {item ? 'Save note' : 'Add note'}
          </button>
        </>
      }
    >
      <form id={id} className="note-editor" onSubmit={save} noValidate>
        {formError ? (
          <div className="form-error" role="alert">
            {formError}
          </div>
        ) : null}
        <div className="field">
          <div className="field-label-row">
            <label className="field-label" htmlFor={`${id}-title`}>
              Title
            </label>
            <span className="field-required" aria-hidden="true">*</span>
          </div>
          <input id={`${id}-title`} name="title" aria-required="true" className="input" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={errors.title ? true : undefined} autoFocus />
          {errors.title ? (
            <div className="field-error" role="alert">
              {errors.title}
            </div>
          ) : null}
        </div>
        <div className="tabs" role="tablist" aria-label="Note body">
          <button type="button" role="tab" aria-selected={tab === 'write'} className={`tab ${tab === 'write' ? 'is-active' : ''}`} onClick={() => setTab('write')}>
            Write
          </button>
          <button type="button" role="tab" aria-selected={tab === 'preview'} className={`tab ${tab === 'preview' ? 'is-active' : ''}`} onClick={() => setTab('preview')}>
            Preview
          </button>
        </div>
        {tab === 'write' ? (
          <textarea name="body" aria-label="Note text (Markdown)" className="textarea note-body-input mono" value={body} onChange={(e) => setBody(e.target.value)} aria-invalid={errors.body ? true : undefined} />
        ) : (
          <div className="note-preview" role="tabpanel">
            {body.trim() ? <Markdown source={body} /> : <p className="muted">Nothing to preview.</p>}
          </div>
        )}
        {errors.body ? (
          <div className="field-error" role="alert">
            {errors.body}
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}
