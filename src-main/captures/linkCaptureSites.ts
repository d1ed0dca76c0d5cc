import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { Website } from '../contract/records';
import { isTimeWithoutZone, NO_ZONE_STATED } from '../contract/statedTime';
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
  firstCapturedAt: string;
  pages: number;
}

/**
 * Links the exhibit to each website whose host it captured ("captured", with the capture time),
 * adding missing websites when asked, and puts "evidence captured" on each website's lifecycle at
 * the capture date. A website already further along (named in an order, seized ...) keeps its
 * current status; the dated event still shows in its history. Runs inside the import transaction.
 */
export function linkCaptureSites(
  caseFile: CaseFile,
  evidenceId: string,
  hosts: CapturedHost[],
  options: { createSites: boolean; websiteId?: string | undefined },
): { websites: { id: string; host: string; created: boolean }[]; unmatched_hosts: string[] } {
  const websites: { id: string; host: string; created: boolean }[] = [];
  const unmatched: string[] = [];
  const targets = new Map<string, { site: Website; created: boolean; at: string; pages: number }>();
  for (const captured of hosts) {
    let site = findSiteForHost(caseFile, captured.host);
    let created = false;
    if (!site && options.createSites) {
      site = addWebsite(caseFile, { input: captured.host, notes: `Added from a web capture (first captured ${capturedAtWords(captured.firstCapturedAt)}).` });
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
      at: known && known.at < captured.firstCapturedAt ? known.at : captured.firstCapturedAt,
      pages: (known?.pages ?? 0) + captured.pages,
    });
  }
  if (options.websiteId && !targets.has(options.websiteId)) {
    const site = getWebsite(caseFile, options.websiteId);
    const first = hosts.map((h) => h.firstCapturedAt).sort()[0] ?? new Date().toISOString();
    targets.set(site.id, { site, created: false, at: first, pages: hosts.reduce((n, h) => n + h.pages, 0) });
  }
  for (const { site, created, at, pages } of targets.values()) {
    const note = `Captured ${capturedAtWords(at)} (${pages} page${pages === 1 ? '' : 's'})`;
    linkRecords(caseFile, { from_id: evidenceId, to_id: site.id, relation: 'captured', note });
    const already = prepareCached(
      caseFile.db,
      `SELECT 1 FROM website_status_event WHERE website_id = ? AND status = 'evidence_captured' AND evidence_id = ?`,
    ).get(site.id, evidenceId);
    if (!already) {
      if (site.status === 'identified') setWebsiteStatus(caseFile, site.id, 'evidence_captured', { at, evidenceId, note });
      else recordStatusEvent(caseFile, site.id, 'evidence_captured', at, { evidenceId, note });
    }
    websites.push({ id: site.id, host: site.host_unicode, created });
  }
  return { websites, unmatched_hosts: unmatched };
}
