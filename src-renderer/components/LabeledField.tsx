import { type ReactElement, type ReactNode, cloneElement, useId } from 'react';

/** A label, one control and its help or error text, wired for screen readers. */
export function LabeledField({
  label,
  help,
  error,
  wide,
  children,
}: {
  label: string;
  help?: ReactNode;
  error?: string | null;
  wide?: boolean;
  children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>;
}) {
  const id = useId();
  const noteId = `${id}-note`;
  const control = cloneElement(children, { id, 'aria-describedby': error || help ? noteId : undefined, 'aria-invalid': error ? true : undefined });
  return (
    <div className={`field ${wide ? 'span-2' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {control}
      {error ? (
        <div id={noteId} className="field-error" role="alert">
          {error}
        </div>
      ) : help ? (
        <div id={noteId} className="field-help">
          {help}
        </div>
      ) : null}
    </div>
  );
}
