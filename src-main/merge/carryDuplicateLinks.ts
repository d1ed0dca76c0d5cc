import { createHash } from 'node:crypto';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { saveHistory } from '../records/saveHistory';
import { tombstoneStamp } from './duplicateTombstone';

type LinkRow = {
  id: string; from_kind: string; from_id: string; to_kind: string; to_id: string; relation: string; note: string | null;
  created_at: string; created_by: string; updated_at: string; updated_by: string; hlc: string; deleted_at: string | null;
};

/**
 * The id of the link that carries `link` over to the row that stays: derived from the link and
 * its new ends, so every copy that carries it makes the same row (and merges meet it as one).
 */
function carriedLinkId(linkId: string, fromId: string, toId: string): string {
  const hex = createHash('sha256').update(`carried-link\u0000${linkId}\u0000${fromId}\u0000${toId}`).digest('hex');
  // UUID version 8 (custom), RFC 9562 variant.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Tombstoned duplicate websites -> the row of the pair that is live, from the duplicate conflicts
 * merges recorded (settled by id or resolved by someone). A pair with both rows live or both
 * deleted moves nothing: only a duplicate's tombstone hands its links over.
 */
function survivors(caseFile: CaseFile): Map<string, string> {
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
  return to;
}

/**
 * Moves every live link of a website that a duplicate settlement tombstoned (a merge's, or
 * `conflicts resolve --keep`) to the row that stays, so an order that covered the domain on one
 * copy still covers it: the old link is tombstoned and an equal one made for the live row. Ids and
 * stamps are derived from the old link's version (as duplicate tombstones are), so every copy makes
 * the same rows in any merge order; a later edit of the old link beats its tombstone and is carried
 * again by the next merge. Returns the link ids written, for the caller's audit entry to seal.
 */
export function carryDuplicateLinks(caseFile: CaseFile): string[] {
  const to = survivors(caseFile);
  if (to.size === 0) return [];
  const { db } = caseFile;
  const live = (id: string): string => {
    let at = id;
    // A survivor may itself have lost a later pair: follow to the live end (bounded, ids never cycle live).
    for (let hops = 0; hops < 100 && to.has(at); hops++) at = to.get(at)!;
    return at;
  };
  const linksOf = prepareCached(db, 'SELECT * FROM link WHERE (from_id = ? OR to_id = ?) AND deleted_at IS NULL');
  const exists = prepareCached(db, 'SELECT 1 FROM link WHERE from_id = ? AND to_id = ? AND relation = ? AND deleted_at IS NULL');
  const known = prepareCached(db, 'SELECT 1 FROM link WHERE id = ?');
  const tombstone = prepareCached(db, 'UPDATE link SET deleted_at = ?, hlc = ? WHERE id = ?');
  const insert = prepareCached(
    db,
    `INSERT INTO link (id, from_kind, from_id, to_kind, to_id, relation, note, created_at, created_by, updated_at, updated_by, hlc, deleted_at)
     VALUES (@id, @from_kind, @from_id, @to_kind, @to_id, @relation, @note, @created_at, @created_by, @updated_at, @updated_by, @hlc, NULL)`,
  );
  const written: string[] = [];
  for (const dropped of to.keys()) {
    for (const link of linksOf.all(dropped, dropped) as LinkRow[]) {
      const stamp = tombstoneStamp(link.hlc);
      caseFile.clock.observe(stamp);
      saveHistory(caseFile, 'link', link, 'merge');
      // When the link's version was written: the same on every copy, unlike the time of this merge.
      const deletedAt = link.updated_at > link.created_at ? link.updated_at : link.created_at;
      tombstone.run(deletedAt, stamp, link.id);
      written.push(link.id);
      const fromId = live(link.from_id);
      const toId = live(link.to_id);
      const id = carriedLinkId(link.id, fromId, toId);
      // A link from the survivor to itself means nothing; one it already has is kept as it is.
      if (fromId === toId || exists.get(fromId, toId, link.relation) || known.get(id)) continue;
      insert.run({ ...link, id, from_id: fromId, to_id: toId, hlc: stamp });
      written.push(id);
    }
  }
  return written;
}
