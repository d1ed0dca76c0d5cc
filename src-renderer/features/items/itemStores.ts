import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { ItemByKind } from '../../../src-main/contract/records';
import type { ItemKind } from '../../../src-main/contract/enums';
import { clearPagedStore, createPagedStore, type PagedState } from '../../data/createPagedStore';
import { listItems } from '../../data/listItems';

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

function listStore<K extends ItemKind>(kind: K) {
  return createPagedStore<ItemByKind[K], ItemQuery>(
    DEFAULT_QUERY[kind],
    (query, page) =>
      listItems({
        kind,
        sort: query.sort,
        direction: query.direction,
        ...page,
        ...(query.filter.trim() ? { filter: query.filter.trim() } : {}),
        ...(query.status ? { status: query.status } : {}),
      }),
    { seeks: true },
  );
}

/** Each kind's list store, typed by its kind (the websites list holds Website rows). */
export type ItemLists = { [K in ItemKind]: UseBoundStore<StoreApi<PagedState<ItemByKind[K], ItemQuery>>> };

/** One paged list per item kind, kept while the case is open so each view returns to where it was. */
export const itemLists: ItemLists = {
  evidence: listStore('evidence'),
  website: listStore('website'),
  order: listStore('order'),
  stakeholder: listStore('stakeholder'),
  note: listStore('note'),
};

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
  for (const store of Object.values(itemLists)) clearPagedStore(store as never);
  useSelection.getState().clear();
}
