import type Database from 'better-sqlite3';
import { prepareCached } from '../casefile/prepareCached';
import type { CaptureResource } from '../contract/captures';
import { DossierError } from '../contract/errors';
import { timeForOrdering } from '../contract/statedTime';
import type { CaptureFormat } from './detectCaptureFormat';
import { readRecordPayload, type RecordPlacement } from './readRecordPayload';

interface CandidateRow extends RecordPlacement {
  id: string;
  record_id: string;
  record_type: string;
  target_uri: string;
  captured_at: string | null;
  declared_payload_digest: string | null;
}

/** The spellings a URL may have been recorded under (a trailing slash, the fragment dropped). */
function urlVariants(url: string): string[] {
  const variants = new Set([url]);
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    variants.add(parsed.href);
    if (parsed.pathname === '/' && !parsed.search) variants.add(parsed.href.replace(/\/$/, ''));
  } catch {
    // Not a URL we can normalise: only the exact spelling is looked up.
  }
  return [...variants];
}

function distance(at: string | undefined, capturedAt: string | null): number {
  if (!at || !capturedAt) return 0;
  const a = timeForOrdering(at);
  const b = timeForOrdering(capturedAt);
  return Number.isNaN(a) || Number.isNaN(b) ? 0 : Math.abs(a - b);
}

/**
 * The resource the replay view asks for: among the capture's responses for `url`, the one captured
 * closest to `at`, read from the stored archive with the offsets recorded at import. A revisit
 * record ("same as before") is answered with the earlier response it points to. Null when the
 * archive does not hold the URL: the view lists it as missing, and nothing is fetched elsewhere.
 */
export async function resolveCaptureResource(db: Database.Database, captureId: string, url: string, at?: string): Promise<CaptureResource | null> {
  const capture = prepareCached(db, 'SELECT content_sha256, format FROM capture WHERE id = ?').get(captureId) as
    | { content_sha256: string; format: CaptureFormat }
    | undefined;
  if (!capture) throw new DossierError('NOT_FOUND', `No capture with id ${captureId} in this case.`);
  const variants = urlVariants(url);
  const candidates = db
    .prepare(
      `SELECT id, seq, record_id, record_type, target_uri, captured_at, declared_payload_digest, member_offset, member_method, offset, length
       FROM capture_record WHERE capture_id = ? AND target_uri IN (${variants.map(() => '?').join(',')})
         AND record_type IN ('response', 'resource', 'revisit') AND digest_status <> 'truncated'`,
    )
    .all(captureId, ...variants) as CandidateRow[];
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => distance(at, a.captured_at) - distance(at, b.captured_at) || a.seq - b.seq);
  let chosen = candidates[0]!;
  if (chosen.record_type === 'revisit') {
    const original = chosen.declared_payload_digest
      ? (prepareCached(
          db,
          `SELECT id, seq, record_id, record_type, target_uri, captured_at, declared_payload_digest, member_offset, member_method, offset, length
           FROM capture_record WHERE capture_id = ? AND record_type = 'response' AND declared_payload_digest = ? ORDER BY seq LIMIT 1`,
        ).get(captureId, chosen.declared_payload_digest) as CandidateRow | undefined)
      : undefined;
    const response = candidates.find((c) => c.record_type !== 'revisit');
    if (!original && !response) return null;
    chosen = original ?? response!;
  }
  const payload = await readRecordPayload(db, capture.content_sha256, capture.format, chosen);
  const location = payload.headers.get('location');
  let resolvedLocation: string | null = null;
  if (location) {
    try {
      resolvedLocation = new URL(location, chosen.target_uri).href;
    } catch {
      resolvedLocation = null;
    }
  }
  return {
    url: chosen.target_uri,
    record_id: chosen.record_id,
    captured_at: chosen.captured_at,
    http_status: payload.status,
    content_type: payload.headers.get('content-type') ?? 'application/octet-stream',
    body_base64: payload.body.toString('base64'),
    location: resolvedLocation,
  };
}
