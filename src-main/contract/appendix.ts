import type { SiteStatus } from './enums';

/** One domain of an order's appendix, as counsel file it. */
export interface AppendixRow {
  registry: string;
  registrar: string;
  registrar_iana_id: string | null;
  registrant: string | null;
  host_unicode: string;
  host_ascii: string;
  url_path: string | null;
  status: SiteStatus;
  website_id: string;
  /** Registrable domain (A-label) the host belongs to; null for IP addresses. Appendix A folds rows by it. */
  registrable_domain?: string | null;
  /** An IP address is no registrable domain: Appendix A counts it apart. */
  host_kind?: 'domain' | 'ip';
  /** Stored look-alike and input flags (JSON array text), e.g. ["mixed-script"]. */
  flags?: string | null;
}

export interface AppendixGroup {
  registry: string;
  registrars: { registrar: string; registrar_iana_id: string | null; count: number }[];
  count: number;
}

/** One entry of Appendix A as printed: a registrable domain with the names of the order folded into it (see foldRegistrableDomains). */
export interface AppendixDomain {
  registry: string;
  registrar: string;
  registrar_iana_id: string | null;
  /** A-label, e.g. "xn--htmailbox-02h.me". */
  domain_ascii: string;
  /** U-label, e.g. "hоtmailbox.me". */
  domain_unicode: string;
  /** "ip" for an IP address (listed, but not a registrable domain and not counted as one). */
  host_kind: 'domain' | 'ip';
  /** "IDN", "mixed script", "look-alike of hotmailbox.me" ... */
  flags: string[];
  /** Subdomains and URLs of the order folded into it. */
  folded: string[];
  registrants: string[];
  statuses: string[];
  website_ids: string[];
}

export interface AppendixPage {
  outline: AppendixGroup[];
  rows: AppendixRow[];
  /** The heading the packet prints ("Appendix A to the ... Order of ... (ECF No. ...)"). */
  heading?: string;
  /** The first entries as the packet prints them, one per registrable domain. */
  domains?: AppendixDomain[];
  /** How to reach each registry of `domains`, where the case records a registry stakeholder. */
  registryContacts?: Record<string, string>;
  truncated: boolean;
}
