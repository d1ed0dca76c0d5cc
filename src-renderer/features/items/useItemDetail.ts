import type { ItemDetail } from '../../../src-main/contract/DossierApi';
import { call } from '../../api';
import type { Topic } from '../../data/invalidation';
import { useQuery } from '../../data/useQuery';

/**
 * Loads one item with its links and history. It reads its own kind, the links, and the titles of
 * the kinds it is linked to, so a change to any of those refetches it and nothing else does.
 */
export function useItemDetail(id: string | null): { detail: ItemDetail | null; error: string | null; reload: () => void } {
  const query = useQuery(
    ['item', id],
    (detail: ItemDetail | undefined): Topic[] => (detail ? [detail.kind, 'links', ...new Set(detail.linked.map((l) => l.kind))] : ['links']),
    () => call('items.get', { id: id! }),
    { enabled: id !== null },
  );
  const detail = query.data ?? null;
  return { detail: detail && detail.item.id === id ? detail : null, error: query.error, reload: query.reload };
}
