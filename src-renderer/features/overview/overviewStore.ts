import { create } from 'zustand';
import type { CourtOrder, Website } from '../../../src-main/contract/records';
import { call, toDossierError } from '../../api';
import { todayIso } from '../../components/labels';

export interface Expiry {
  kind: 'order' | 'website';
  id: string;
  title: string;
  date: string;
}

interface OverviewState {
  expiries: Expiry[];
  ordersAwaitingService: CourtOrder[];
  error: string | null;
  loadedRevision: number;
  load(revision: number): Promise<void>;
}

/** Future dates only, soonest first, from a page sorted latest-first (so no table is read whole). */
function upcoming<T>(items: T[], dateOf: (item: T) => string | null, today: string): T[] {
  return items.filter((i) => (dateOf(i) ?? '') >= today).reverse();
}

export const useOverview = create<OverviewState>((set) => ({
  expiries: [],
  ordersAwaitingService: [],
  error: null,
  loadedRevision: -1,
  async load(revision) {
    set({ loadedRevision: revision });
    const today = todayIso();
    try {
      const [ordersByExpiry, sitesByExpiry, recentOrders] = await Promise.all([
        call('items.list', { kind: 'order', sort: 'expires', direction: 'desc', limit: 200 }),
        call('items.list', { kind: 'website', sort: 'expires', direction: 'desc', limit: 200 }),
        call('items.list', { kind: 'order', sort: 'granted', direction: 'desc', limit: 200 }),
      ]);
      const orders = upcoming(ordersByExpiry.items as CourtOrder[], (o) => o.expires_at, today).map(
        (o): Expiry => ({ kind: 'order', id: o.id, title: o.title, date: o.expires_at! }),
      );
      const sites = upcoming(sitesByExpiry.items as Website[], (w) => w.expires_at, today).map(
        (w): Expiry => ({ kind: 'website', id: w.id, title: w.host_unicode, date: w.expires_at! }),
      );
      set({
        expiries: [...orders, ...sites].sort((a, b) => a.date.localeCompare(b.date)).slice(0, 8),
        ordersAwaitingService: (recentOrders.items as CourtOrder[]).filter((o) => ['draft', 'filed', 'granted'].includes(o.status)).slice(0, 8),
        error: null,
      });
    } catch (raw) {
      set({ error: toDossierError(raw).message });
    }
  },
}));
