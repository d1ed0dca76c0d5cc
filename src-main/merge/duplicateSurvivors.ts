import { createHash } from 'node:crypto';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';

/**
 * Tombstoned duplicate websites -> the row that is live now, from the duplicate conflicts merges
 * recorded (settled by id or resolved by someone). A survivor that itself lost a later pair is
 * followed to the live end. A pair with both rows live or both deleted moves nothing: only a
 * duplicate's tombstone hands over what its row had (links: carryDuplicateLinks; status
 * history: carryDuplicateStatus).
 */
export function duplicateSurvivors(caseFile: CaseFile): Map<string, string> {
  const pairs = prepareCached(
    caseFile.db,
    `SELECT c.record_id AS a, c.other_record_id AS b, wa.deleted_at IS NULL AS a_live, wb.deleted_at IS NULL AS b_live
     FROM merge_conflict c JOIN website wa ON wa.id = c.record_id JOIN website wb ON wb.id = c.other_record_id
     WHERE c.kind = 'duplicate' AND c.record_table = 'website'`,
  ).all() as { a: string; b: string; a_live: number; b_live: number }[];
  const to = new Map<string, string>();
  for (const p of pairs) {
    if (p.a_live && !p.b_live) to.set(p.b, p.a);
    else if (p.b_live && !p.a_live) to.set(p.a, p.b);
  }
  const live = (id: string): string => {
    let at = id;
    // Bounded: ids never cycle live.
    for (let hops = 0; hops < 100 && to.has(at); hops++) at = to.get(at)!;
    return at;
  };
  return new Map([...to.keys()].map((dropped) => [dropped, live(dropped)]));
}

/**
 * A UUID (version 8, RFC 9562 variant) derived from `parts`: a row a duplicate's tombstone
 * carries over gets the same id on every copy that carries it, so merges meet it as one row.
 */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
