import type { GraphData } from '../../../src-main/contract/DossierApi';
import { ITEM_KINDS, type ItemKind } from '../../../src-main/contract/enums';
import { displayText } from '../../components/displayText';
import { formatCount, KIND_PLURAL } from '../../components/labels';

/** The graph's link filter: one relation and/or one kind of item at either end ('' = any). */
export interface GraphLinkFilter {
  relation: string;
  kind: ItemKind | '';
}

/**
 * Chooses which links the graph draws when a case has more than it can show: by relation
 * (with the case's count of each) and by the kind of item at either end. The server applies it.
 */
export function GraphLinkFilters({
  filter,
  relations,
  onChange,
}: {
  filter: GraphLinkFilter;
  relations: GraphData['relations'];
  onChange: (filter: GraphLinkFilter) => void;
}) {
  return (
    <div className="graph-filters" role="group" aria-label="Which links to show">
      <label>
        Relation{' '}
        <select className="select" value={filter.relation} onChange={(e) => onChange({ ...filter, relation: e.target.value })}>
          <option value="">Any relation</option>
          {/* An <option> holds only a string: the relation (free text, maybe from a merged copy) spelled out. */}
          {relations.map((r) => (
            <option key={r.relation} value={r.relation}>
              {`${displayText(r.relation)} (${formatCount(r.count)})`}
            </option>
          ))}
        </select>
      </label>
      <label>
        Touching{' '}
        <select className="select" value={filter.kind} onChange={(e) => onChange({ ...filter, kind: e.target.value as ItemKind | '' })}>
          <option value="">Any item</option>
          {ITEM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_PLURAL[kind]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
