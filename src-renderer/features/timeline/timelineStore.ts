import type { TimelineEntry } from '../../../src-main/contract/records';
import { call } from '../../api';
import { createPagedStore } from '../../data/createPagedStore';

export interface TimelineQuery {
  from: string;
  to: string;
}

/** The case timeline, oldest first, read page by page like every other list. */
export const timelineList = createPagedStore<TimelineEntry, TimelineQuery>({ from: '', to: '' }, (query, { after, limit }) =>
  call('timeline.page', {
    after,
    limit,
    ...(query.from ? { from: query.from } : {}),
    // "to" is a day: include everything that happened on it.
    ...(query.to ? { to: `${query.to}T23:59:59.999Z` } : {}),
  }),
);
