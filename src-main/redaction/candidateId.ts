import { createHash } from 'node:crypto';

/**
 * The id of a detected candidate, derived from what was found where: the same exhibit scanned on
 * two copies of a case gives the same id, so a merge unites the two rows (and their decisions, the
 * later winning) instead of listing every identifier twice. An RFC 9562 version-8 UUID (custom,
 * hash-based): it never collides with the UUIDv7 ids of records made by hand.
 */
export function candidateId(evidenceId: string, page: number | null, start: number, end: number, category: string, value: string): string {
  const h = createHash('sha256').update(JSON.stringify(['dossier-redaction-v1', evidenceId, page, start, end, category, value])).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
