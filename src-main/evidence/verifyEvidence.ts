import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { EvidenceVerification } from '../contract/DossierApi';
import { DossierError } from '../contract/errors';
import type { Evidence } from '../contract/records';
import { type ContentHashes, hashChunks } from './contentHasher';
import { addCustodyEvent } from './custody';
import { getEvidence } from './evidenceService';
import type { EvidenceTaskHooks } from './EvidenceTaskHooks';
import { getStoredContent, readEvidenceStream, type StoredContent } from './readEvidenceStream';
import { runInVaultQueue } from './vaultQueue';

type ExhibitToVerify = Pick<Evidence, 'id' | 'exhibit_label' | 'size_bytes' | 'sha256' | 'sha1' | 'md5' | 'content_sha256'>;

/** What re-reading one stored content found. */
interface ContentCheck {
  actual: ContentHashes | null;
  bytes: number;
  content: StoredContent | null;
  /** Set when the bytes could not be read at all (missing chunks, no content row). */
  problem: string | null;
}

async function checkContent(caseFile: CaseFile, sha256: string, hooks: EvidenceTaskHooks, onBytes: (n: number) => void): Promise<ContentCheck> {
  let content: StoredContent;
  try {
    content = getStoredContent(caseFile.db, sha256);
  } catch {
    return { actual: null, bytes: 0, content: null, problem: `its stored bytes (${sha256}) are missing from the case file` };
  }
  let bytes = 0;
  try {
    const hashed = await hashChunks(readEvidenceStream(caseFile, sha256, { signal: hooks.signal }), content.size_bytes, (n) => {
      bytes += n;
      onBytes(n);
    });
    return { actual: hashed.hashes, bytes: hashed.bytes, content, problem: null };
  } catch (error) {
    if (error instanceof DossierError && error.code === 'CANCELLED') throw error;
    return { actual: null, bytes, content, problem: (error as Error).message };
  }
}

/** Compares an exhibit's recorded hashes and size with what its stored bytes hash to now. */
function judge(exhibit: ExhibitToVerify, check: ContentCheck): Omit<EvidenceVerification, 'custody_recorded'> {
  const base = { id: exhibit.id, exhibit_label: exhibit.exhibit_label, expected_sha256: exhibit.sha256, actual_sha256: check.actual?.sha256 ?? null };
  const label = exhibit.exhibit_label;
  if (!exhibit.content_sha256) {
    return { ...base, ok: false, message: `${label} has no stored bytes to verify.` };
  }
  if (check.problem || !check.actual) {
    return { ...base, ok: false, message: `${label} FAILED verification: ${check.problem}. Do not produce it; restore the case file from a backup or a teammate's copy.` };
  }
  const { actual } = check;
  const mismatches: string[] = [];
  if (actual.sha256 !== exhibit.sha256) mismatches.push(`SHA-256 is ${actual.sha256}, recorded ${exhibit.sha256}`);
  if (actual.sha1 !== exhibit.sha1) mismatches.push(`SHA-1 is ${actual.sha1}, recorded ${exhibit.sha1}`);
  if (actual.md5 !== exhibit.md5) mismatches.push(`MD5 is ${actual.md5}, recorded ${exhibit.md5}`);
  if (check.bytes !== exhibit.size_bytes) mismatches.push(`size is ${check.bytes} bytes, recorded ${exhibit.size_bytes}`);
  if (check.content && actual.sha256 !== check.content.sha256) mismatches.push(`content address is ${check.content.sha256}`);
  if (mismatches.length > 0) {
    return {
      ...base,
      ok: false,
      message: `${label} FAILED verification: its stored bytes no longer match what was recorded at import (${mismatches.join('; ')}). ` +
        'The copy in this case file has been altered or damaged. Do not produce it; restore the case file from a backup or a teammate\'s copy.',
    };
  }
  return { ...base, ok: true, message: `${label} verified: ${check.bytes} bytes, SHA-256 ${actual.sha256} as recorded at import.` };
}

function exhibitsToVerify(caseFile: CaseFile, id: string | undefined, includeDeleted: boolean): ExhibitToVerify[] {
  if (id) return [getEvidence(caseFile, id, { includeDeleted: true })];
  return prepareCached(
    caseFile.db,
    `SELECT id, exhibit_label, size_bytes, sha256, sha1, md5, content_sha256 FROM evidence
     WHERE ${includeDeleted ? '1' : 'deleted_at IS NULL'} ORDER BY exhibit_number, id`,
  ).all() as ExhibitToVerify[];
}

/**
 * A further check of one exhibit's verdict by a feature above evidence (web captures re-check
 * each archived record); passed in, so evidence/ never imports the features built on it.
 */
export type ExhibitCheck = <V extends Omit<EvidenceVerification, 'custody_recorded'>>(caseFile: CaseFile, exhibitId: string, result: V, signal?: AbortSignal) => Promise<V>;

/** Said of each result when the case file could not be written (issue 10: read-only is a mode). */
export const CUSTODY_NOT_RECORDED = 'Its custody event was not recorded: the case file is read-only.';

/**
 * The verification as a custody event; false when the case file is read-only (opened for reading,
 * or a file the user may not write to): verifying still works, only the record of it is missing.
 */
function recordVerification(caseFile: CaseFile, exhibit: ExhibitToVerify, result: Omit<EvidenceVerification, 'custody_recorded'>, check: ContentCheck): boolean {
  try {
    addCustodyEvent(caseFile, {
      evidence_id: exhibit.id,
      action: 'verified',
      hash_seen: result.actual_sha256,
      result: result.ok ? 'ok' : check.actual ? 'mismatch' : 'failed',
      purpose: 'Integrity check of the stored copy against the hashes recorded at import',
      details: result.message.slice(0, 5000),
    });
    return true;
  } catch (error) {
    if (error instanceof DossierError && error.code === 'READ_ONLY') return false;
    throw error;
  }
}

/**
 * Re-hashes the stored bytes of one exhibit (or every live exhibit) and compares them with the
 * hashes recorded at import. Each result is also a custody event ('verified', result ok or
 * mismatch), so the chain of custody shows every check and its outcome. Content shared by several
 * exhibits is read once. A failed check is returned (ok: false, message naming the exhibit and
 * the hashes), not thrown, so that checking all exhibits reports every failure.
 */
export async function verifyEvidence(
  caseFile: CaseFile,
  id?: string,
  hooks: EvidenceTaskHooks & { moreChecks?: ExhibitCheck } = {},
  /**
   * record: false for checks that must not write (dossier check): no custody events.
   * includeDeleted: deleted exhibits too (dossier check: their bytes stay in the case and can be
   * extracted, so an edit to them matters as much).
   */
  options: { record?: boolean; includeDeleted?: boolean } = {},
): Promise<EvidenceVerification[]> {
  return runInVaultQueue(caseFile.path, async () => {
    const exhibits = exhibitsToVerify(caseFile, id, options.includeDeleted === true);
    const contents = [...new Set(exhibits.map((e) => e.content_sha256).filter((s): s is string => s !== null))];
    const total = contents.reduce((sum, sha) => {
      const row = prepareCached(caseFile.db, 'SELECT size_bytes FROM evidence_content WHERE sha256 = ?').get(sha) as { size_bytes: number } | undefined;
      return sum + (row?.size_bytes ?? 0);
    }, 0);
    let done = 0;
    let lastReport = -Infinity;
    const checks = new Map<string, ContentCheck>();
    const results: EvidenceVerification[] = [];
    let custodyRecorded = true;
    for (const exhibit of exhibits) {
      let check: ContentCheck = { actual: null, bytes: 0, content: null, problem: null };
      if (exhibit.content_sha256) {
        check = checks.get(exhibit.content_sha256) ?? (await checkContent(caseFile, exhibit.content_sha256, hooks, (n) => {
          done += n;
          if (hooks.onProgress && Date.now() - lastReport >= 100) {
            lastReport = Date.now();
            hooks.onProgress({ phase: 'verify', done, total, unit: 'bytes', message: exhibit.exhibit_label });
          }
        }));
        checks.set(exhibit.content_sha256, check);
      }
      // A web capture is also checked record by record (captures/verifyEvidenceWithCaptures): a failing record is named.
      const result = hooks.moreChecks ? await hooks.moreChecks(caseFile, exhibit.id, judge(exhibit, check), hooks.signal) : judge(exhibit, check);
      if (options.record === false) {
        results.push({ ...result, custody_recorded: false });
      } else {
        custodyRecorded &&= recordVerification(caseFile, exhibit, result, check);
        results.push(
          custodyRecorded
            ? { ...result, custody_recorded: true }
            : { ...result, custody_recorded: false, message: `${result.message} ${CUSTODY_NOT_RECORDED}` },
        );
      }
    }
    hooks.onProgress?.({ phase: 'verify', done, total, unit: 'bytes', message: `${results.length} checked` });
    return results;
  });
}
