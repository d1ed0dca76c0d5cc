import type { ProductionSummary } from '../../../src-main/contract/DossierApi';

/** The case's productions (frozen Bates numbers), each re-exportable as the same files. */
export function ProductionList({ productions, onReexport }: { productions: ProductionSummary[]; onReexport: (p: ProductionSummary) => void }) {
  if (productions.length === 0) return null;
  return (
    <div className="field">
      <span className="field-label">Productions so far</span>
      <table className="data-table" aria-label="Productions">
        <thead>
          <tr>
            <th>Bates</th>
            <th className="num">Exhibits</th>
            <th>Cut-off</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {productions.map((p) => (
            <tr key={p.id}>
              <td className="mono">
                {p.batesFirst} – {p.batesLast}
                {p.draft ? ' (draft)' : ''}
              </td>
              <td className="num tabular">{p.exhibitIds.length}</td>
              <td className="tabular">{p.cutoffAt.slice(0, 16).replace('T', ' ')}</td>
              <td>
                <button type="button" className="btn btn-sm" onClick={() => onReexport(p)} aria-label={`Re-export ${p.batesFirst}`}>
                  Re-export…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
