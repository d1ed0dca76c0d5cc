import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { saveHistory } from '../records/saveHistory';
import { tombstoneStamp } from './duplicateTombstone';
import { derivedId, duplicateSurvivors } from './duplicateSurvivors';

type LinkRow = {
  id: string; from_kind: string; from_id: string; to_kind: string; to_id: string; relation: string; note: string | null;
  created_at: string; created_by: string; updated_at: string; updated_by: string; hlc: string; deleted_at: string | null;
};

/**
 * The id of the link that carries `link` over to the row that stays: derived from the link and
 * its new ends, so every copy that carries it makes the same row (and merges meet it as one).
 * The parts are stored in every copy's ids: never change them.
 */
function carriedLinkId(linkId: string, fromId: string, toId: string): string {
  return derivedId('carried-link', linkId, fromId, toId);
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
  const to = duplicateSurvivors(caseFile);
  if (to.size === 0) return [];
  const { db } = caseFile;
  // A survivor may itself have lost a later pair: duplicateSurvivors gives the live end.
  const live = (id: string): string => to.get(id) ?? id;
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
