import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { CaptureLinkedWebsite } from '../contract/captures';
import type { Website } from '../contract/records';
import { isTimeWithoutZone, NO_USABLE_CAPTURE_TIME, NO_ZONE_STATED, storedFileTime, timeForOrdering } from '../contract/statedTime';
import { linkRecords } from '../links/linkService';
import { normalizeSiteInput } from '../websites/normalizeSiteInput';
import { addWebsite, findWebsiteByKey, getWebsite, recordStatusEvent, setWebsiteStatus } from '../websites/websiteService';

/** The host of a captured URL in the form websites store it (`site add` normalisation), or null. */
export function captureHost(url: string): string | null {
  let hostname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    hostname = parsed.hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
  try {
    return normalizeSiteInput(hostname).host_ascii;
  } catch {
    return null;
  }
}

/**
 * A capture time as the notes this import writes state it: a time the capture gave without a zone
 * names no instant and says so (contract/statedTime), as packets, the CLI and the UI say it.
 */
function capturedAtWords(at: string): string {
  return isTimeWithoutZone(at) ? `${at}, ${NO_ZONE_STATED}` : at;
}

/**
 * The earlier of a host's first capture time so far and a page's time, each only when it is a real
 * time (contract/statedTime, in its stored form); null while no page of the host has one. Text that
 * is no time (a WARC-Date "last thursday" is kept as written on its record) never becomes a date:
 * compared as a string it sorted after every real date and was printed as one.
 */
export function earlierCaptureTime(known: string | null, pageTime: string | null): string | null {
  const time = storedFileTime(pageTime);
  if (time === null) return known;
  return known !== null && timeForOrdering(known) <= timeForOrdering(time) ? known : time;
}

/** The case's website for a captured host: the host itself, else its registrable domain (www.shop.example -> shop.example). */
function findSiteForHost(caseFile: CaseFile, host: string): Website | undefined {
  const site = normalizeSiteInput(host);
  return (
    findWebsiteByKey(caseFile, site.identity_key) ??
    (site.registrable_domain && site.registrable_domain !== site.host_ascii ? findWebsiteByKey(caseFile, site.registrable_domain) : undefined)
  );
}

export interface CapturedHost {
  host: string;
  /** The earliest real time of the host's pages (earlierCaptureTime), null when none states one. */
  firstCapturedAt: string | null;
  pages: number;
}


/**
 * Links the exhibit to each website whose host it captured ("captured", with the capture time),
 * adding missing websites when asked, and puts "evidence captured" on each website's lifecycle at
 * the capture date. A website already further along (named in an order, seized ...) keeps its
 * current status; the dated event still shows in its history. A capture that states no usable time
 * is linked all the same, but no event is recorded: an event needs a real time (its `at` orders
 * the lifecycle), and none is invented, neither the import's own time nor the capture's words;
 * the notes say why. Runs inside the import transaction.
 */
export function linkCaptureSites(
  caseFile: CaseFile,
  evidenceId: string,
  hosts: CapturedHost[],
  options: { createSites: boolean; websiteId?: string | undefined },
): { websites: CaptureLinkedWebsite[]; unmatched_hosts: string[] } {
  const websites: CaptureLinkedWebsite[] = [];
  const unmatched: string[] = [];
  const targets = new Map<string, { site: Website; created: boolean; at: string | null; pages: number }>();
  for (const captured of hosts) {
    let site = findSiteForHost(caseFile, captured.host);
    let created = false;
    if (!site && options.createSites) {
      const when = captured.firstCapturedAt === null ? NO_USABLE_CAPTURE_TIME : `first captured ${capturedAtWords(captured.firstCapturedAt)}`;
      site = addWebsite(caseFile, { input: captured.host, notes: `Added from a web capture (${when}).` });
      created = true;
    }
    if (!site) {
      unmatched.push(captured.host);
      continue;
    }
    const known = targets.get(site.id);
    targets.set(site.id, {
      site,
      created: created || (known?.created ?? false),
      at: earlierCaptureTime(known?.at ?? null, captured.firstCapturedAt),
      pages: (known?.pages ?? 0) + captured.pages,
    });
  }
  if (options.websiteId && !targets.has(options.websiteId)) {
    const site = getWebsite(caseFile, options.websiteId);
    const first = hosts.reduce<string | null>((earliest, h) => earlierCaptureTime(earliest, h.firstCapturedAt), null);
    targets.set(site.id, { site, created: false, at: first, pages: hosts.reduce((n, h) => n + h.pages, 0) });
  }
  for (const { site, created, at, pages } of targets.values()) {
    const counted = `${pages} page${pages === 1 ? '' : 's'}`;
    const note = at === null ? `Captured (${counted}); ${NO_USABLE_CAPTURE_TIME}, so no capture date is recorded` : `Captured ${capturedAtWords(at)} (${counted})`;
    linkRecords(caseFile, { from_id: evidenceId, to_id: site.id, relation: 'captured', note });
    const already = prepareCached(
      caseFile.db,
      `SELECT 1 FROM website_status_event WHERE website_id = ? AND status = 'evidence_captured' AND evidence_id = ?`,
    ).get(site.id, evidenceId);
    if (!already && at !== null) {
      if (site.status === 'identified') setWebsiteStatus(caseFile, site.id, 'evidence_captured', { at, evidenceId, note });
      else recordStatusEvent(caseFile, site.id, 'evidence_captured', at, { evidenceId, note });
    }
    websites.push({ id: site.id, host: site.host_unicode, created, captured_at: at });
  }
  return { websites, unmatched_hosts: unmatched };
}
