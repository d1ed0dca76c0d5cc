import path from 'node:path';
import { evidenceOrigin } from './evidenceOrigin';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { EvidenceKind } from '../contract/enums';
import { DossierError } from '../contract/errors';
import type { Evidence } from '../contract/records';
import { insertRecord } from '../records/insertRecord';
import { addCustodyEvent } from './custody';
import { detectMediaType } from './detectMediaType';
import { nextExhibitNumber } from './evidenceService';
import { evidenceSpec } from './evidenceSpec';
import { evidenceTextDigest, indexEvidence, loadEvidenceText, saveEvidenceText, TEXT_DIGEST_KEY } from './evidenceText';
import { extractSearchText } from './extractSearchText';
import { inferEvidenceKind } from './inferEvidenceKind';
import type { EvidenceSource } from './openEvidenceSource';
import { type StoreHooks, storeEvidenceBytes } from './storeEvidenceBytes';
import { spellOutControls } from '../contract/controlCharacters';

/** Whether a symbolic link stood between the path given and the file read (not merely another spelling: case on macOS/Windows). */
function viaLink(source: EvidenceSource): boolean {
  if (source.realPath === source.path) return false;
  return process.platform === 'linux' || source.realPath.toLowerCase() !== source.path.toLowerCase();
}

/** Exhibit metadata given at import (already validated; null means "leave empty"). */
export interface ExhibitFields {
  exhibit_label?: string | undefined;
  title?: string | undefined;
  kind?: EvidenceKind | undefined;
  acquired_at?: string | null | undefined;
  acquired_by?: string | null | undefined;
  source_url?: string | null | undefined;
  source_device?: string | null | undefined;
  source_person?: string | null | undefined;
  method?: string | null | undefined;
  description?: string | null | undefined;
  tags?: string[] | undefined;
  /** SHA-256 recorded when it was acquired; the import is refused when the file does not match it. */
  acquired_sha256?: string | undefined;
}

export interface ImportedExhibit {
  evidence: Evidence;
  /** Id of the exhibit that already held the same bytes (now shared, stored once), if any. */
  duplicateOf: string | null;
}

function firstExhibitWithContent(caseFile: CaseFile, sha256: string): { id: string; exhibit_label: string } | null {
  const row = prepareCached(
    caseFile.db,
    `SELECT id, exhibit_label FROM evidence WHERE content_sha256 = ? AND deleted_at IS NULL ORDER BY exhibit_number, id LIMIT 1`,
  ).get(sha256) as { id: string; exhibit_label: string } | undefined;
  return row ?? null;
}

/** The error a user sees when storing failed; the transaction has been rolled back by then. */
export function importError(error: unknown, source: EvidenceSource): DossierError {
  // SQLite's failures arrive classified (casefile/openDatabase); two are restated for this file.
  const code = error instanceof DossierError ? error.code : String((error as { code?: unknown }).code ?? '');
  const message = (error as Error).message;
  if (code === 'DISK_FULL') {
    return new DossierError(
      'DISK_FULL',
      `Not enough space to store ${source.name} in the case file (the disk is full or the file reached its size limit). ` +
        'Nothing from this file was stored and the case file is unchanged. Free some space, then import it again.',
      { path: source.path },
    );
  }
  if (code === 'CASE_FILE_LOCKED') {
    return new DossierError('CASE_FILE_LOCKED', 'The case file is busy in another program or window; close it there and import again.', { path: source.path });
  }
  if (error instanceof DossierError) return error;
  return new DossierError(
    'IMPORT_FAILED',
    `Could not store ${source.name} (${code || 'error'}: ${message}). Nothing from this file was stored; the case file is unchanged.`,
    { path: source.path },
  );
}

/**
 * Imports one file as one exhibit in ONE transaction on `caseFile` (the import connection):
 * bytes, content row, exhibit record, custody events, audit entries and search text commit
 * together or not at all. A crash, a cancel, a full disk or a file changing under us leave no
 * trace of the exhibit. With a rollback journal, pages appended beyond the file's old end are not
 * journalled, so even a multi-GB transaction writes its bytes about once (DESIGN.md).
 */
export async function importEvidenceFile(
  caseFile: CaseFile,
  source: EvidenceSource,
  fields: ExhibitFields,
  hooks: StoreHooks = {},
): Promise<ImportedExhibit> {
  const { db } = caseFile;
  try {
    db.exec('BEGIN IMMEDIATE');
    // Chunks reference their content row, which can only be written once the last byte is hashed.
    db.pragma('defer_foreign_keys = ON');
    const stored = await storeEvidenceBytes(db, source, hooks);
    if (fields.acquired_sha256 && fields.acquired_sha256 !== stored.sha256) {
      // The file is not what was acquired: storing it would certify the wrong bytes.
      throw new DossierError(
        'EVIDENCE_HASH_MISMATCH',
        `${source.name} does not match the SHA-256 recorded at acquisition (${fields.acquired_sha256}); its SHA-256 is ${stored.sha256}. Nothing was stored: find the file that was acquired.`,
        { path: source.path },
      );
    }
    const mediaType = await detectMediaType(stored.head, source.name, stored.size <= stored.head.length);
    const duplicate = stored.duplicate ? firstExhibitWithContent(caseFile, stored.sha256) : null;
    const number = nextExhibitNumber(caseFile);
    // The text of the bytes is found before the record is written so that its digest goes into the
    // exhibit's audit entry: re-indexing and `dossier check` trust the kept text only when it
    // matches (evidenceText.ts). Bytes stored before keep the text already found for them.
    let text = loadEvidenceText(db, stored.sha256);
    if (!text) {
      text = await extractSearchText(db, stored.sha256, mediaType);
      if (text) saveEvidenceText(db, stored.sha256, text);
    }
    const evidence = insertRecord(caseFile, evidenceSpec, {
      exhibit_number: number,
      exhibit_label: fields.exhibit_label ?? `Exhibit ${number}`,
      // A title must be one a user could type (no live controls); the raw name is original_name.
      title: fields.title ?? spellOutControls(source.name),
      kind: fields.kind ?? inferEvidenceKind(mediaType, source.name),
      original_name: source.name,
      media_type: mediaType,
      size_bytes: stored.size,
      sha256: stored.sha256,
      sha1: stored.sha1,
      md5: stored.md5,
      content_sha256: stored.sha256,
      acquired_at: fields.acquired_at,
      acquired_by: fields.acquired_by,
      source_url: fields.source_url,
      source_device: fields.source_device,
      source_person: fields.source_person,
      method: fields.method,
      description: fields.description,
      tags: fields.tags ?? [],
    }, { auditDetail: { [TEXT_DIGEST_KEY]: evidenceTextDigest(text) } });
    // Custody fields are shorter than exhibit fields (300/500 characters): long URLs and paths are cut.
    const origin = evidenceOrigin(fields)?.slice(0, 300) ?? null;
    if (fields.acquired_at) {
      addCustodyEvent(caseFile, {
        evidence_id: evidence.id,
        action: 'acquired',
        at: fields.acquired_at,
        from_party: origin,
        to_party: fields.acquired_by ?? null,
        // A hash recorded at acquisition is what lets a declaration say the file is unchanged since.
        hash_seen: fields.acquired_sha256 ?? null,
        details: `Acquired${origin ? ` from ${origin}` : ''}${fields.acquired_by ? ` by ${fields.acquired_by}` : ''}${fields.method ? ` (${fields.method})` : ''}; as recorded at import${fields.acquired_sha256 ? ', with the SHA-256 recorded at acquisition, which the imported file matches' : ''}.`,
        result: fields.acquired_sha256 ? 'ok' : 'n/a',
      });
    }
    addCustodyEvent(caseFile, {
      evidence_id: evidence.id,
      action: 'imported',
      from_party: fields.acquired_by ?? null,
      to_party: `case file ${path.basename(caseFile.path)}`.slice(0, 300),
      location: source.path.slice(-500),
      hash_seen: stored.sha256,
      result: 'ok',
      details:
        // The name as the file system gave it may hold a line break: spelled out, as in the title.
        `Imported ${spellOutControls(source.name)} (${stored.size} bytes, ${mediaType}). SHA-256 ${stored.sha256}, SHA-1 ${stored.sha1}, MD5 ${stored.md5}.` +
        (stored.duplicate ? ` Same bytes as ${duplicate?.exhibit_label ?? 'earlier evidence'}; stored once.` : '') +
        // The path as given and the file really read, when a symbolic link stood between them (paths cut to fit the field).
        (viaLink(source) ? ` Read through the symbolic link ${spellOutControls(source.path.slice(-2000))}, which leads to ${spellOutControls(source.realPath.slice(-2000))}.` : ''),
    });
    indexEvidence(db, evidence);
    if (hooks.signal?.aborted) {
      throw new DossierError('CANCELLED', `Import of ${source.name} was cancelled; nothing was stored from it.`, { path: source.path });
    }
    db.exec('COMMIT');
    return { evidence, duplicateOf: duplicate?.id ?? null };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw importError(error, source);
  }
}
