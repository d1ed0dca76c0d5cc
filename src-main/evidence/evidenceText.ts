import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../casefile/canonicalJson';
import { nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import type { Evidence } from '../contract/records';
import { indexForSearch } from '../records/searchIndex';
import { evidenceSpec } from './evidenceSpec';
import { extractTextNow } from './extractSearchText';

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
 * The key of the extracted text's digest in an exhibit's `evidence.create` audit entry
 * (importEvidenceFile). The entry is hash-chained, so the digest vouches for the text kept in
 * evidence_text, which nothing else seals: re-indexing trusts the kept text only when it matches,
 * and `dossier check` (verifyEvidenceTexts) names an exhibit whose kept text does not.
 */
export const TEXT_DIGEST_KEY = 'text_sha256';

/** SHA-256 of what is kept of an exhibit's text (all of it: it fills search and the detail view); null for no text. */
export function evidenceTextDigest(text: EvidenceText | null): string | null {
  if (!text) return null;
  return createHash('sha256').update(canonicalJson({ extractor: text.extractor, text: text.text, truncated: text.truncated, note: text.note })).digest('hex');
}

/**
 * The text digest the exhibit's import recorded: a digest, null when its bytes gave no text, or
 * undefined when it was imported before digests were recorded (or came without its entry).
 */
export function recordedTextDigest(db: Database.Database, evidenceId: string): string | null | undefined {
  const details = prepareCached(db, `SELECT detail FROM audit_entry WHERE record_id = ? AND action = 'evidence.create'`).pluck().all(evidenceId) as string[];
  for (const detail of details) {
    const parsed = JSON.parse(detail) as Record<string, unknown>;
    if (TEXT_DIGEST_KEY in parsed) return parsed[TEXT_DIGEST_KEY] as string | null;
  }
  return undefined;
}

/**
 * The text of an exhibit's bytes that search may hold: the kept text when it matches the digest
 * its import recorded; else the text found again from the bytes when that matches (every format
 * but PDF); else none, so an edit to evidence_text made with sqlite3 never reaches search (check
 * reports it). Exhibits imported before digests were recorded keep their text as it is; check
 * says how many it could not verify.
 */
export function trustedEvidenceText(db: Database.Database, evidence: Pick<Evidence, 'id' | 'content_sha256' | 'media_type'>): EvidenceText | null {
  const kept = loadEvidenceText(db, evidence.content_sha256);
  const recorded = recordedTextDigest(db, evidence.id);
  if (recorded === undefined || evidenceTextDigest(kept) === recorded) return kept;
  if (!evidence.content_sha256) return null;
  let again: EvidenceText | null | undefined;
  try {
    again = extractTextNow(db, evidence.content_sha256, evidence.media_type);
  } catch {
    // Bytes that cannot be read give no text; check reports the exhibit's bytes.
    return null;
  }
  return again !== undefined && evidenceTextDigest(again) === recorded ? again : null;
}

/**
 * Puts an exhibit in the search index: its metadata (evidenceSpec.searchText) plus the text of its
 * bytes (trustedEvidenceText). Call inside the transaction that changed the exhibit. Every place that indexes an exhibit
 * must come through here, or a metadata edit would drop the extracted text from search.
 */
export function indexEvidence(db: Database.Database, evidence: Evidence): void {
  if (evidence.deleted_at) return;
  const text = evidenceSearchText(db, evidence);
  if (text) indexForSearch(db, 'evidence', evidence.id, text);
}

/** What the search index holds for a live exhibit (indexEvidence; `dossier check` compares the index with it). */
export function evidenceSearchText(db: Database.Database, evidence: Evidence): { title: string; body: string } | null {
  const metadata = evidenceSpec.searchText(evidence);
  if (!metadata) return null;
  const extracted = trustedEvidenceText(db, evidence);
  return { title: metadata.title, body: extracted?.text ? `${metadata.body}\n${extracted.text}` : metadata.body };
}
