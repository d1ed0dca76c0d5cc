import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { Page } from '../../src-main/contract/records';
import { toDossierError } from '../api';

export const PAGE_SIZE = 200;
/** Pages kept in memory; the rest are dropped and fetched again (by cursor or offset) when scrolled back to. */
const MAX_PAGES = 24;

/** How one page is asked for: after a cursor, or (when the list can seek) at an offset. */
export interface PageRequest {
  after: string | null;
  limit: number;
  /** Only for lists that seek: the first page asks for the total. */
  withTotal?: boolean;
  offset?: number;
}

export interface PagedState<T, Q> {
  query: Q;
  /** Rows by page index; undefined = not loaded (or dropped). */
  pages: (T[] | undefined)[];
  /** cursors[i] fetches page i (undefined: not known yet; a seeking list then uses the offset). */
  cursors: (string | null | undefined)[];
  /** Every row the query matches, when the server counted them (seeking lists); null otherwise. */
  total: number | null;
  /** True when the number of rows is known: the total was counted, or the last page was reached. */
  complete: boolean;
  lastLength: number;
  error: string | null;
  generation: number;
  /** Number of rows the virtual list should show (plus one loading row when more may come). */
  rowCount: number;
  rowAt(index: number): T | undefined;
  /** Loads every page covering rows [from, to], one request per page, newest query wins. */
  ensureRows(from: number, to: number): void;
  setQuery(patch: Partial<Q>): void;
  /** Starts again from the first page (after adds and deletes). */
  reload(): void;
  /** Replaces a loaded row in place (after an edit), keeping the scroll position. */
  patchRow(match: (row: T) => boolean, next: T): void;
}

const EMPTY = { pages: [], cursors: [null], total: null, complete: false, lastLength: 0, error: null, rowCount: 1 };

/**
 * A keyset-paged list for virtual tables: it never holds a whole table. Pages are fetched by the
 * cursor the previous page returned; a list that can seek (`seeks`) also gets the total with its
 * first page, so the scrollbar spans every row, and a page far from any known cursor (End, a
 * scrollbar drag to the middle of 200k rows) is fetched by offset. At most MAX_PAGES stay in
 * memory; the ones farthest from what the user looks at are dropped, their cursors kept.
 */
export function createPagedStore<T, Q>(
  initialQuery: Q,
  fetchPage: (query: Q, request: PageRequest) => Promise<Page<T>>,
  options: { seeks?: boolean } = {},
): UseBoundStore<StoreApi<PagedState<T, Q>>> {
  const inFlight = new Set<string>();
  return create<PagedState<T, Q>>((set, get) => {
    // Without a total every page but the last is full, so the count needs only the number of
    // pages and the last page's length; until the last page is known, one "loading" row stands for the rest.
    const countRows = (s: Pick<PagedState<T, Q>, 'cursors' | 'complete' | 'lastLength' | 'total'>): number =>
      s.total !== null ? s.total : (s.cursors.length - 1) * PAGE_SIZE + (s.complete ? s.lastLength : 1);

    const load = (pageIndex: number) => {
      const { cursors, pages, generation, query, total } = get();
      if (pages[pageIndex]) return;
      const cursor = cursors[pageIndex];
      const seek = cursor === undefined && total !== null && pageIndex * PAGE_SIZE < total;
      if (cursor === undefined && !seek) return;
      const key = `${generation}:${pageIndex}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      const request: PageRequest = seek
        ? { after: null, limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE }
        : { after: cursor ?? null, limit: PAGE_SIZE, ...(pageIndex === 0 && options.seeks ? { withTotal: true } : {}) };
      fetchPage(query, request)
        .then((page) => {
          if (get().generation !== generation) return;
          const state = get();
          const pages2 = [...state.pages];
          pages2[pageIndex] = page.items;
          const cursors2 = [...state.cursors];
          if (cursors2[pageIndex + 1] === undefined && page.next) cursors2[pageIndex + 1] = page.next;
          const total2 = page.total ?? state.total;
          let complete = state.complete || total2 !== null;
          let lastLength = state.lastLength;
          if (!page.next && total2 === null) {
            complete = true;
            lastLength = page.items.length;
          }
          // Drop the pages farthest from this one when over budget.
          const loaded = pages2.map((p, i) => (p ? i : -1)).filter((i) => i >= 0);
          if (loaded.length > MAX_PAGES) {
            loaded.sort((a, b) => Math.abs(b - pageIndex) - Math.abs(a - pageIndex));
            for (const i of loaded.slice(0, loaded.length - MAX_PAGES)) pages2[i] = undefined;
          }
          const next = { pages: pages2, cursors: cursors2, total: total2, complete, lastLength, error: null };
          set({ ...next, rowCount: countRows(next) });
        })
        .catch((raw) => {
          if (get().generation === generation) set({ error: toDossierError(raw).message });
        })
        .finally(() => inFlight.delete(key));
    };

    const restart = (query: Q) => {
      set((s) => ({ ...EMPTY, query, generation: s.generation + 1 }));
      load(0);
    };

    return {
      query: initialQuery,
      ...EMPTY,
      generation: 0,
      rowAt(index) {
        return get().pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
      },
      ensureRows(from, to) {
        const first = Math.max(0, Math.floor(from / PAGE_SIZE));
        const last = Math.floor(Math.max(from, to) / PAGE_SIZE);
        for (let i = first; i <= last; i++) load(i);
      },
      setQuery(patch) {
        restart({ ...get().query, ...patch });
      },
      reload() {
        restart(get().query);
      },
      patchRow(match, next) {
        set((s) => ({ pages: s.pages.map((page) => page?.map((row) => (match(row) ? next : row))) }));
      },
    };
  });
}

/** Forgets every row (after closing a case), so no moment of another case's rows is ever shown. */
export function clearPagedStore(store: UseBoundStore<StoreApi<PagedState<unknown, unknown>>>): void {
  store.setState((s) => ({ ...EMPTY, generation: s.generation + 1 }));
}
