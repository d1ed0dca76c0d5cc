import { useState } from 'react';
import type { Counsel, FilingCaption, Party } from '../../../src-main/contract/filingCaption';
import { call, toDossierError } from '../../api';
import { Dialog } from '../../components/Dialog';
import type { ReactNode } from 'react';
import { displayText, hasHiddenCharacters } from '../../components/displayText';
import { LabeledField } from '../../components/LabeledField';
import { HiddenCharactersFlag } from '../../components/UntrustedText';

/**
 * A field's help, or, when its stored value holds characters that reorder or hide how it is shown
 * (a caption merged from a teammate's copy, or from before the caption was checked for them), that
 * value spelled out: the box itself must show the value as it is, so that saving keeps it.
 */
function helpFor(value: string, help?: string): ReactNode {
  if (!hasHiddenCharacters(value, { multiline: true })) return help;
  return (
    <>
      {help ? `${help} ` : null}
      <HiddenCharactersFlag what="The value" /> As stored: <span className="mono">{displayText(value, { oneLine: true })}</span>
    </>
  );
}

/** The caption's fields as typed: parties one per line, one counsel (more through the CLI, kept as they are). */
interface CaptionForm {
  court: string;
  judge: string;
  judgeInitials: string;
  plaintiffs: string;
  defendants: string;
  counsel: Record<keyof Counsel, string>;
}

const COUNSEL_FIELDS: [keyof Counsel, string][] = [
  ['name', 'Counsel name'],
  ['firm', 'Firm'],
  ['address', 'Address'],
  ['phone', 'Telephone'],
  ['email', 'E-mail'],
  ['barNumber', 'Bar number'],
  ['representing', 'Representing'],
];

function toForm(c: FilingCaption): CaptionForm {
  const names = (roles: Party['role'][]) => c.parties.filter((p) => roles.includes(p.role)).map((p) => p.name).join('\n');
  const first = c.counsel[0];
  return {
    court: c.court ?? '',
    judge: c.judge ?? '',
    judgeInitials: c.judgeInitials ?? '',
    plaintiffs: names(['plaintiff', 'petitioner']),
    defendants: names(['defendant', 'respondent']),
    counsel: Object.fromEntries(COUNSEL_FIELDS.map(([k]) => [k, first?.[k] ?? ''])) as Record<keyof Counsel, string>,
  };
}

/** The patch for caption.update: blank fields are cleared; the server checks every field and names a bad one. */
function toPatch(form: CaptionForm, current: FilingCaption): Partial<FilingCaption> {
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  const counsel = Object.fromEntries(Object.entries(form.counsel).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()])) as Counsel;
  return {
    court: form.court.trim() || null,
    judge: form.judge.trim() || null,
    judgeInitials: form.judgeInitials.trim() || null,
    parties: [...lines(form.plaintiffs).map((name) => ({ role: 'plaintiff' as const, name })), ...lines(form.defendants).map((name) => ({ role: 'defendant' as const, name }))],
    counsel: counsel.name ? [counsel, ...current.counsel.slice(1)] : current.counsel.slice(1),
  };
}

/** Case details > Filing caption: court, judge, parties and counsel that every filing of the case carries. */
export function CaptionDialog({ caption, onSaved, onClose }: { caption: FilingCaption; onSaved: () => void; onClose: () => void }) {
  const [form, setForm] = useState<CaptionForm>(() => toForm(caption));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = (key: 'court' | 'judge' | 'judgeInitials' | 'plaintiffs' | 'defendants') => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });

  async function save() {
    setSaving(true);
    setError(null);
    try {
      await call('caption.update', { patch: toPatch(form, caption) });
      onSaved();
    } catch (raw) {
      setError(toDossierError(raw).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog
      title="Filing caption"
      description="The caption on the cover and the declaration, and counsel's signature block."
      onClose={onClose}
      width={760}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={saving}>
            Save caption
          </button>
        </>
      }
    >
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="form-grid">
        <LabeledField label="Court" help={helpFor(form.court, 'One line per line of the caption, e.g. United States District Court / Southern District of New York.')} wide>
          <textarea className="textarea" rows={2} {...field('court')} />
        </LabeledField>
        <LabeledField label="Judge" help={helpFor(form.judge)}>
          <input className="input" {...field('judge')} />
        </LabeledField>
        <LabeledField label="Judge's initials" help={helpFor(form.judgeInitials, 'Added to the docket number, e.g. (PAE).')}>
          <input className="input mono" {...field('judgeInitials')} />
        </LabeledField>
        <LabeledField label="Plaintiffs" help={helpFor(form.plaintiffs, 'One per line, as the caption prints them.')}>
          <textarea className="textarea" rows={3} {...field('plaintiffs')} />
        </LabeledField>
        <LabeledField label="Defendants" help={helpFor(form.defendants, 'One per line, e.g. "John Does 1-2".')}>
          <textarea className="textarea" rows={3} {...field('defendants')} />
        </LabeledField>
        {COUNSEL_FIELDS.map(([key, label]) => (
          <LabeledField key={key} label={label} help={helpFor(form.counsel[key])} wide={key === 'address' || key === 'representing'}>
            {key === 'address' ? (
              <textarea className="textarea" rows={2} value={form.counsel[key]} onChange={(e) => setForm((f) => ({ ...f, counsel: { ...f.counsel, [key]: e.target.value } }))} />
            ) : (
              <input className="input" value={form.counsel[key]} onChange={(e) => setForm((f) => ({ ...f, counsel: { ...f.counsel, [key]: e.target.value } }))} />
            )}
          </LabeledField>
        ))}
      </div>
    </Dialog>
  );
}
