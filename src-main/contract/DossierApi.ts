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
import type { CaseCheckReport, CheckpointVerification, SignedCheckpoint } from './integrity';

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
  /** Digest of the records this entry seals (schema 5); null on older entries and on unsealed ones. */
  seal_digest?: string | null;
}

export type AuditPageEntry = Omit<AuditEntry, 'detail' | 'prev_hash' | 'seal_digest'>;

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

export interface EvidenceImportRequest {
  paths: string[];
  taskId?: string;
  title?: string;
  kind?: string;
  source_url?: string;
  acquired_by?: string;
  acquired_at?: string;
  description?: string;
}

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
export interface PacketRequestOptions {
  sections?: ('cover' | 'toc' | 'declaration' | 'index' | 'appendix' | 'orders' | 'custody' | 'audit' | 'exhibits')[];
  exhibitIds?: string[];
  orderId?: string;
  batesPrefix?: string;
  batesStart?: number;
  batesPadding?: number;
  profile?: string;
  date?: string;
  title?: string;
  declarant?: { name: string; role?: string; place?: string };
  maxVolumeBytes?: number;
}

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
  'case.create': (req: { path: string; case: CaseCreate }) => Promise<CaseSummary>;
  'case.open': (req: { path: string }) => Promise<CaseSummary>;
  'case.close': (req: Record<string, never>) => Promise<null>;
  'case.summary': (req: Record<string, never>) => Promise<CaseSummary | null>;
  'case.update': (req: { patch: CaseUpdate; expectedHlc?: string }) => Promise<CaseInfo>;

  'items.list': (req: ListQuery & { orderId?: string }) => Promise<Page<AnyItem>>;
  'items.get': (req: { id: string }) => Promise<ItemDetail>;
  'items.delete': (req: { id: string }) => Promise<null>;

  'websites.add': (req: WebsiteCreate) => Promise<Website>;
  'websites.update': (req: { id: string; patch: WebsiteUpdate; expectedHlc?: string }) => Promise<Website>;
  'websites.setStatus': (req: { id: string; status: SiteStatus; at?: string; orderId?: string; evidenceId?: string; note?: string }) => Promise<Website>;
  'websites.statusHistory': (req: { id: string }) => Promise<WebsiteStatusEvent[]>;
  'websites.import': (req: { path: string; map?: string[]; format?: 'csv' | 'text'; orderId?: string; taskId?: string }) => Promise<SiteImportReport>;
  'websites.appendix': (req: { orderId: string; limit?: number }) => Promise<AppendixPage>;
  /** The order's whole appendix as CSV at outPath (formula-like cells prefixed with '). */
  'websites.appendixCsv': (req: { orderId: string; outPath: string }) => Promise<{ path: string; rows: number; bytes: number; sha256: string }>;

  'orders.create': (req: OrderCreate) => Promise<CourtOrder>;
  'orders.update': (req: { id: string; patch: OrderUpdate; expectedHlc?: string }) => Promise<CourtOrder>;
  'stakeholders.create': (req: StakeholderCreate) => Promise<Stakeholder>;
  'stakeholders.update': (req: { id: string; patch: StakeholderUpdate; expectedHlc?: string }) => Promise<Stakeholder>;
  'notes.create': (req: NoteCreate) => Promise<Note>;
  'notes.update': (req: { id: string; patch: NoteUpdate; expectedHlc?: string }) => Promise<Note>;

  'evidence.update': (req: { id: string; patch: EvidenceUpdate; expectedHlc?: string }) => Promise<Evidence>;
  'evidence.custody': (req: { id: string }) => Promise<CustodyEvent[]>;
  'evidence.addCustody': (req: CustodyCreate) => Promise<CustodyEvent>;

  'evidence.import': (req: EvidenceImportRequest) => Promise<EvidenceImportResult>;
  'evidence.verify': (req: { id?: string; taskId?: string }) => Promise<EvidenceVerification[]>;
  'evidence.extract': (req: { id: string; outPath: string; overwrite?: boolean }) => Promise<{ path: string; bytes: number; sha256: string }>;
  'evidence.preview': (req: { id: string; maxBytes?: number }) => Promise<EvidencePreview>;
  'tasks.cancel': (req: { taskId: string }) => Promise<null>;

  'packet.profiles': (req: Record<string, never>) => Promise<{ name: string; description: string }[]>;
  'packet.check': (req: { options: PacketRequestOptions }) => Promise<{ severity: 'error' | 'warning' | 'info'; code: string; message: string }[]>;
  'packet.export': (req: { outPath: string; options: PacketRequestOptions; taskId?: string; overwrite?: boolean }) => Promise<PacketExportSummary>;

  'links.create': (req: LinkCreate) => Promise<Link>;
  'links.delete': (req: { id: string }) => Promise<null>;
  'links.list': (req: { id: string }) => Promise<LinkedItem[]>;

  'search.query': (req: { text: string; limit?: number; kinds?: ItemKind[] }) => Promise<SearchHit[]>;
  'timeline.page': (req: { after?: string | null; limit?: number; from?: string; to?: string }) => Promise<Page<TimelineEntry>>;
  'graph.get': (req: { limit?: number }) => Promise<GraphData>;
  'audit.verify': (req: Record<string, never>) => Promise<AuditReport>;
  'audit.page': (req: { after?: string | null; limit?: number }) => Promise<Page<AuditPageEntry>>;

  // Sharing (docs/share-format.md). The user's identity lives in the app's identity vault; a
  // passphrase-protected one needs `identityPassphrase` wherever it signs or decrypts.
  'identity.status': (req: Record<string, never>) => Promise<IdentityStatus>;
  'identity.create': (req: { name: string; passphrase?: string }) => Promise<IdentityStatus>;
  'identity.publicLine': (req: Record<string, never>) => Promise<PublicIdentityInfo>;
  'roster.list': (req: Record<string, never>) => Promise<TeamMember[]>;
  'roster.add': (req: { identityLine: string; role?: string }) => Promise<TeamMember>;
  'roster.remove': (req: { fingerprint: string }) => Promise<null>;
  /** recipients: roster fingerprints (what the dialog should send), names or age1... recipients. */
  'share.create': (req: { outPath: string; recipients: string[]; passphrase?: string; identityPassphrase?: string; taskId?: string }) => Promise<ShareCreated>;
  /**
   * A share as a new case file. The sender must be in the roster of `localCasePath` (a copy of the
   * same case) or accepted by fingerprint (`acceptSender`, after SENDER_UNKNOWN showed it).
   */
  'share.receive': (req: {
    sharePath: string;
    outPath: string;
    acceptSender?: string;
    passphrase?: string;
    identityPassphrase?: string;
    localCasePath?: string;
    taskId?: string;
  }) => Promise<ShareReceived>;
  /** Another copy (.dossier) or a teammate's share (.dossier.age) into the open case. */
  'case.merge': (req: { otherPath: string; acceptSender?: string; passphrase?: string; identityPassphrase?: string; taskId?: string }) => Promise<MergeReport>;

  // Integrity (src-main/integrity): the full check, and signed audit checkpoints.
  'case.check': (req: { taskId?: string }) => Promise<CaseCheckReport>;
  /** Signs the case's audit heads with the user's identity; written to outPath when given. */
  'audit.checkpoint': (req: { outPath?: string; identityPassphrase?: string }) => Promise<{ path: string | null; signed: SignedCheckpoint }>;
  /** Proves the case still holds the history a packet, share or checkpoint file certified. */
  'audit.verifyAgainst': (req: { artefactPath: string }) => Promise<CheckpointVerification>;
  /** Confirms a teammate whose key arrived by a merge (a 'roster_unconfirmed' merge conflict). */
  'roster.trust': (req: { fingerprint: string }) => Promise<{ fingerprint: string; name: string }>;
}

export type Channel = keyof DossierApi;
export type RequestOf<C extends Channel> = Parameters<DossierApi[C]>[0];
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
  'case.check', 'audit.checkpoint', 'audit.verifyAgainst', 'roster.trust',
] as const satisfies readonly Channel[];

type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>;
// Fails to compile when a channel of DossierApi is missing from CHANNELS.
export const ALL_CHANNELS_LISTED: MissingChannels extends never ? true : MissingChannels = true;
