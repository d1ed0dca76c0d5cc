import { createHash } from 'node:crypto';

/**
 * Digests of a payload whose archive declares none (HAR entries, MHTML parts): computed here, and
 * said to be computed, so nothing reads them as a check against a digest the capture tool wrote.
 */
export function computedDigests(payload: Uint8Array) {
  return {
    payload_sha1: createHash('sha1').update(payload).digest('hex'),
    payload_sha256: createHash('sha256').update(payload).digest('hex'),
    payload_length: payload.length,
    declared_block_digest: null,
    declared_payload_digest: null,
    digest_status: 'computed' as const,
  };
}
