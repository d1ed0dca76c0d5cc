import { create } from 'zustand';
import { ITEM_KINDS, type ItemKind } from '../../src-main/contract/enums';

/**
 * What a change in the case can make stale: one item kind's records, the links between records,
 * the case's own details, the team (identity and roster). Every query names the topics it reads;
 * a change names the topics it wrote, and only those queries refetch.
 */
export type Topic = ItemKind | 'links' | 'case' | 'team';

export const ALL_TOPICS: readonly Topic[] = [...ITEM_KINDS, 'links', 'case', 'team'];

interface InvalidationState {
  /** A counter per topic, bumped by each change that touches it. */
  versions: Record<Topic, number>;
}

const ZERO = Object.fromEntries(ALL_TOPICS.map((t) => [t, 0])) as Record<Topic, number>;

export const useInvalidation = create<InvalidationState>(() => ({ versions: ZERO }));

/** Marks these topics changed: every mounted query that reads one of them refetches. */
export function invalidate(topics: readonly Topic[]): void {
  useInvalidation.setState((s) => {
    const versions = { ...s.versions };
    for (const topic of topics) versions[topic] += 1;
    return { versions };
  });
}

/**
 * A number that changes whenever one of the topics is invalidated (the sum of monotonic
 * counters), for hooks and paged stores that reload on their own.
 */
export function useTopicsVersion(topics: readonly Topic[]): number {
  return useInvalidation((s) => topics.reduce((sum, topic) => sum + s.versions[topic], 0));
}

export function isItemKind(topic: Topic): topic is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(topic);
}
