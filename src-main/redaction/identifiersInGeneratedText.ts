import { REDACTION_CATEGORY_LABELS } from '../contract/redaction';
import { findIdentifiers } from './findIdentifiers';

/** What the generated sections of a packet print about the case and its exhibits (the packet input's fields). */
export interface GeneratedTextSource {
  caption: { court: string; docket: string; caption: string; title: string };
  exhibits: readonly {
    id: string;
    label: string;
    title: string;
    originalName: string;
    source: string;
    description?: string | null | undefined;
    custody: readonly { fromParty?: string | null | undefined; toParty?: string | null | undefined; location?: string | null | undefined; purpose?: string | null | undefined; details?: string | null | undefined }[];
  }[];
  orders: readonly { title: string; summary?: string | null | undefined }[];
}

/** An identifier in text the packet writes itself (cover, index, custody report, slip sheets). */
export interface GeneratedIdentifier {
  exhibitId?: string;
  where: string;
  category: string;
}

/**
 * Looks for Rule 5.2(a) identifiers in what the generated sections print: the caption, each
 * exhibit's title, file name, source, description and custody entries, court orders' titles and
 * summaries. Exhibit content is reviewed by scan and burnt in; these fields are the case's own
 * words, so they are reported for counsel to reword (the export's leak check stops only values
 * that were redacted somewhere).
 */
export function identifiersInGeneratedText(source: GeneratedTextSource): GeneratedIdentifier[] {
  const found: GeneratedIdentifier[] = [];
  const look = (text: string | null | undefined, where: string, exhibitId?: string) => {
    if (!text) return;
    for (const hit of findIdentifiers(text)) found.push({ where, category: REDACTION_CATEGORY_LABELS[hit.category], ...(exhibitId ? { exhibitId } : {}) });
  };
  const c = source.caption;
  look([c.court, c.docket, c.caption, c.title].join('\n'), 'the caption');
  for (const e of source.exhibits) {
    look([e.title, e.originalName, e.source, e.description].join('\n'), `${e.label}'s title, file name, source or description`, e.id);
    for (const event of e.custody) look([event.fromParty, event.toParty, event.location, event.purpose, event.details].join('\n'), `${e.label}'s chain of custody`, e.id);
  }
  for (const o of source.orders) look(`${o.title}\n${o.summary ?? ''}`, `court order "${o.title}"`);
  return found;
}
