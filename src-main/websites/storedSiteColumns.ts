import type { NormalizedSite } from './NormalizedSite';

/** The columns of a website row that come from normalising what was entered. */
export function storedSiteColumns(site: NormalizedSite) {
  return {
    raw_input: site.raw,
    dedupe_key: site.identity_key,
    host_kind: site.host_kind,
    host_unicode: site.host_unicode,
    host_ascii: site.host_ascii,
    registrable_domain: site.registrable_domain,
    public_suffix: site.public_suffix,
    url_path: site.path,
    flags: site.flags,
    flag_reasons: site.flagReasons,
  };
}
