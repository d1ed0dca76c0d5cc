import type { ReactNode } from 'react';
import type { ItemKind } from '../../../src-main/contract/enums';
import type { ItemByKind } from '../../../src-main/contract/records';
import type { FieldSpec } from '../../components/RecordForm';
import type { Column } from '../../components/VirtualTable';
import type { IconName } from '../../components/Icon';

export interface DetailField<T> {
  label: string;
  render(item: T): ReactNode;
  wide?: boolean;
}

/** Everything the generic list + detail view needs to show one kind of item. */
export interface ItemKindConfig<K extends ItemKind> {
  kind: K;
  title: string;
  singular: string;
  icon: IconName;
  columns: Column<ItemByKind[K]>[];
  titleOf(item: ItemByKind[K]): string;
  subtitleOf(item: ItemByKind[K]): string | null;
  detailFields: DetailField<ItemByKind[K]>[];
  editFields: FieldSpec[];
  update(id: string, patch: Record<string, unknown>, expectedHlc: string): Promise<ItemByKind[K]>;
  createFields?: FieldSpec[];
  create?(values: Record<string, unknown>): Promise<ItemByKind[K]>;
  createLabel?: string;
  /** A custom create/edit dialog instead of the generic form (notes: Markdown editor). */
  Editor?: (props: { item: ItemByKind[K] | null; onSaved: (item: ItemByKind[K]) => void; onClose: () => void }) => ReactNode;
  /** Sections shown above the fields (evidence: integrity and preview come first). */
  ExtrasTop?: (props: { item: ItemByKind[K]; reload: () => void }) => ReactNode;
  /** Sections specific to this kind (preview and custody, status history ...). */
  Extras?: (props: { item: ItemByKind[K]; reload: () => void }) => ReactNode;
  filterPlaceholder: string;
  emptyTitle: string;
  emptyHint: string;
}
