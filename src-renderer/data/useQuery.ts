import { useCallback, useEffect, useRef, useState } from 'react';
import { toDossierError } from '../api';
import { type Topic, useInvalidation } from './invalidation';

/** What a view gets from a query: the data once loaded, the error if the last fetch failed. */
export interface QueryResult<T> {
  data: T | undefined;
  /** The user-facing message of the last failure (a DossierError's message), or null. */
  error: string | null;
  /** True until the first answer for this key and while a refetch runs. */
  loading: boolean;
  reload(): void;
}

interface QueryState<T> {
  key: string;
  data: T | undefined;
  error: string | null;
  loading: boolean;
}

/**
 * The one way a view reads from the case: fetch(key) once per key, again when one of `topics` is
 * invalidated (src-renderer/data/invalidation), with loading and error states. `topics` may
 * depend on the answer (an item's detail reads the kinds it is linked to); a change in that list
 * alone never refetches. Answers for an
 * older key or an unmounted view are dropped, so a slow reply never overwrites a newer one.
 * Written here rather than taken from TanStack Query: offline, one process, no cache sharing,
 * retries or focus refetching are wanted; what is needed is invalidation by item kind.
 */
export function useQuery<T>(
  key: readonly unknown[],
  topics: readonly Topic[] | ((data: T | undefined) => readonly Topic[]),
  fetch: () => Promise<T>,
  options: { enabled?: boolean } = {},
): QueryResult<T> {
  const enabled = options.enabled ?? true;
  const keyString = JSON.stringify(key);
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<QueryState<T>>({ key: '', data: undefined, error: null, loading: true });
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const topicsRef = useRef<readonly Topic[]>([]);
  topicsRef.current = typeof topics === 'function' ? topics(state.data) : topics;

  // Refetch when a topic this query reads was invalidated; other changes do not even re-render it.
  useEffect(
    () =>
      useInvalidation.subscribe((next, previous) => {
        if (topicsRef.current.some((topic) => next.versions[topic] !== previous.versions[topic])) setNonce((n) => n + 1);
      }),
    [],
  );

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fetchRef.current().then(
      (data) => {
        if (live) setState({ key: keyString, data, error: null, loading: false });
      },
      (raw: unknown) => {
        if (live) setState({ key: keyString, data: undefined, error: toDossierError(raw).message, loading: false });
      },
    );
    return () => {
      live = false;
    };
  }, [keyString, nonce, enabled]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = state.key === keyString;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : null,
    loading: enabled && (!current || state.loading),
    reload,
  };
}
