import type { CaseOverview } from './CaseOverview';
import type { FilingCaption } from './filingCaption';
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
import type { AppendixPage } from './appendix';
import type { MergeReport } from './MergeReport';
import type { ConflictListing } from './conflicts';
import type { IdentityStatus, PublicIdentityInfo, RosterMember, ShareCreated, ShareReceived, TeamMember } from './sharing';
import type { CaptureImportResult, CapturePageDetail, CapturePageInfo, CaptureRecordInfo, CaptureReplay, CaptureResource, CaptureSummary } from './captures';

export interface CaseSummary {
  path: string;
  info: CaseInfo;
  counts: Record<ItemKind, number>;
  sitesByStatus: Partial<Record<SiteStatus, number>>;
  schemaVersion: number;
  fileBytes: number;
  /**
   * Opened read-only (a file or folder the user may not write, a read-only disk, or a read
   * command): reading and verifying work, changes are refused with READ_ONLY.
   */
  readOnly: boolean;
}

export interface AuditReport {
  ok: boolean;
  entriesChecked: number;
  chains: { chain: string; length: number; headHash: string; lastAt: string | null }[];
  firstBreak: { chain: string; seq: number; reason: string } | null;
  /** Why this copy's own chain is behind what this computer wrote on it (restored or cut back), or null. */
  behind: string | null;
  /** The restores the log records (`case.restored`), one sentence each, oldest first. */
  restores: string[];
}

/** One entry of the tamper-evident log, as stored (src-main/audit/appendAudit hashes all of it). */
import type { CaseCheckReport, CaseHealth, CheckpointVerification, SignedCheckpoint, SiteImportRollback } from './integrity';
import type { Redaction, RedactionPageImage, RedactionScanReport } from './redaction';

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
  /** The first page of links (LINKED_PAGE_SIZE); links.list pages through the rest. */
  linked: LinkedItem[];
  /** Every live link of the item, both directions (an order may cover 205,800 sites). */
  linkedTotal: number;
  history: HistoryVersion[];
}

export interface GraphData {
  nodes: { id: string; kind: ItemKind; title: string }[];
  edges: { id: string; from: string; to: string; relation: string }[];
  truncated: boolean;
  /** Every link in the case passing the request's filter (the graph shows at most `limit` of them). */
  totalEdges: number;
  /** Every live link counted by relation (unfiltered), the choices for the relation filter. */
  relations: { relation: string; count: number }[];
}

/** Files to import as exhibits and the fields they share (the schema's input type). */
export type EvidenceImportRequest = RequestOf<'evidence.import'>;

export interface EvidenceImportResult {
  /** warnings: what the user should know about a file, e.g. a name with a bidi override. */
  items: { path: string; evidence: Evidence; duplicateOf: string | null; warnings?: string[] }[];
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
  /** Charset the text was decoded with and how it was found ("windows-1258, detected"), as the packet states it. */
  charset?: string | null;
  /** For an e-mail: the message as a mail client (and the packet) shows it. */
  email?: EmailPreview | null;
}

/** An e-mail as a mail client shows it (shared by the preview and the packet; see readEmail). */
export interface EmailPreview {
  from: string;
  to: string;
  cc: string;
  date: string;
  subject: string;
  messageId: string;
  /** The text body; for an HTML-only message its text (never rendered). */
  body: string;
  bodySource: 'text' | 'html' | 'none';
  /**
   * When the message has a text body and an HTML part as well (multipart/alternative): the HTML
   * part's text (never rendered). Mail clients display the HTML part, which may say something
   * else than the text body. Absent when there is no such part.
   */
  htmlAlternative?: string;
  attachments: { name: string; mediaType: string; size: number; sha256: string; disposition: string }[];
  /** The header block as stored. */
  rawHeaders: string;
}

// Appendix A's rows and pages live in ./appendix; re-exported so existing imports keep working.
export type { AppendixDomain, AppendixGroup, AppendixPage, AppendixRow } from './appendix';

/** What counsel choose for a packet (the CLI's flags and the export dialog fill it). */
export type PacketRequestOptions = RequestOf<'packet.export'>['options'];

export interface PacketExportSummary {
  packetId: string;
  /** The production this export is (new, or the one re-exported). */
  productionId: string;
  totalPages: number;
  pdfA: boolean;
  volumes: { path: string; pages: number; bytes: number; sha256: string }[];
  exhibits: { evidenceId: string; label: string; batesFirst: string; batesLast: string; rendering: string }[];
  warnings: string[];
}

/** One production (an export with frozen Bates numbers), as `dossier productions` lists it. */
export interface ProductionSummary {
  id: string;
  createdAt: string;
  createdBy: string;
  cutoffAt: string;
  draft: boolean;
  batesFirst: string;
  batesLast: string;
  exhibitIds: string[];
  forced: boolean;
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

  /** Typed per kind: a list of websites is Page<Website>, never the union callers must cast (z.input cannot say this). */
  'items.list': <K extends ItemKind>(req: RequestOf<'items.list'> & { kind: K }) => Promise<Page<ItemByKind[K]>>;
  'items.get': (req: RequestOf<'items.get'>) => Promise<ItemDetail>;
  'items.delete': (req: RequestOf<'items.delete'>) => Promise<null>;

  'websites.add': (req: RequestOf<'websites.add'>) => Promise<Website>;
  'websites.update': (req: RequestOf<'websites.update'>) => Promise<Website>;
  'websites.setStatus': (req: RequestOf<'websites.setStatus'>) => Promise<Website>;
  'websites.statusHistory': (req: RequestOf<'websites.statusHistory'>) => Promise<WebsiteStatusEvent[]>;
  'websites.import': (req: RequestOf<'websites.import'>) => Promise<SiteImportReport>;
  'websites.importRollback': (req: RequestOf<'websites.importRollback'>) => Promise<SiteImportRollback>;
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
  'packet.productions': (req: RequestOf<'packet.productions'>) => Promise<ProductionSummary[]>;
  'caption.get': (req: RequestOf<'caption.get'>) => Promise<FilingCaption>;
  'caption.update': (req: RequestOf<'caption.update'>) => Promise<FilingCaption>;

  'links.create': (req: RequestOf<'links.create'>) => Promise<Link>;
  'links.delete': (req: RequestOf<'links.delete'>) => Promise<null>;
  /** One page of an item's links (by relation, then item), `offset` rows in; the total is ItemDetail.linkedTotal. */
  'links.list': (req: RequestOf<'links.list'>) => Promise<LinkedItem[]>;

  'search.query': (req: RequestOf<'search.query'>) => Promise<SearchHit[]>;
  'timeline.page': (req: RequestOf<'timeline.page'>) => Promise<Page<TimelineEntry>>;
  'graph.get': (req: RequestOf<'graph.get'>) => Promise<GraphData>;
  /** The overview's figures (expiring soon by the server's rule, orders awaiting service), with true totals. */
  'case.overview': (req: RequestOf<'case.overview'>) => Promise<CaseOverview>;
  'audit.verify': (req: RequestOf<'audit.verify'>) => Promise<AuditReport>;
  'audit.page': (req: RequestOf<'audit.page'>) => Promise<Page<AuditPageEntry>>;

  // Sharing (docs/share-format.md). The user's identity lives in the app's identity vault; a
  // passphrase-protected one needs `identityPassphrase` wherever it signs or decrypts.
  'identity.status': (req: RequestOf<'identity.status'>) => Promise<IdentityStatus>;
  'identity.create': (req: RequestOf<'identity.create'>) => Promise<IdentityStatus>;
  'identity.publicLine': (req: RequestOf<'identity.publicLine'>) => Promise<PublicIdentityInfo>;
  'roster.list': (req: RequestOf<'roster.list'>) => Promise<RosterMember[]>;
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

  // Web captures (src-main/captures): WARC/WACZ/HAR/MHTML stored as an exhibit and parsed.
  'captures.import': (req: RequestOf<'captures.import'>) => Promise<CaptureImportResult>;
  'captures.list': (req: RequestOf<'captures.list'>) => Promise<CaptureSummary[]>;
  /** Pages of a capture, of an exhibit, or captured on a website's host (website detail pane). */
  'captures.pages': (req: RequestOf<'captures.pages'>) => Promise<CapturePageInfo[]>;
  'captures.page': (req: RequestOf<'captures.page'>) => Promise<CapturePageDetail>;
  'captures.records': (req: RequestOf<'captures.records'>) => Promise<CaptureRecordInfo[]>;
  /** A resource for replay from the stored archive: the record for `url` captured closest to `at`; null when the archive lacks it. */
  'captures.resource': (req: RequestOf<'captures.resource'>) => Promise<CaptureResource | null>;
  /** A captured page made self-contained from the stored archive for the sandboxed replay view. */
  'captures.replay': (req: RequestOf<'captures.replay'>) => Promise<CaptureReplay>;
  /** Parses again, from the stored bytes, the capture of an exhibit whose import was interrupted (still 'importing'). */
  'captures.reparse': (req: RequestOf<'captures.reparse'>) => Promise<CaptureImportResult>;


  // Integrity (src-main/integrity): the full check, and signed audit checkpoints.
  'case.check': (req: RequestOf<'case.check'>) => Promise<CaseCheckReport>;
  /** The cheap health facts `dossier info` shows: quick_check and unfinished imports. */
  'case.health': (req: RequestOf<'case.health'>) => Promise<CaseHealth>;
  /** Signs the case's audit heads with the user's identity; written to outPath when given. */
  'audit.checkpoint': (req: RequestOf<'audit.checkpoint'>) => Promise<{ path: string | null; signed: SignedCheckpoint }>;
  /** Proves the case still holds the history a packet, share or checkpoint file certified. */
  'audit.verifyAgainst': (req: RequestOf<'audit.verifyAgainst'>) => Promise<CheckpointVerification>;
  /** Confirms a teammate whose key arrived by a merge (a 'roster_unconfirmed' merge conflict). */
  'roster.trust': (req: RequestOf<'roster.trust'>) => Promise<{ fingerprint: string; name: string }>;

  // Merge conflicts kept until resolved (src-main/merge): open ones first.
  'conflicts.list': (req: RequestOf<'conflicts.list'>) => Promise<ConflictListing[]>;
  /** keep: 'mine', 'theirs', or the value to keep (an edit of one field; an exhibit number). */
  'conflicts.resolve': (req: RequestOf<'conflicts.resolve'>) => Promise<ConflictListing>;
  /** Gives an exhibit another number; a number another live exhibit holds is EXHIBIT_NUMBER_TAKEN. */
  'evidence.renumber': (req: RequestOf<'evidence.renumber'>) => Promise<Evidence>;
  // Redaction for public filings, Fed. R. Civ. P. 5.2 (src-main/redaction).
  /** Finds identifiers in exhibits' text and stores them as candidates to review. */
  'redact.scan': (req: RequestOf<'redact.scan'>) => Promise<RedactionScanReport>;
  'redact.list': (req: RequestOf<'redact.list'>) => Promise<Redaction[]>;
  /** Accepts (burn into public filings) or rejects a candidate, with who, when and why. */
  'redact.decide': (req: RequestOf<'redact.decide'>) => Promise<Redaction>;
  /** A text or a box redacted by hand (accepted at once). */
  'redact.add': (req: RequestOf<'redact.add'>) => Promise<Redaction>;
  /** A PDF exhibit's page as a picture for drawing redaction boxes on. */
  'redact.pageImage': (req: RequestOf<'redact.pageImage'>) => Promise<RedactionPageImage>;
  /** The Rule 5.2(g) reference list (identifiers in full beside their redacted form), to file under seal. */
  'redact.referenceList': (req: RequestOf<'redact.referenceList'>) => Promise<{ path: string; sha256: string; entries: number }>;
}

/** An archive to import as a capture exhibit (the schema's input type). */
export type CaptureImportRequest = RequestOf<'captures.import'>;

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
  'captures.import', 'captures.list', 'captures.pages', 'captures.page', 'captures.records', 'captures.resource', 'captures.replay',
  'case.overview',
  'captures.reparse',
  'case.check', 'case.health', 'audit.checkpoint', 'audit.verifyAgainst', 'roster.trust',
  'conflicts.list', 'conflicts.resolve', 'evidence.renumber',
  'websites.importRollback',
  'packet.productions', 'caption.get', 'caption.update',
  'redact.scan', 'redact.list', 'redact.decide', 'redact.add', 'redact.referenceList', 'redact.pageImage',
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
