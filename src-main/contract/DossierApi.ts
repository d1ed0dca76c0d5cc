import type { z } from 'zod';
import type { requestSchemas } from './requestSchemas';
import type { ItemKind, SiteStatus } from './enums';
import type { SiteImportReport } from './SiteImportReport';
import type {
  CaseInfo, CourtOrder, CustodyEvent, Evidence, HistoryVersion, ItemByKind, Link, LinkedItem, Note, Page, SearchHit,
  Stakeholder, TimelineEntry, Website, WebsiteStatusEvent,
} from './records';
import type {
  CaseCreate, CaseUpdate, CustodyCreate, EvidenceUpdate, LinkCreate, ListQuery, NoteCreate, NoteUpdate, OrderCreate,
  OrderUpdate, StakeholderCreate, StakeholderUpdate, WebsiteCreate, WebsiteUpdate,
} from './schemas';
import type { MergeReport } from './MergeReport';
import type { IdentityStatus, PublicIdentityInfo, ShareCreated, ShareReceived, TeamMember } from './sharing';

export interface CaseSummary {
  path: string;
  info: CaseInfo;
  counts: Record<ItemKind, number>;
  sitesByStatus: Partial<Record<SiteStatus, number>>;
  schemaVersion: number;
  fileBytes: number;
}

export interface AuditReport {
  ok: boolean;
  entriesChecked: number;
  chains: { chain: string; length: number; headHash: string; lastAt: string | null }[];
  firstBreak: { chain: string; seq: number; reason: string } | null;
}

/** One entry of the tamper-evident log, as stored (src-main/audit/appendAudit hashes all of it). */
export interface AuditEntry {
  chain: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  record_kind: string | null;
  record_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export type AuditPageEntry = Omit<AuditEntry, 'detail' | 'prev_hash'>;

export interface ItemDetail<K extends ItemKind = ItemKind> {
  kind: K;
  item: ItemByKind[K];
  linked: LinkedItem[];
  history: HistoryVersion[];
}

export interface GraphData {
  nodes: { id: string; kind: ItemKind; title: string }[];
  edges: { id: string; from: string; to: string; relation: string }[];
  truncated: boolean;
}

/** Files to import as exhibits and the fields they share (the schema's input type). */
export type EvidenceImportRequest = RequestOf<'evidence.import'>;

export interface EvidenceImportResult {
  items: { path: string; evidence: Evidence; duplicateOf: string | null }[];
}

export interface EvidenceVerification {
  id: string;
  exhibit_label: string;
  ok: boolean;
  expected_sha256: string | null;
  actual_sha256: string | null;
  message: string;
  /** False when the case file is read-only: the check ran, its custody event could not be written. */
  custody_recorded: boolean;
}

/** A safe preview of stored bytes: text (shown as text, never as HTML) or an image as a data URL. */
export interface EvidencePreview {
  media_type: string;
  text: string | null;
  image_data_url: string | null;
  truncated: boolean;
}

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
}

export interface AppendixGroup {
  registry: string;
  registrars: { registrar: string; registrar_iana_id: string | null; count: number }[];
  count: number;
}

export interface AppendixPage {
  outline: AppendixGroup[];
  rows: AppendixRow[];
  truncated: boolean;
}

/** What counsel choose for a packet (the CLI's flags and the export dialog fill it). */
export type PacketRequestOptions = RequestOf<'packet.export'>['options'];

export interface PacketExportSummary {
  packetId: string;
  totalPages: number;
  pdfA: boolean;
  volumes: { path: string; pages: number; bytes: number; sha256: string }[];
  exhibits: { evidenceId: string; label: string; batesFirst: string; batesLast: string; rendering: string }[];
  warnings: string[];
}

export type AnyItem = ItemByKind[ItemKind];

/**
 * The one API between the UI and main: channel -> (request) => Promise<response>. The preload and
 * the test harness both build `window.dossier` from it with createDossierClient; main registers a
 * handler per channel (src-main/api) that validates the request first.
 * Adding a channel: add it here, to CHANNELS, to requestSchemas, and a handler.
 */
export interface DossierApi {
  'case.create': (req: RequestOf<'case.create'>) => Promise<CaseSummary>;
  'case.open': (req: RequestOf<'case.open'>) => Promise<CaseSummary>;
  'case.close': (req: RequestOf<'case.close'>) => Promise<null>;
  'case.summary': (req: RequestOf<'case.summary'>) => Promise<CaseSummary | null>;
  'case.update': (req: RequestOf<'case.update'>) => Promise<CaseInfo>;

  'items.list': (req: RequestOf<'items.list'>) => Promise<Page<AnyItem>>;
  'items.get': (req: RequestOf<'items.get'>) => Promise<ItemDetail>;
  'items.delete': (req: RequestOf<'items.delete'>) => Promise<null>;

  'websites.add': (req: RequestOf<'websites.add'>) => Promise<Website>;
  'websites.update': (req: RequestOf<'websites.update'>) => Promise<Website>;
  'websites.setStatus': (req: RequestOf<'websites.setStatus'>) => Promise<Website>;
  'websites.statusHistory': (req: RequestOf<'websites.statusHistory'>) => Promise<WebsiteStatusEvent[]>;
  'websites.import': (req: RequestOf<'websites.import'>) => Promise<SiteImportReport>;
  'websites.appendix': (req: RequestOf<'websites.appendix'>) => Promise<AppendixPage>;
  /** The order's whole appendix as CSV at outPath (formula-like cells prefixed with '). */
  'websites.appendixCsv': (req: RequestOf<'websites.appendixCsv'>) => Promise<{ path: string; rows: number; bytes: number; sha256: string }>;

  'orders.create': (req: RequestOf<'orders.create'>) => Promise<CourtOrder>;
  'orders.update': (req: RequestOf<'orders.update'>) => Promise<CourtOrder>;
  'stakeholders.create': (req: RequestOf<'stakeholders.create'>) => Promise<Stakeholder>;
  'stakeholders.update': (req: RequestOf<'stakeholders.update'>) => Promise<Stakeholder>;
  'notes.create': (req: RequestOf<'notes.create'>) => Promise<Note>;
  'notes.update': (req: RequestOf<'notes.update'>) => Promise<Note>;

  'evidence.update': (req: RequestOf<'evidence.update'>) => Promise<Evidence>;
  'evidence.custody': (req: RequestOf<'evidence.custody'>) => Promise<CustodyEvent[]>;
  'evidence.addCustody': (req: RequestOf<'evidence.addCustody'>) => Promise<CustodyEvent>;

  'evidence.import': (req: RequestOf<'evidence.import'>) => Promise<EvidenceImportResult>;
  'evidence.verify': (req: RequestOf<'evidence.verify'>) => Promise<EvidenceVerification[]>;
  'evidence.extract': (req: RequestOf<'evidence.extract'>) => Promise<{ path: string; bytes: number; sha256: string }>;
  'evidence.preview': (req: RequestOf<'evidence.preview'>) => Promise<EvidencePreview>;
  'tasks.cancel': (req: RequestOf<'tasks.cancel'>) => Promise<null>;

  'packet.profiles': (req: RequestOf<'packet.profiles'>) => Promise<{ name: string; description: string }[]>;
  'packet.check': (req: RequestOf<'packet.check'>) => Promise<{ severity: 'error' | 'warning' | 'info'; code: string; message: string }[]>;
  'packet.export': (req: RequestOf<'packet.export'>) => Promise<PacketExportSummary>;

  'links.create': (req: RequestOf<'links.create'>) => Promise<Link>;
  'links.delete': (req: RequestOf<'links.delete'>) => Promise<null>;
  'links.list': (req: RequestOf<'links.list'>) => Promise<LinkedItem[]>;

  'search.query': (req: RequestOf<'search.query'>) => Promise<SearchHit[]>;
  'timeline.page': (req: RequestOf<'timeline.page'>) => Promise<Page<TimelineEntry>>;
  'graph.get': (req: RequestOf<'graph.get'>) => Promise<GraphData>;
  'audit.verify': (req: RequestOf<'audit.verify'>) => Promise<AuditReport>;
  'audit.page': (req: RequestOf<'audit.page'>) => Promise<Page<AuditPageEntry>>;

  // Sharing (docs/share-format.md). The user's identity lives in the app's identity vault; a
  // passphrase-protected one needs `identityPassphrase` wherever it signs or decrypts.
  'identity.status': (req: RequestOf<'identity.status'>) => Promise<IdentityStatus>;
  'identity.create': (req: RequestOf<'identity.create'>) => Promise<IdentityStatus>;
  'identity.publicLine': (req: RequestOf<'identity.publicLine'>) => Promise<PublicIdentityInfo>;
  'roster.list': (req: RequestOf<'roster.list'>) => Promise<TeamMember[]>;
  'roster.add': (req: RequestOf<'roster.add'>) => Promise<TeamMember>;
  'roster.remove': (req: RequestOf<'roster.remove'>) => Promise<null>;
  /** recipients: roster fingerprints (what the dialog should send), names or age1... recipients. */
  'share.create': (req: RequestOf<'share.create'>) => Promise<ShareCreated>;
  /**
   * A share as a new case file. The sender must be in the roster of `localCasePath` (a copy of the
   * same case) or accepted by fingerprint (`acceptSender`, after SENDER_UNKNOWN showed it).
   */
  'share.receive': (req: RequestOf<'share.receive'>) => Promise<ShareReceived>;
  /** Another copy (.dossier) or a teammate's share (.dossier.age) into the open case. */
  'case.merge': (req: RequestOf<'case.merge'>) => Promise<MergeReport>;
}

export type Channel = keyof DossierApi;

type RequestSchemas = typeof requestSchemas;
/**
 * What a caller sends on a channel: exactly what its zod schema in requestSchemas accepts
 * (`z.input`), so the type and the validation at dispatch cannot disagree.
 */
export type RequestOf<C extends keyof RequestSchemas> = z.input<RequestSchemas[C]>;
/** What a handler receives after dispatch validated the request (`z.output`: trimmed, defaults applied). */
export type ValidRequestOf<C extends keyof RequestSchemas> = z.output<RequestSchemas[C]>;
export type ResponseOf<C extends Channel> = Awaited<ReturnType<DossierApi[C]>>;

/** Every channel, checked against DossierApi so neither can drift from the other. */
export const CHANNELS = [
  'case.create', 'case.open', 'case.close', 'case.summary', 'case.update',
  'items.list', 'items.get', 'items.delete',
  'websites.add', 'websites.update', 'websites.setStatus', 'websites.statusHistory', 'websites.import', 'websites.appendix', 'websites.appendixCsv',
  'orders.create', 'orders.update', 'stakeholders.create', 'stakeholders.update', 'notes.create', 'notes.update',
  'evidence.update', 'evidence.custody', 'evidence.addCustody',
  'evidence.import', 'evidence.verify', 'evidence.extract', 'evidence.preview', 'tasks.cancel',
  'packet.profiles', 'packet.check', 'packet.export',
  'links.create', 'links.delete', 'links.list',
  'search.query', 'timeline.page', 'graph.get', 'audit.verify', 'audit.page',
  'identity.status', 'identity.create', 'identity.publicLine', 'roster.list', 'roster.add', 'roster.remove',
  'share.create', 'share.receive', 'case.merge',
] as const satisfies readonly Channel[];

type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>;
// Fails to compile when a channel of DossierApi is missing from CHANNELS.
export const ALL_CHANNELS_LISTED: MissingChannels extends never ? true : MissingChannels = true;

/**
 * The channels of `Api` whose request type is not exactly what its schema accepts (never when
 * none). DossierApi derives its requests from the schemas; this keeps a hand-written type from
 * creeping back in (test/compile-fixtures/requestDrift shows it failing).
 */
export type RequestDrift<Api extends Record<Channel, (req: never) => unknown>> = {
  [C in Channel]: [Parameters<Api[C]>[0]] extends [RequestOf<C>] ? ([RequestOf<C>] extends [Parameters<Api[C]>[0]] ? never : C) : C;
}[Channel];

// Fails to compile, naming the channel, when a request type of DossierApi and its schema disagree.
export const REQUESTS_MATCH_SCHEMAS: [RequestDrift<DossierApi>] extends [never] ? true : RequestDrift<DossierApi> = true;
