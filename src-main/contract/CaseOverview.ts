import type { ORDER_STATUSES } from './enums';

/** Something on the overview that expires: a court order or a domain registration. */
export interface Expiry {
  kind: 'order' | 'website';
  id: string;
  title: string;
  /** ISO date or timestamp of the expiry. */
  date: string;
}

/** An order that still has to be served. */
export interface OrderAwaitingService {
  id: string;
  title: string;
  status: (typeof ORDER_STATUSES)[number];
}

/**
 * The overview's figures, answered by the case file (src-main/overview/caseOverview), so they hold
 * at any size: the lists are the first few, the totals count every matching record.
 */
export interface CaseOverview {
  /** The horizon the "expiring soon" rule used, in days. */
  withinDays: number;
  /** Soonest first. */
  expiring: Expiry[];
  expiringTotal: number;
  awaitingService: OrderAwaitingService[];
  awaitingServiceTotal: number;
}
