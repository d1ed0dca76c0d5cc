import type { Evidence } from '../../../src-main/contract/records';
import { formatBytes } from '../../components/labels';
import { UntrustedCell } from '../../components/UntrustedCell';

/** All exhibits (the default: every one with stored bytes, by number) or a chosen subset. */
export function ExhibitPicker({
  exhibits,
  chosen,
  onChange,
}: {
  exhibits: Evidence[];
  /** null: all exhibits. */
  chosen: string[] | null;
  onChange: (next: string[] | null) => void;
}) {
  const usable = exhibits.filter((e) => e.content_sha256);
  return (
    <fieldset className="exhibit-picker">
      <legend className="field-label">Exhibits</legend>
      <div className="radio-row">
        <label className="check-label">
          <input type="radio" name="exhibit-scope" checked={chosen === null} onChange={() => onChange(null)} /> All exhibits ({usable.length})
        </label>
        <label className="check-label">
          <input type="radio" name="exhibit-scope" checked={chosen !== null} onChange={() => onChange(usable.map((e) => e.id))} /> Choose exhibits
        </label>
      </div>
      {chosen !== null ? (
        <ul className="check-list" aria-label="Exhibits to include">
          {usable.map((e) => (
            <li key={e.id}>
              <label className="check-label">
                <input
                  type="checkbox"
                  checked={chosen.includes(e.id)}
                  onChange={(event) =>
                    // Keep the case's exhibit order whatever order they were ticked in.
                    onChange(usable.filter((x) => (x.id === e.id ? event.target.checked : chosen.includes(x.id))).map((x) => x.id))
                  }
                />
                <span className="mono">{e.exhibit_label}</span> <UntrustedCell text={e.title} what="The title" />
                <span className="faint small">{formatBytes(e.size_bytes)}</span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
