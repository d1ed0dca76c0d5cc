import { create } from 'zustand';
import type { AnyItem } from '../../../src-main/contract/DossierApi';
import type { ItemKind } from '../../../src-main/contract/enums';
import { call } from '../../api';
import { createPagedStore } from '../../data/createPagedStore';

export interface ItemQuery {
  sort: string;
  direction: 'asc' | 'desc';
  filter: string;
  /** Websites only: one lifecycle state. */
  status: string;
}

const DEFAULT_QUERY: Record<ItemKind, ItemQuery> = {
  evidence: { sort: 'exhibit', direction: 'asc', filter: '', status: '' },
  website: { sort: 'host', direction: 'asc', filter: '', status: '' },
  order: { sort: 'granted', direction: 'desc', filter: '', status: '' },
  stakeholder: { sort: 'name', direction: 'asc', filter: '', status: '' },
  note: { sort: 'created', direction: 'desc', filter: '', status: '' },
};

function listStore(kind: ItemKind) {
  return createPagedStore<AnyItem, ItemQuery>(DEFAULT_QUERY[kind], (query, after, limit) =>
    call('items.list', {
      kind,
      sort: query.sort,
      direction: query.direction,
      after,
      limit,
      ...(query.filter.trim() ? { filter: query.filter.trim() } : {}),
      ...(query.status ? { status: query.status } : {}),
    }),
  );
}

/** One paged list per item kind, kept while the case is open so each view returns to where it was. */
export const itemLists = {
  evidence: listStore('evidence'),
  website: listStore('website'),
  order: listStore('order'),
  stakeholder: listStore('stakeholder'),
  note: listStore('note'),
} satisfies Record<ItemKind, unknown>;

interface SelectionState {
  selected: Record<ItemKind, string | null>;
  select(kind: ItemKind, id: string | null): void;
  clear(): void;
}

const NONE: Record<ItemKind, string | null> = { evidence: null, website: null, order: null, stakeholder: null, note: null };

export const useSelection = create<SelectionState>((set) => ({
  selected: NONE,
  select: (kind, id) => set((s) => ({ selected: { ...s.selected, [kind]: id } })),
  clear: () => set({ selected: NONE }),
}));

/** After closing a case: forget every list and selection. */
export function resetItemLists(): void {
  for (const store of Object.values(itemLists)) store.setState({ pages: [], cursors: [null], complete: false, lastLength: 0, rowCount: 1, generation: store.getState().generation + 1 });
  useSelection.getState().clear();
}
