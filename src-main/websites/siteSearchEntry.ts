import { type SearchedSiteFields, websiteSearchText } from './websiteSpec';

/** The role a site gets when none is given (prepareSiteInsert); its word is in every site's search text. */
const DEFAULT_ROLE = 'other';

/**
 * Whether a website's search text says more than its host name. A bulk import writes a
 * full-text entry only for such sites: the host trigram index finds the others by any part of
 * their host, and their registrable domain is part of it. Decided by comparing the site's search
 * text with the text the same host alone would give, so every field the search text holds (IP
 * addresses, name servers, a role, a URL path, what was typed) counts, now and when one is added.
 */
export function needsFullTextEntry(site: SearchedSiteFields): boolean {
  const text = websiteSearchText(site);
  const hostOnly = websiteSearchText({
    ...site,
    url_path: null,
    raw_input: site.host_ascii,
    registrar: null,
    registry: null,
    registrant: null,
    hosting_provider: null,
    asn: null,
    role: DEFAULT_ROLE,
    notes: null,
    ips: [],
    name_servers: [],
  });
  return text.title !== hostOnly.title || text.body !== hostOnly.body;
}
