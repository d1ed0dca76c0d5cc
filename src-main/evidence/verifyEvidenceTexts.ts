import type Database from 'better-sqlite3';
import { evidenceTextDigest, loadEvidenceText, recordedTextDigest } from './evidenceText';

/** An exhibit whose kept text (evidence_text) is not the text its import recorded. */
export interface EvidenceTextFinding {
  id: string;
  message: string;
}

/**
 * The text kept for every exhibit's bytes (evidence_text, which fills search and the detail view)
 * against the digest its `evidence.create` audit entry recorded (the chain vouches for that entry;
 * verifyAudit checks it). One indexed look-up and one SHA-256 of at most 2 M characters per
 * exhibit: no text is extracted again. Exhibits imported before digests were recorded cannot be
 * verified this way; they are counted, not passed as verified.
 */
export function verifyEvidenceTexts(db: Database.Database): { checked: number; unverifiable: number; findings: EvidenceTextFinding[] } {
  const findings: EvidenceTextFinding[] = [];
  let checked = 0;
  let unverifiable = 0;
  for (const exhibit of db.prepare('SELECT id, exhibit_label, content_sha256 FROM evidence WHERE content_sha256 IS NOT NULL').iterate() as IterableIterator<ExhibitWithBytes>) {
    const verdict = checkExhibitText(db, exhibit);
    if (verdict === 'unverifiable') {
      unverifiable += 1;
      continue;
    }
    checked += 1;
    if (verdict !== 'ok') findings.push(verdict);
  }
  return { checked, unverifiable, findings };
}

/** An exhibit with stored bytes, as checkExhibitText reads it. */
export interface ExhibitWithBytes {
  id: string;
  exhibit_label: string;
  content_sha256: string;
}

/**
 * One exhibit's kept text against the digest its import recorded: 'ok', 'unverifiable' (imported
 * before digests were recorded), or the finding. For a caller that checks only some exhibits (a
 * merge: the texts it would take in).
 */
export function checkExhibitText(db: Database.Database, exhibit: ExhibitWithBytes): 'ok' | 'unverifiable' | EvidenceTextFinding {
  const recorded = recordedTextDigest(db, exhibit.id);
  if (recorded === undefined) return 'unverifiable';
  const kept = loadEvidenceText(db, exhibit.content_sha256);
  if (evidenceTextDigest(kept) === recorded) return 'ok';
  return {
    id: exhibit.id,
    message: recorded === null
      ? `${exhibit.exhibit_label}: text is kept for its bytes (evidence_text), but its bytes gave none at import; it was added behind the app's back. Search does not use it.`
      : kept === null
        ? `${exhibit.exhibit_label}: the text found in its bytes at import is no longer kept (evidence_text); it was removed behind the app's back.`
        : `${exhibit.exhibit_label}: the text kept for its bytes (evidence_text) is not the text found in them at import (its SHA-256 is in the exhibit's audit entry); it was changed behind the app's back. Search does not use it.`,
  };
}
