import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import type { CourtOrder } from '../contract/records';

/**
 * The court orders a filing's orders section lists. Chosen ones (`orderIds`) in the order given;
 * by default the order the appendix is for, orders whose document is one of the filed exhibits and
 * orders linked to one of them, in date order. Never every order of the case: test and draft
 * orders recorded beside the real ones do not belong in a filing.
 */
export function filingOrders(caseFile: CaseFile, orders: CourtOrder[], orderIds: string[] | undefined, appendixOrder: CourtOrder | undefined, exhibitIds: string[]): CourtOrder[] {
  if (orderIds) {
    return orderIds.map((id) => {
      const found = orders.find((o) => o.id === id);
      if (!found) throw new DossierError('NOT_FOUND', `No court order with id ${id} in this case (--orders).`);
      return found;
    });
  }
  const exhibits = new Set(exhibitIds);
  const linked = new Set<string>();
  const links = prepareCached(
    caseFile.db,
    `SELECT from_id, to_id FROM link WHERE deleted_at IS NULL AND ((from_kind = 'order' AND to_kind = 'evidence') OR (from_kind = 'evidence' AND to_kind = 'order'))`,
  ).all() as { from_id: string; to_id: string }[];
  for (const l of links) {
    if (exhibits.has(l.from_id)) linked.add(l.to_id);
    if (exhibits.has(l.to_id)) linked.add(l.from_id);
  }
  return orders.filter((o) => o.id === appendixOrder?.id || linked.has(o.id) || (o.document_evidence_id !== null && exhibits.has(o.document_evidence_id)));
}
