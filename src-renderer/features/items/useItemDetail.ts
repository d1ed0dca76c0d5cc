import { useCallback, useEffect, useState } from 'react';
import type { ItemDetail } from '../../../src-main/contract/DossierApi';
import { call, toDossierError } from '../../api';
import { useApp } from '../app/appStore';

/** Loads one item with its links and history; refetches after any change in the case. */
export function useItemDetail(id: string | null): { detail: ItemDetail | null; error: string | null; reload: () => void } {
  const revision = useApp((s) => s.revision);
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    if (!id) {
      setDetail(null);
      return;
    }
    let live = true;
    call('items.get', { id })
      .then((value) => {
        if (!live) return;
        setDetail(value);
        setError(null);
      })
      .catch((raw) => {
        if (!live) return;
        setDetail(null);
        setError(toDossierError(raw).message);
      });
    return () => {
      live = false;
    };
  }, [id, revision, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { detail: detail && detail.item.id === id ? detail : null, error, reload };
}
