import type Database from 'better-sqlite3';
import type { Migration } from './Migration';

/**
 * Until version 13 a bulk site import gave a site a full-text entry only when a registrar,
 * registry, registrant, hosting provider, ASN, notes, dates or flags came with it: a site
 * imported with only its IP addresses, name servers, role, URL path or a typed URL could not be
 * found by them (searching an IP address found nothing). The import now decides by the site's
 * whole search text (websites/siteSearchEntry.ts). This gives every live site that lacks an entry
 * and has more to search than its host the entry it should have had, so search finds it and
 * `check` can count a missing entry as removed behind the app's back.
 *
 * Derived data only: no record, seal or audit entry changes. The search text is written out here
 * as websiteSpec's searchText gives it at this version (migrations import only casefile/), so the
 * migration stays as it landed; verifySearchIndex compares every entry with the live rule.
 */
export const websiteSearchEntries: Migration = {
  version: 13,
  name: 'website-search-entries',
  up(db: Database.Database): void {
    const page = db.prepare(
      `SELECT rowid, id, host_unicode, host_ascii, url_path, registrable_domain, raw_input, registrar, registry, registrant,
              hosting_provider, asn, role, notes, ips, name_servers
       FROM website w WHERE rowid > ? AND deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_doc d WHERE d.record_id = w.id)
       ORDER BY rowid LIMIT 5000`,
    );
    const doc = db.prepare("INSERT INTO search_doc (record_kind, record_id) VALUES ('website', ?)");
    const fts = db.prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)');
    for (let after = 0; ; ) {
      const sites = page.all(after) as (StoredSite & { rowid: number; id: string })[];
      if (sites.length === 0) return;
      for (const site of sites) {
        const text = searchTextV13(site);
        const hostOnly = hostOnlyTextV13(site);
        if (text.title === hostOnly.title && text.body === hostOnly.body) continue;
        fts.run(Number(doc.run(site.id).lastInsertRowid), text.title, text.body);
      }
      after = sites[sites.length - 1]!.rowid;
    }
  },
};

interface StoredSite {
  host_unicode: string;
  host_ascii: string;
  url_path: string | null;
  registrable_domain: string | null;
  raw_input: string;
  registrar: string | null;
  registry: string | null;
  registrant: string | null;
  hosting_provider: string | null;
  asn: string | null;
  role: string;
  notes: string | null;
  /** JSON arrays of strings, as stored */
  ips: string;
  name_servers: string;
}

function searchTextV13(s: StoredSite): { title: string; body: string } {
  const ips = JSON.parse(s.ips) as string[];
  const nameServers = JSON.parse(s.name_servers) as string[];
  return {
    title: [s.host_unicode, s.host_ascii !== s.host_unicode ? s.host_ascii : null, s.url_path].filter(Boolean).join(' '),
    body: [s.registrable_domain, s.raw_input.trim().toLowerCase() !== s.host_ascii ? s.raw_input : null, s.registrar, s.registry, s.registrant,
      s.hosting_provider, s.asn, s.role.replace(/_/g, ' '), s.notes, ips.join(' '), nameServers.join(' ')]
      .filter(Boolean)
      .join('\n'),
  };
}

/** The text the same host alone would give (no details, the default role 'other'). */
function hostOnlyTextV13(s: StoredSite): { title: string; body: string } {
  return searchTextV13({
    ...s, url_path: null, raw_input: s.host_ascii, registrar: null, registry: null, registrant: null, hosting_provider: null,
    asn: null, role: 'other', notes: null, ips: '[]', name_servers: '[]',
  });
}
