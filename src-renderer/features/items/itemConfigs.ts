import type { ItemKind } from '../../../src-main/contract/enums';
import { evidenceConfig } from '../evidence/evidenceConfig';
import { noteConfig } from '../notes/noteConfig';
import { orderConfig } from '../orders/orderConfig';
import { stakeholderConfig } from '../stakeholders/stakeholderConfig';
import { websiteConfig } from '../websites/websiteConfig';
import type { ItemKindConfig } from './ItemKindConfig';

/** The view configuration of every item kind (for panes shown outside their list, e.g. the graph). */
export const ITEM_CONFIGS: { [K in ItemKind]: ItemKindConfig<K> } = {
  evidence: evidenceConfig,
  website: websiteConfig,
  order: orderConfig,
  stakeholder: stakeholderConfig,
  note: noteConfig,
};
