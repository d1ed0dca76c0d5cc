import type { ItemDetail } from '../contract/DossierApi';
import type { ItemKind } from '../contract/enums';
import type { LinkedItem } from '../contract/records';
import { fields, table } from './output';

const HIDDEN = new Set(['deleted_at', 'dedupe_key', 'hlc']);

/** Every field of an item as aligned lines, then its links and history count. */
export function formatItemDetail(detail: ItemDetail): string {
  const item = detail.item as unknown as Record<string, unknown>;
  const lines = [`${detail.kind.toUpperCase()} ${item.id}`, fields(Object.entries(item).filter(([k]) => !HIDDEN.has(k) && k !== 'id'))];
  lines.push('', formatLinked(detail.linked));
  if (detail.linkedTotal > detail.linked.length) lines.push(`(${detail.linked.length} of ${detail.linkedTotal.toLocaleString('en-US')} linked items shown)`);
  if (detail.history.length) lines.push('', `${detail.history.length} earlier version(s) kept in history.`);
  return lines.join('\n');
}

export function formatLinked(linked: LinkedItem[]): string {
  if (linked.length === 0) return 'No linked items.';
  return `Linked items:\n${table(
    ['relation', 'kind', 'title', 'id'],
    linked.map((l) => [l.direction === 'outgoing' ? l.relation : `${l.relation} (from)`, l.kind, l.title, l.id]),
  )}`;
}

/** Accepts the singular, plural and a few everyday names of each kind. */
export function parseItemKind(word: string): ItemKind | null {
  const key = word.toLowerCase().replace(/[-_ ]/g, '');
  const aliases: Record<string, ItemKind> = {
    evidence: 'evidence', exhibit: 'evidence', exhibits: 'evidence',
    website: 'website', websites: 'website', site: 'website', sites: 'website', domain: 'website', domains: 'website',
    order: 'order', orders: 'order', courtorder: 'order', courtorders: 'order',
    stakeholder: 'stakeholder', stakeholders: 'stakeholder', people: 'stakeholder', contacts: 'stakeholder',
    note: 'note', notes: 'note',
  };
  return aliases[key] ?? null;
}
