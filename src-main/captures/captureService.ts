import type { CaseFile } from '../casefile/CaseFile';
import type { CapturePageDetail, CapturePageInfo } from '../contract/captures';
import { DossierError } from '../contract/errors';
import { getWebsite } from '../websites/websiteService';
import { getCapture, getCapturePageRow, listCapturePages } from './captureRows';

/** A captured page with its text and its capture (for `capture show` and the replay view). */
export function getCapturePage(caseFile: CaseFile, id: string): CapturePageDetail {
  const page = getCapturePageRow(caseFile.db, id);
  return { ...page, capture: getCapture(caseFile.db, page.capture_id) };
}

/** Pages of one capture, of one exhibit, or captured on one website's host (its Captures tab). */
export function findCapturePages(caseFile: CaseFile, filter: { captureId?: string | undefined; evidenceId?: string | undefined; websiteId?: string | undefined }, limit = 1000): CapturePageInfo[] {
  if (filter.websiteId) {
    const site = getWebsite(caseFile, filter.websiteId);
    return listCapturePages(caseFile.db, { hosts: [site.host_ascii] }, limit);
  }
  if (!filter.captureId && !filter.evidenceId) throw new DossierError('INVALID_REQUEST', 'Say whose pages to list: a capture, an exhibit or a website.');
  return listCapturePages(caseFile.db, filter, limit);
}
