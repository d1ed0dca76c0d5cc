import type Database from 'better-sqlite3';
import { prepareCached } from '../casefile/prepareCached';
import type { CaptureDigestFacts } from './CaptureDigestFacts';

/** Records named one by one when their digest does not match; the rest are counted. */
const NAMED_MISMATCHES = 5;

/** How the statement names an algorithm label as WARC writers spell it ("sha1", "sha-256"). */
const ALGORITHM_NAMES: Record<string, string> = { sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512', md5: 'MD5' };

// A record scanWarc marked 'verified' may also carry a second digest in a form it could not check
// (its problem says "cannot be checked"): that record is not counted as matching in full.
// scanWarc.ts writes that wording; change both together. No NULL may reach NOT (...): sum() skips NULLs.
const UNCHECKABLE = `(r.digest_status = 'computed' AND (r.declared_block_digest IS NOT NULL OR r.declared_payload_digest IS NOT NULL))
  OR (r.digest_status = 'verified' AND coalesce(r.problem, '') LIKE '%cannot be checked%')`;

interface CountsRow {
  records: number;
  matched: number;
  no_digest: number;
  uncheckable: number;
  truncated: number;
  mismatched: number;
}

function algorithmName(label: string): string {
  return ALGORITHM_NAMES[label.toLowerCase().replace(/-/g, '')] ?? label;
}

/**
 * The capture-tool digests of an exhibit's web capture as the case file records them: counted from
 * capture_record, whose digest_status was set when each record's declared digest was compared with
 * its bytes at import (scanWarc). Null when the exhibit is not a parsed capture (or its parse never
 * finished). Only the first capture of the exhibit counts, as in the packet's capture pages.
 */
export function readCaptureDigestFacts(db: Database.Database, evidenceId: string): CaptureDigestFacts | null {
  const capture = prepareCached(
    db,
    `SELECT id, format, tool, created_at, capture_info FROM capture WHERE evidence_id = ? AND import_status <> 'importing' ORDER BY created_at, id LIMIT 1`,
  ).get(evidenceId) as { id: string; format: string; tool: string | null; created_at: string; capture_info: string } | undefined;
  if (!capture) return null;
  const counts = prepareCached(
    db,
    `SELECT count(*) AS records,
       coalesce(sum(r.digest_status = 'verified' AND NOT (${UNCHECKABLE})), 0) AS matched,
       coalesce(sum(r.digest_status = 'computed' AND r.declared_block_digest IS NULL AND r.declared_payload_digest IS NULL), 0) AS no_digest,
       coalesce(sum(${UNCHECKABLE}), 0) AS uncheckable,
       coalesce(sum(r.digest_status = 'truncated'), 0) AS truncated,
       coalesce(sum(r.digest_status = 'mismatch'), 0) AS mismatched
     FROM capture_record r WHERE r.capture_id = ?`,
  ).get(capture.id) as CountsRow;
  const digests = prepareCached(
    db,
    `SELECT DISTINCT 'WARC-Payload-Digest' AS header, lower(substr(declared_payload_digest, 1, instr(declared_payload_digest, ':') - 1)) AS algorithm
       FROM capture_record r WHERE r.capture_id = ? AND r.digest_status = 'verified' AND instr(declared_payload_digest, ':') > 1
     UNION
     SELECT DISTINCT 'WARC-Block-Digest', lower(substr(declared_block_digest, 1, instr(declared_block_digest, ':') - 1))
       FROM capture_record r WHERE r.capture_id = ? AND r.digest_status = 'verified' AND instr(declared_block_digest, ':') > 1`,
  ).all(capture.id, capture.id) as { header: string; algorithm: string }[];
  const mismatches = (
    prepareCached(db, `SELECT record_id, target_uri, offset, member, problem FROM capture_record WHERE capture_id = ? AND digest_status = 'mismatch' ORDER BY seq LIMIT ${NAMED_MISMATCHES}`).all(
      capture.id,
    ) as { record_id: string; target_uri: string | null; offset: number | null; member: string | null; problem: string | null }[]
  ).map((r) => ({
    recordId: r.record_id,
    targetUri: r.target_uri,
    offset: r.offset,
    member: r.member,
    // scanWarc's problem names each declared digest that did not match ("WARC-Payload-Digest sha1:... does not match").
    headers: [...new Set([...(r.problem ?? '').matchAll(/(WARC-(?:Block|Payload)-Digest) \S+ does not match/g)].map((m) => m[1]!))],
  }));
  return {
    format: capture.format,
    tool: capture.tool,
    checkedAt: capture.created_at,
    records: counts.records,
    matched: counts.matched,
    noDigest: counts.no_digest,
    uncheckable: counts.uncheckable,
    truncated: counts.truncated,
    mismatched: counts.mismatched,
    // Payload digests first: that is the digest of the content a court looks at.
    matchedDigests: digests
      .sort((a, b) => (a.header === b.header ? a.algorithm.localeCompare(b.algorithm) : a.header === 'WARC-Payload-Digest' ? -1 : 1))
      .map((d) => ({ header: d.header, algorithm: algorithmName(d.algorithm) })),
    mismatches,
    datapackage: datapackageChecks(capture.capture_info),
  };
}

/** scanStoredCapture records each WACZ file it compared with datapackage.json as {path, ok}. */
function datapackageChecks(captureInfo: string): CaptureDigestFacts['datapackage'] {
  const info = JSON.parse(captureInfo) as { datapackage_checked?: { path: string; ok: boolean }[] };
  if (!Array.isArray(info.datapackage_checked)) return null;
  return { checked: info.datapackage_checked.length, failed: info.datapackage_checked.filter((c) => !c.ok).map((c) => c.path) };
}
