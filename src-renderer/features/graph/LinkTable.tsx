import { UntrustedText } from '../../components/UntrustedText';
import type { PlacedEdge, PlacedNode } from './layoutGraph';

/**
 * The graph's links as a table: the same facts for screen readers, keyboards and anyone who
 * prefers rows. Titles and relations may come from a merged copy: shown through UntrustedText.
 */
export function LinkTable({ edges, onOpen }: { edges: readonly PlacedEdge[]; onOpen: (node: PlacedNode) => void }) {
  const open = (node: PlacedNode) => (
    <button type="button" className="linked-open" onClick={() => onOpen(node)}>
      <span className={`kind-dot kind-${node.kind}`} aria-hidden="true" />
      <span className="linked-title">
        <UntrustedText text={node.title} what="The title" />
      </span>
    </button>
  );
  return (
    <div className="scroll-view link-table">
      <table className="data-table" aria-label="Links">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Relation</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((edge) => (
            <tr key={edge.id}>
              <td>{open(edge.source)}</td>
              <td>
                <UntrustedText text={edge.relation} what="The relation" />
              </td>
              <td>{open(edge.target)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
