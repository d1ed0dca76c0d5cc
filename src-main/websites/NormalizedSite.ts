/**
 * Warnings attached to a site. None of them rejects the input: they tell the investigator what
 * a name hides or imitates. The database stores them; the UI and the packet show the reasons.
 */
export const SITE_FLAGS = [
  /** Characters drawn as nothing (soft hyphen, zero-width space/joiners, BOM...) in the host or path. */
  'invisible-characters',
  /** Bidirectional controls (right-to-left override, isolates, marks) in the host or path. */
  'bidi-control',
  /** IDNA mapped the typed host to different characters (full-width letters, `。`, `ẞ`, ligatures). */
  'compatibility-mapped',
  /** A label mixes scripts that are not normally written together (Latin + Cyrillic). */
  'mixed-script',
  /** A label is wholly in another script but every letter looks Latin (all-Cyrillic `аррӏе`). */
  'whole-script-confusable',
  /** A label imitates a watched brand with look-alike characters (`micros0ft`, `rnicrosoft`). */
  'brand-lookalike',
  /** A URL with `user@` before the host (`https://microsoft.com@evil.example/`). */
  'userinfo',
  /** Written defanged (`hxxp://evil[.]com`) and refanged. */
  'defanged',
  /** The host was percent-encoded in the URL (`%65vil.com`). */
  'percent-encoded-host',
  /** An IPv4 address in a form people misread (`0x7f.1`, `2130706433`). */
  'non-standard-ip',
  /** A special-use name (RFC 6761 and successors: `.test`, `.example`, `.local`, `.onion`...). */
  'special-use',
  /** The TLD is not in the Public Suffix List (accepted only with `allowUnknownTld`). */
  'unknown-tld',
  /** The name sits under a platform's private suffix (`*.blogspot.com`, `*.github.io`). */
  'platform-subdomain',
] as const;

export type SiteFlag = (typeof SITE_FLAGS)[number];

/**
 * A website or domain as the case file records it. Snake-case fields are the stored columns.
 * `raw` is kept exactly as entered: it is what the investigator saw and may differ from every
 * derived form in ways that matter in court (invisible characters, look-alikes).
 */
export interface NormalizedSite {
  raw: string;
  host_kind: 'domain' | 'ip';
  /** 4 or 6 for IP hosts, else null. */
  ip_version: 4 | 6 | null;
  /** A-label (punycode) form, lower case, no trailing dot; canonical address for IPs. */
  host_ascii: string;
  /** U-label form for display. */
  host_unicode: string;
  /** Registrable domain (ICANN section of the PSL) in A-label form; null for IPs. */
  registrable_domain: string | null;
  registrable_domain_unicode: string | null;
  /** ICANN public suffix (`com`, `co.uk`); null for IPs. */
  public_suffix: string | null;
  /** Labels left of the registrable domain (`www`, `a.b`); null when none or for IPs. */
  subdomain: string | null;
  /** A platform suffix from the PSL's private section the name sits under, else null. */
  private_suffix: string | null;
  /** URL scheme when a URL was given, lower case, else null. */
  scheme: string | null;
  port: number | null;
  /** Path, query and fragment as entered; null for a bare domain or a bare `/`. */
  path: string | null;
  /** Read-only: rows without findings share one frozen empty array. */
  flags: readonly SiteFlag[];
  /** One sentence per finding, for people. */
  flagReasons: readonly string[];
  /**
   * What makes two inputs "the same site" for merging: host_ascii + path, and for a host with
   * hidden characters also the host as typed with them written out
   * (`example.com typed:ex<U+00AD>ample.com`), so `ex\u00ADample.com` is never merged silently
   * into `example.com` although both resolve to that name. Scheme, port and userinfo are not
   * part of it. (No space can occur in host or path, so the space cannot be forged.)
   */
  identity_key: string;
}

export interface NormalizeSiteOptions {
  /** Accept IP addresses as hosts (default true). When false they fail with IP_ADDRESS. */
  allowIp?: boolean;
  /**
   * Accept TLDs missing from the Public Suffix List, flagged `unknown-tld` (default false).
   * For alternative roots seen in malware (`.bit`) when an investigator means it.
   */
  allowUnknownTld?: boolean;
  /**
   * Treat the PSL's private section (platform suffixes like `blogspot.com`) as public suffixes
   * (default false). Off because a takedown acts at the ICANN level: the registrar and registry
   * of `evil.blogspot.com` are those of `blogspot.com`; the platform is recorded in
   * `private_suffix` and flagged, and is served as the hosting provider.
   */
  privateSuffixes?: boolean;
}
