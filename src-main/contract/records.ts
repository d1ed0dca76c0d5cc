import type {
  CustodyAction, EvidenceKind, ItemKind, OrderType, RecordKind, SiteRole, SiteStatus, StakeholderKind,
} from './enums';

/** Fields every stored record carries (see docs/conventions.md). */
export interface RecordMeta {
  id: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  hlc: string;
  deleted_at: string | null;
}

export interface CaseInfo extends RecordMeta {
  title: string;
  code_name: string | null;
  matter_number: string | null;
  docket_number: string | null;
  jurisdiction: string | null;
  classification: string;
  status: string;
  summary: string | null;
}

export interface Evidence extends RecordMeta {
  exhibit_number: number;
  exhibit_label: string;
  title: string;
  kind: EvidenceKind;
  original_name: string | null;
  media_type: string;
  size_bytes: number;
  sha256: string | null;
  sha1: string | null;
  md5: string | null;
  content_sha256: string | null;
  acquired_at: string | null;
  acquired_by: string | null;
  source_url: string | null;
  source_device: string | null;
  source_person: string | null;
  method: string | null;
  description: string | null;
  tags: string[];
}

export interface CustodyEvent {
  id: string;
  evidence_id: string;
  at: string;
  actor: string;
  action: CustodyAction;
  from_party: string | null;
  to_party: string | null;
  location: string | null;
  purpose: string | null;
  hash_seen: string | null;
  result: 'ok' | 'mismatch' | 'failed' | 'n/a';
  details: string | null;
  created_at: string;
  created_by: string;
  hlc: string;
}

export interface Website extends RecordMeta {
  raw_input: string;
  dedupe_key: string;
  host_kind: 'domain' | 'ip';
  host_unicode: string;
  host_ascii: string;
  registrable_domain: string | null;
  public_suffix: string | null;
  url_path: string | null;
  flags: string[];
  /** One sentence per flag, for people (and the court). */
  flag_reasons: string[];
  registrar: string | null;
  registrar_iana_id: string | null;
  registry: string | null;
  registrant: string | null;
  name_servers: string[];
  ips: string[];
  hosting_provider: string | null;
  asn: string | null;
  role: SiteRole;
  status: SiteStatus;
  status_at: string | null;
  expires_at: string | null;
  notes: string | null;
  first_seen: string | null;
  last_seen: string | null;
}

export interface WebsiteStatusEvent {
  id: string;
  website_id: string;
  status: SiteStatus;
  at: string;
  order_id: string | null;
  evidence_id: string | null;
  note: string | null;
  created_at: string;
  created_by: string;
  hlc: string;
}

export interface CourtOrder extends RecordMeta {
  title: string;
  caption: string | null;
  docket: string;
  court: string;
  judge: string | null;
  order_type: OrderType;
  status: string;
  ecf_number: string | null;
  filed_at: string | null;
  granted_at: string | null;
  served_at: string | null;
  expires_at: string | null;
  summary: string | null;
  document_evidence_id: string | null;
}

export interface Stakeholder extends RecordMeta {
  name: string;
  organization: string | null;
  kind: StakeholderKind;
  role: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
}

export interface Note extends RecordMeta {
  title: string;
  body: string;
}

export interface Link extends RecordMeta {
  from_kind: RecordKind;
  from_id: string;
  to_kind: RecordKind;
  to_id: string;
  relation: string;
  note: string | null;
}

export interface ItemByKind {
  evidence: Evidence;
  website: Website;
  order: CourtOrder;
  stakeholder: Stakeholder;
  note: Note;
}

/** A short reference to any record, for lists of linked items, search hits and the graph. */
export interface RecordRef {
  kind: ItemKind;
  id: string;
  title: string;
  subtitle: string | null;
}

export interface LinkedItem extends RecordRef {
  link_id: string;
  relation: string;
  direction: 'outgoing' | 'incoming';
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; null when this was the last page. */
  next: string | null;
  /** Every row matching the query (not just this page), when the request asked for it (`withTotal`). */
  total?: number;
}

/** A piece of a search snippet: text as stored, and whether the search matched it. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit extends RecordRef {
  /** Matches bracketed in ⟦ ⟧ (kept for `search --json`); ambiguous when the text has its own. */
  snippet: string;
  /** The same snippet with its matches marked out of band: what the app shows. */
  snippet_parts: SnippetPart[];
}

export interface TimelineEntry {
  at: string;
  kind: ItemKind | 'custody' | 'status';
  record_id: string;
  record_kind: ItemKind;
  title: string;
  what: string;
}

export interface HistoryVersion {
  id: string;
  hlc: string;
  superseded_at: string;
  superseded_by: string;
  reason: string;
  version: Record<string, unknown>;
}
