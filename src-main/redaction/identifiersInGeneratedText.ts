import { REDACTION_CATEGORY_LABELS } from '../contract/redaction';
import type { ExhibitRedactions } from './ExhibitRedactions';
import { findIdentifiers } from './findIdentifiers';
import { textHolds } from './valuePattern';

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
    /** The exhibit's accepted redactions: their values must not be printed anywhere else either. */
    redactions?: ExhibitRedactions | undefined;
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
 * summaries, and any value the public set redacts in an exhibit (what the export's leak check
 * would refuse: a name added with redact add --text, in any spelling it finds). Exhibit content
 * is reviewed by scan and burnt in; these fields are the case's own words, so they are reported
 * for counsel to reword.
 */
export function identifiersInGeneratedText(source: GeneratedTextSource): GeneratedIdentifier[] {
  const found: GeneratedIdentifier[] = [];
  // Every value a public set redacts, as the export's leak check looks for it (any exhibit's value, anywhere in the packet).
  const redacted = [...new Set(source.exhibits.flatMap((e) => (e.redactions && !e.redactions.sealed ? e.redactions.values.map((v) => v.value) : [])))];
  const look = (text: string | null | undefined, where: string, exhibitId?: string) => {
    if (!text) return;
    const hits = findIdentifiers(text);
    for (const hit of hits) found.push({ where, category: REDACTION_CATEGORY_LABELS[hit.category], ...(exhibitId ? { exhibitId } : {}) });
    // A redacted value the detectors do not know (a name added with --text), or in a spelling they miss, once per place.
    if (redacted.some((value) => textHolds(text, value) && !hits.some((h) => textHolds(h.value, value)))) {
      found.push({ where, category: 'A value redacted in the exhibits', ...(exhibitId ? { exhibitId } : {}) });
    }
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
