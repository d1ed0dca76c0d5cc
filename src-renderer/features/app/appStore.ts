import { create } from 'zustand';
import type { CaseSummary } from '../../../src-main/contract/DossierApi';
import type { ItemKind } from '../../../src-main/contract/enums';
import { call, toDossierError } from '../../api';
import { ALL_TOPICS, invalidate, isItemKind, type Topic } from '../../data/invalidation';
import { itemLists, resetItemLists, useSelection } from '../items/itemStores';

export const VIEWS = ['overview', 'evidence', 'websites', 'orders', 'stakeholders', 'notes', 'timeline', 'graph', 'audit', 'team', 'conflicts'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_OF_KIND: Record<ItemKind, View> = {
  evidence: 'evidence',
  website: 'websites',
  order: 'orders',
  stakeholder: 'stakeholders',
  note: 'notes',
};

export type ThemeChoice = 'system' | 'light' | 'dark';

/** The multi-step dialogs (one at a time): export packet, import a site list, share, receive, merge. */
export type Flow =
  | { kind: 'packet' }
  | { kind: 'siteImport'; path: string }
  | { kind: 'share' }
  | { kind: 'receive'; sharePath: string; outPath: string }
  | { kind: 'merge'; otherPath: string };

/** A message dialog: about, errors that need a decision. */
export interface Notice {
  title: string;
  message: string;
}

interface AppState {
  phase: 'booting' | 'start' | 'case';
  summary: CaseSummary | null;
  view: View;
  theme: ThemeChoice;
  paletteOpen: boolean;
  notice: Notice | null;
  flow: Flow | null;
  newCaseOpen: boolean;
  shortcutsOpen: boolean;
  busy: string | null;
  /** A "new item" form some view should open (from the palette or a shortcut). */
  createRequest: ItemKind | null;

  openCase(path: string): Promise<void>;
  createCase(path: string, fields: Record<string, unknown>): Promise<CaseSummary>;
  closeCase(): Promise<void>;
  refreshSummary(): Promise<void>;
  setView(view: View): void;
  openItem(kind: ItemKind, id: string): void;
  /**
   * After a change: refetch the queries that read these topics, and refresh the case summary.
   * `rows: true` when records were added or removed, so those kinds' lists start again.
   */
  changed(topics: readonly Topic[], options?: { rows?: boolean }): void;
  setTheme(theme: ThemeChoice): void;
  toggleTheme(): void;
  setPaletteOpen(open: boolean): void;
  showNotice(notice: Notice | null): void;
  setFlow(flow: Flow | null): void;
  setNewCaseOpen(open: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setBusy(message: string | null): void;
  requestCreate(kind: ItemKind | null): void;
}

const THEME_KEY = 'dossier.theme';

function storedTheme(): ThemeChoice {
  const value = localStorage.getItem(THEME_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function applyTheme(theme: ThemeChoice): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function systemPrefersDark(): boolean {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

export const useApp = create<AppState>((set, get) => ({
  phase: 'booting',
  summary: null,
  view: 'overview',
  theme: storedTheme(),
  paletteOpen: false,
  notice: null,
  flow: null,
  newCaseOpen: false,
  shortcutsOpen: false,
  busy: null,
  createRequest: null,

  async openCase(path) {
    set({ busy: 'Opening case…' });
    try {
      const summary = await call('case.open', { path });
      resetItemLists();
      set({ summary, phase: 'case', view: 'overview' });
      invalidate(ALL_TOPICS);
    } catch (raw) {
      const error = toDossierError(raw);
      set({ notice: { title: 'Could not open the case file', message: error.message } });
    } finally {
      set({ busy: null });
    }
  },
  async createCase(path, fields) {
    const summary = await call('case.create', { path, case: fields as { title: string } });
    resetItemLists();
    set({ summary, phase: 'case', view: 'overview', newCaseOpen: false });
    invalidate(ALL_TOPICS);
    return summary;
  },
  async closeCase() {
    await call('case.close', {});
    resetItemLists();
    set({ summary: null, phase: 'start', view: 'overview', paletteOpen: false, flow: null });
  },
  async refreshSummary() {
    const summary = await call('case.summary', {});
    if (summary) set({ summary });
  },
  setView(view) {
    set({ view });
  },
  openItem(kind, id) {
    useSelection.getState().select(kind, id);
    set({ view: VIEW_OF_KIND[kind] });
  },
  changed(topics, options = {}) {
    invalidate(topics);
    if (options.rows) for (const topic of topics) if (isItemKind(topic)) itemLists[topic].getState().reload();
    if (topics.some((t) => t !== 'team')) void get().refreshSummary();
  },
  setTheme(theme) {
    localStorage.setItem(THEME_KEY, theme);
    applyTheme(theme);
    set({ theme });
  },
  toggleTheme() {
    const current = get().theme;
    const dark = current === 'dark' || (current === 'system' && systemPrefersDark());
    get().setTheme(dark ? 'light' : 'dark');
  },
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  showNotice: (notice) => set({ notice }),
  setFlow: (flow) => set({ flow }),
  setNewCaseOpen: (newCaseOpen) => set({ newCaseOpen }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setBusy: (busy) => set({ busy }),
  requestCreate: (kind) => set(kind ? { createRequest: kind, view: VIEW_OF_KIND[kind] } : { createRequest: null }),
}));
