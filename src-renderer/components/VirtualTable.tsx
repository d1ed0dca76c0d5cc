import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { StoreApi, UseBoundStore } from 'zustand';
import { PAGE_SIZE, type PagedState } from '../data/createPagedStore';
import { Icon } from './Icon';

export interface Column<T> {
  key: string;
  label: string;
  /** A CSS grid track: '120px', 'minmax(220px, 2fr)'. */
  width: string;
  /** The server's sort key, if the column can be sorted. */
  sortKey?: string;
  align?: 'right';
  /** 1 = always shown; 2 and then 3 are hidden first when the table is too narrow (e.g. beside the detail pane). */
  priority?: 1 | 2 | 3;
  render(row: T): ReactNode;
}

const GAP = 12;
const PADDING = 40;

function minWidthOf(column: Column<unknown>): number {
  const match = column.width.match(/(\d+)px/);
  return match ? Number(match[1]) : 100;
}

/** The columns that fit: drop priority-3, then priority-2 columns (rightmost first) until they do. */
export function columnsThatFit<T>(columns: Column<T>[], width: number): Column<T>[] {
  let shown = [...columns];
  const total = (list: Column<T>[]) => list.reduce((sum, c) => sum + minWidthOf(c as Column<unknown>) + GAP, PADDING - GAP);
  for (const level of [3, 2] as const) {
    for (let i = shown.length - 1; i >= 0 && total(shown) > width; i--) {
      if ((shown[i]!.priority ?? 1) === level) shown = shown.filter((_, j) => j !== i);
    }
  }
  return shown;
}

const ROW_HEIGHT = 34;
/** Must match .vtable-header's height in views.css. */
const HEADER_HEIGHT = 32;

/**
 * A virtualised, keyboard-driven table over a keyset-paged store: only visible rows exist in
 * the DOM, and pages are fetched as the user scrolls to them. ↑/↓, PgUp/PgDn, Home/End move the
 * selection; the selected row's details show beside the table.
 */
export function VirtualTable<T, Q>({
  store,
  columns: allColumns,
  rowId,
  selectedId,
  onSelect,
  sort,
  onSort,
  label,
  empty,
}: {
  store: UseBoundStore<StoreApi<PagedState<T, Q>>>;
  columns: Column<T>[];
  rowId: (row: T) => string;
  selectedId: string | null;
  onSelect: (row: T) => void;
  sort?: { key: string; direction: 'asc' | 'desc' };
  onSort?: (key: string) => void;
  label: string;
  empty: ReactNode;
}) {
  const rowCount = store((s) => s.rowCount);
  const pages = store((s) => s.pages);
  const complete = store((s) => s.complete);
  const error = store((s) => s.error);
  const ensureRows = store((s) => s.ensureRows);
  const rowAt = store((s) => s.rowAt);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1200);
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    setWidth(root.clientWidth);
    const observer = new ResizeObserver(() => setWidth(root.clientWidth));
    observer.observe(root);
    return () => observer.disconnect();
  }, []);
  const columns = useMemo(() => columnsThatFit(allColumns, width), [allColumns, width]);
  const gridId = useId();
  const template = columns.map((c) => c.width).join(' ');

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The grid itself scrolls (so the one focusable element is the scrolling one), under a sticky header row.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    ensureRows(firstIndex, lastIndex + 40);
  }, [firstIndex, lastIndex, rowCount, ensureRows, pages]);

  const selectedIndex = useMemo(() => {
    if (!selectedId) return -1;
    for (let p = 0; p < pages.length; p++) {
      const i = pages[p]?.findIndex((row) => rowId(row) === selectedId) ?? -1;
      if (i >= 0) return p * PAGE_SIZE + i;
    }
    return -1;
  }, [pages, selectedId, rowId]);

  // A key press may target a row whose page is still on its way (End on 200k rows): select it when it lands.
  const pending = useRef<number | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    const row = rowAt(pending.current);
    if (row) {
      pending.current = null;
      onSelect(row);
    }
  }, [pages, rowAt, onSelect]);

  function move(to: number) {
    const target = Math.max(0, Math.min(rowCount - 1, to));
    const row = rowAt(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    pending.current = row ? null : target;
    if (row) onSelect(row);
    else ensureRows(target, target);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const from = selectedIndex < 0 ? -1 : selectedIndex;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(from + 1),
      ArrowUp: () => move(Math.max(0, from - 1)),
      PageDown: () => move(from + page),
      PageUp: () => move(from - page),
      Home: () => move(0),
      End: () => move(rowCount - 1),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  const isEmpty = complete && rowCount === 0;
  const sortOf = (column: Column<T>) =>
    sort && column.sortKey && sort.key === column.sortKey ? (sort.direction === 'asc' ? 'ascending' : 'descending') : column.sortKey ? 'none' : undefined;
  return (
    <div ref={rootRef} className="vtable" style={{ ['--vtable-columns' as string]: template }}>
      {error ? (
        <div className="vtable-error" role="alert">
          {error}
        </div>
      ) : null}
      {isEmpty ? (
        <div key="empty" className="vtable-empty">
          {empty}
        </div>
      ) : (
        // A real grid for assistive technology: a header row of columnheaders (with aria-sort) and
        // rows numbered from the true total, so a screen reader says "Host, hotmailbox.me, row 3 of 205,801".
        <div
          key="grid"
          ref={scrollRef}
          className="vtable-grid"
          role="grid"
          aria-label={label}
          aria-rowcount={complete ? rowCount + 1 : -1}
          aria-colcount={columns.length}
          aria-activedescendant={selectedIndex >= 0 ? `${gridId}-row-${selectedIndex}` : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          data-pane="list"
        >
          <div className="vtable-header" role="row" aria-rowindex={1}>
            {columns.map((column, c) => (
              <div key={column.key} role="columnheader" aria-colindex={c + 1} aria-sort={sortOf(column)} className={`vtable-th ${column.align === 'right' ? 'align-right' : ''}`}>
                {column.sortKey && onSort ? (
                  <button type="button" className="vtable-sort" onClick={() => onSort(column.sortKey!)} title={`Sort by ${column.label.toLowerCase()}`}>
                    {column.label}
                    {sortOf(column) === 'ascending' ? <Icon name="arrowUp" size={12} /> : sortOf(column) === 'descending' ? <Icon name="arrowDown" size={12} /> : null}
                  </button>
                ) : (
                  <span>{column.label}</span>
                )}
              </div>
            ))}
          </div>
          <div className="vtable-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
            <div role="presentation">
              {items.map((item) => {
                const row = rowAt(item.index);
                const selected = row !== undefined && selectedId !== null && rowId(row) === selectedId;
                return (
                  <div
                    key={item.key}
                    id={`${gridId}-row-${item.index}`}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={selected}
                    className={`vtable-row ${selected ? 'is-selected' : ''} ${row ? '' : 'is-loading'}`}
                    style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT }}
                    onClick={() => row && onSelect(row)}
                  >
                    {columns.map((column, c) => (
                      <div key={column.key} role="gridcell" aria-colindex={c + 1} className={`vtable-td ${column.align === 'right' ? 'align-right' : ''}`}>
                        {row ? column.render(row) : <span className="skeleton" />}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
