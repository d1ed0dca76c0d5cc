import type Database from 'better-sqlite3';
import { nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import type { Evidence } from '../contract/records';
import { indexForSearch } from '../records/searchIndex';
import { evidenceSpec } from './evidenceSpec';

/** Text extracted from an exhibit's stored bytes, kept per content (table evidence_text, migration 0020). */
export interface EvidenceText {
  extractor: 'text' | 'html' | 'mime' | 'pdf' | 'none';
  text: string;
  truncated: boolean;
  /** Why there is less text than expected (PDF unreadable, too large ...), for the exhibit's detail view. */
  note: string | null;
}

export function saveEvidenceText(db: Database.Database, contentSha256: string, text: EvidenceText): void {
  prepareCached(
    db,
    `INSERT INTO evidence_text (content_sha256, extractor, text, truncated, note, extracted_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (content_sha256) DO UPDATE SET extractor = excluded.extractor, text = excluded.text,
       truncated = excluded.truncated, note = excluded.note, extracted_at = excluded.extracted_at`,
  ).run(contentSha256, text.extractor, text.text, text.truncated ? 1 : 0, text.note, nowIso());
}

export function loadEvidenceText(db: Database.Database, contentSha256: string | null): EvidenceText | null {
  if (!contentSha256) return null;
  const row = prepareCached(db, 'SELECT extractor, text, truncated, note FROM evidence_text WHERE content_sha256 = ?').get(contentSha256) as
    | { extractor: EvidenceText['extractor']; text: string; truncated: number; note: string | null }
    | undefined;
  return row ? { extractor: row.extractor, text: row.text, truncated: row.truncated === 1, note: row.note } : null;
}

/**
 * Puts an exhibit in the search index: its metadata (evidenceSpec.searchText) plus the text of its
 * bytes. Call inside the transaction that changed the exhibit. Every place that indexes an exhibit
 * must come through here, or a metadata edit would drop the extracted text from search.
 */
export function indexEvidence(db: Database.Database, evidence: Evidence): void {
  if (evidence.deleted_at) return;
  const metadata = evidenceSpec.searchText(evidence);
  if (!metadata) return;
  const extracted = loadEvidenceText(db, evidence.content_sha256);
  const body = extracted?.text ? `${metadata.body}\n${extracted.text}` : metadata.body;
  indexForSearch(db, 'evidence', evidence.id, { title: metadata.title, body });
}
