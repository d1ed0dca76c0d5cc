import { UntrustedText } from '../../components/UntrustedText';
import type { DetailField } from './ItemKindConfig';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * An item's recorded fields; the ones not recorded yet are listed on one line instead of as a
 * column of dashes, so what is known stands out and what is missing is still visible. A value
 * given as a plain string is stored text (a court, a registrar, maybe from a merged copy): shown
 * through UntrustedText here, so a field needs no wrapping of its own unless it formats the text.
 */
export function FieldList<T>({ fields, item }: { fields: DetailField<T>[]; item: T }) {
  const rendered = fields.map((field) => ({ field, value: field.render(item) }));
  const known = rendered.filter((r) => !isEmpty(r.value));
  const missing = rendered.filter((r) => isEmpty(r.value));
  return (
    <section className="detail-section" aria-label="Fields">
      {known.length ? (
        <dl className="field-list">
          {known.map(({ field, value }) => (
            <div key={field.label} className={`field-row ${field.wide ? 'wide' : ''}`}>
              <dt>{field.label}</dt>
              <dd>{typeof value === 'string' ? <UntrustedText text={value} what={field.label} /> : value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {missing.length ? (
        <p className="not-recorded">
          <span className="faint">Not recorded:</span> {missing.map((m) => m.field.label).join(', ')}
        </p>
      ) : null}
    </section>
  );
}
