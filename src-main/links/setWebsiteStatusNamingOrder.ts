import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import type { Website } from '../contract/records';
import { setWebsiteStatus } from '../websites/websiteService';
import { linkRecords } from './linkService';

/**
 * Sets a website's status; "named_in_order" with an order also links the order to the site as
 * "covers", in the same transaction. What an order covers is its "covers" links (its Appendix A,
 * `site list --order`, the packet's appendix all read them): a site recorded as named in an order
 * but not covered by it would make the case say both. The link is an ordinary record (audited,
 * sealed, merged by id like one made by hand), so merge and check need nothing new; it is made
 * once (linkRecords is idempotent) and stays if the status moves on, as the order still names it.
 * Lives here, not in websites/, because links already depend on websites.
 */
export function setWebsiteStatusNamingOrder(...args: Parameters<typeof setWebsiteStatus>): Website {
  const [caseFile, websiteId, status, options = {}] = args;
  const { orderId } = options;
  return writeTransaction(caseFile, () => {
    if (status === 'named_in_order' && orderId) {
      const order = prepareCached(caseFile.db, 'SELECT id FROM court_order WHERE id = ? AND deleted_at IS NULL').get(orderId);
      if (!order) throw new DossierError('NOT_FOUND', `No court order with id ${orderId} in this case; "dossier list FILE order" lists them.`);
    }
    const site = setWebsiteStatus(caseFile, websiteId, status, options);
    if (status === 'named_in_order' && orderId) linkRecords(caseFile, { from_id: orderId, to_id: websiteId, relation: 'covers' });
    return site;
  });
}
