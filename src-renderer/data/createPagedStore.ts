import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { Page } from '../../src-main/contract/records';
import { toDossierError } from '../api';

export const PAGE_SIZE = 200;
/** Pages kept in memory; the rest are dropped and fetched again by their cursor when scrolled back to. */
const MAX_PAGES = 24;

export interface PagedState<T, Q> {
  query: Q;
  /** Rows by page index; undefined = not loaded (or dropped). */
  pages: (T[] | undefined)[];
  /** cursors[i] fetches page i; cursors.length = pages known to exist. */
  cursors: (string | null)[];
  /** True when the last known page is loaded and said there is no next page. */
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

/**
 * A keyset-paged list for virtual tables: it never holds a whole table. Pages are fetched by
 * the cursor the previous page returned; at most MAX_PAGES stay in memory, the ones farthest from
 * what the user looks at are dropped and their cursors kept, so scrolling back refetches them.
 */
export function createPagedStore<T, Q>(
  initialQuery: Q,
  fetchPage: (query: Q, after: string | null, limit: number) => Promise<Page<T>>,
): UseBoundStore<StoreApi<PagedState<T, Q>>> {
  const inFlight = new Set<string>();
  return create<PagedState<T, Q>>((set, get) => {
    // Every page but the last is full, so the count needs only the number of pages and the
    // last page's length; until the last page is known, one "loading" row stands for the rest.
    const countRows = (cursors: (string | null)[], complete: boolean, lastLength: number): number =>
      (cursors.length - 1) * PAGE_SIZE + (complete ? lastLength : 1);

    const load = (pageIndex: number) => {
      const { cursors, pages, generation, query } = get();
      if (pageIndex >= cursors.length || pages[pageIndex]) return;
      const key = `${generation}:${pageIndex}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      fetchPage(query, cursors[pageIndex] ?? null, PAGE_SIZE)
        .then((page) => {
          if (get().generation !== generation) return;
          const state = get();
          const pages2 = [...state.pages];
          pages2[pageIndex] = page.items;
          const cursors2 = [...state.cursors];
          let complete = state.complete;
          let lastLength = state.lastLength;
          if (pageIndex === cursors2.length - 1) {
            if (page.next) cursors2.push(page.next);
            else {
              complete = true;
              lastLength = page.items.length;
            }
          }
          // Drop the pages farthest from this one when over budget.
          const loaded = pages2.map((p, i) => (p ? i : -1)).filter((i) => i >= 0);
          if (loaded.length > MAX_PAGES) {
            loaded.sort((a, b) => Math.abs(b - pageIndex) - Math.abs(a - pageIndex));
            for (const i of loaded.slice(0, loaded.length - MAX_PAGES)) pages2[i] = undefined;
          }
          set({ pages: pages2, cursors: cursors2, complete, lastLength, error: null, rowCount: countRows(cursors2, complete, lastLength) });
        })
        .catch((raw) => {
          if (get().generation === generation) set({ error: toDossierError(raw).message });
        })
        .finally(() => inFlight.delete(key));
    };

    const restart = (query: Q) => {
      set((s) => ({ query, pages: [], cursors: [null], complete: false, lastLength: 0, error: null, generation: s.generation + 1, rowCount: 1 }));
      load(0);
    };

    return {
      query: initialQuery,
      pages: [],
      cursors: [null],
      complete: false,
      lastLength: 0,
      error: null,
      generation: 0,
      rowCount: 1,
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
