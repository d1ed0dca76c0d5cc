import type { ItemKind } from '../../src-main/contract/enums';
import type { ItemByKind, Page } from '../../src-main/contract/records';
import type { ListQuery } from '../../src-main/contract/schemas';
import { toDossierError } from '../api';

/** One page of one kind of item, typed by its kind (a list of orders is Page<CourtOrder>). */
export async function listItems<K extends ItemKind>(request: ListQuery & { kind: K; orderId?: string }): Promise<Page<ItemByKind[K]>> {
  try {
    return await window.dossier['items.list'](request);
  } catch (error) {
    throw toDossierError(error);
  }
}
