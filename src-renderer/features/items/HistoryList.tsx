import type { HistoryVersion } from '../../../src-main/contract/records';
import { displayText } from '../../components/displayText';
import { formatDate } from '../../components/labels';
import { UntrustedText } from '../../components/UntrustedText';

const META = new Set(['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'hlc', 'deleted_at', 'dedupe_key']);

/** History keeps raw rows, where list fields are JSON text; compare and show them as lists. */
function normalize(value: unknown): unknown {
  if (typeof value === 'string' && value.startsWith('[') && value.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not a list after all: show as written
    }
  }
  return value;
}

/** Longest value shown for one side of a change, in characters as shown. */
const SHOWN_CHARACTERS = 120;

/**
 * One side of a change. Versions are stored text from anyone whose copy was merged in: spelled
 * out and flagged (UntrustedText), on one line, cut without splitting a spelled-out character.
 */
function Value({ raw }: { raw: unknown }) {
  const value = normalize(raw);
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return <>—</>;
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return <UntrustedText text={text} oneLine cutAt={SHOWN_CHARACTERS} what="The value" />;
}

/** Earlier versions, newest first, each with what the next change altered (old → new). */
export function HistoryList({ current, history }: { current: Record<string, unknown>; history: HistoryVersion[] }) {
  return (
    <section className="detail-section" aria-labelledby="history-heading">
      <div className="detail-section-head">
        <h3 id="history-heading">
          History <span className="count">{history.length}</span>
        </h3>
      </div>
      {history.length === 0 ? (
        <p className="muted small">No changes since this was created.</p>
      ) : (
        <ol className="history-list">
          {history.map((version, index) => {
            const newer = index === 0 ? current : (history[index - 1]!.version as Record<string, unknown>);
            const changes = Object.keys({ ...version.version, ...newer })
              .filter((key) => !META.has(key) && JSON.stringify(normalize(version.version[key]) ?? null) !== JSON.stringify(normalize(newer[key]) ?? null));
            return (
              <li key={version.id} className="history-item">
                <div className="history-head">
                  <span className="history-who">
                    <UntrustedText text={version.superseded_by} what="The name" flag="icon" flagFirst />
                  </span>
                  <span className="faint">{formatDate(version.superseded_at)}</span>
                  <span className="badge">{version.reason}</span>
                </div>
                {changes.length ? (
                  <ul className="history-changes">
                    {changes.map((key) => (
                      <li key={key}>
                        <span className="history-field">{displayText(key.replace(/_/g, ' '))}</span>{' '}
                        <span className="history-old">
                          <Value raw={version.version[key]} />
                        </span>{' '}
                        → <span className="history-new">
                          <Value raw={newer[key]} />
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
