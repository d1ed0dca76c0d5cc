import { type FormEvent, useId, useRef, useState } from 'react';
import { fieldErrors, toDossierError } from '../api';
import { enumLabel } from './labels';

export type FieldType = 'text' | 'textarea' | 'select' | 'date' | 'list' | 'email';

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: readonly string[];
  placeholder?: string;
  help?: string;
  wide?: boolean;
  mono?: boolean;
  /** Only asked when creating (e.g. a website's address cannot change later). */
  createOnly?: boolean;
}

type Values = Record<string, string>;

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('\n');
  return String(value);
}

function fromText(spec: FieldSpec, text: string): unknown {
  if (spec.type === 'list') return text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
  return text;
}

/**
 * A form over the contract: values go to the server as typed, and the server's validation
 * (DossierError INVALID_REQUEST, details.fields) decides. Its message appears under each field,
 * so the UI and the CLI can never disagree about what is valid.
 * Creating sends only filled-in fields; editing sends only the fields that changed.
 */
export function RecordForm({
  id,
  fields,
  initial,
  mode,
  onSubmit,
  onSaved,
}: {
  id: string;
  fields: FieldSpec[];
  initial?: Record<string, unknown>;
  mode: 'create' | 'edit';
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  onSaved: (result: unknown) => void;
}) {
  const visible = fields.filter((f) => mode === 'create' || !f.createOnly);
  const start = useRef<Values>(Object.fromEntries(visible.map((f) => [f.name, toText(initial?.[f.name] ?? (f.type === 'select' && f.required ? f.options?.[0] : ''))])));
  const [values, setValues] = useState<Values>(start.current);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const baseId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const payload: Record<string, unknown> = {};
    for (const spec of visible) {
      const text = values[spec.name] ?? '';
      if (mode === 'create' && text.trim() === '' && !spec.required) continue;
      if (mode === 'edit' && text === start.current[spec.name]) continue;
      payload[spec.name] = fromText(spec, text);
    }
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      const result = await onSubmit(payload);
      onSaved(result);
    } catch (raw) {
      const error = toDossierError(raw);
      const byField = fieldErrors(error);
      const shown = Object.fromEntries(Object.entries(byField).filter(([name]) => visible.some((f) => f.name === name)));
      setErrors(shown);
      if (Object.keys(shown).length === 0) setFormError(error.message);
      else {
        const first = visible.find((f) => shown[f.name]);
        if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first.name}"]`)?.focus();
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form id={id} ref={formRef} className="form-grid" onSubmit={submit} noValidate aria-busy={saving}>
      {formError ? (
        <div className="form-error span-2" role="alert">
          {formError}
        </div>
      ) : null}
      {visible.map((spec) => {
        const inputId = `${baseId}-${spec.name}`;
        const error = errors[spec.name];
        const common = {
          id: inputId,
          name: spec.name,
          value: values[spec.name] ?? '',
          'aria-invalid': error ? true : undefined,
          'aria-required': spec.required ? true : undefined,
          'aria-describedby': error ? `${inputId}-error` : spec.help ? `${inputId}-help` : undefined,
          onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [spec.name]: e.target.value })),
        } as const;
        return (
          <div key={spec.name} className={`field ${spec.wide || spec.type === 'textarea' || spec.type === 'list' ? 'span-2' : ''}`}>
            <div className="field-label-row">
              <label className="field-label" htmlFor={inputId}>
                {spec.label}
              </label>
              {spec.required ? <span className="field-required" aria-hidden="true">*</span> : null}
            </div>
            {spec.type === 'textarea' || spec.type === 'list' ? (
              <textarea className={`textarea ${spec.mono ? 'mono' : ''}`} placeholder={spec.placeholder} rows={spec.type === 'list' ? 3 : 4} {...common} />
            ) : spec.type === 'select' ? (
              <select className="select" {...common}>
                {spec.required ? null : <option value="">—</option>}
                {spec.options?.map((option) => (
                  <option key={option} value={option}>
                    {enumLabel(option)}
                  </option>
                ))}
              </select>
            ) : (
              <input
                className={`input ${spec.mono ? 'mono' : ''}`}
                type={spec.type === 'date' ? 'date' : spec.type === 'email' ? 'email' : 'text'}
                placeholder={spec.placeholder}
                autoComplete="off"
                spellCheck={spec.mono ? false : undefined}
                {...common}
              />
            )}
            {error ? (
              <div id={`${inputId}-error`} className="field-error" role="alert">
                {error}
              </div>
            ) : spec.help ? (
              <div id={`${inputId}-help`} className="field-help">
                {spec.help}
              </div>
            ) : null}
          </div>
        );
      })}
    </form>
  );
}
