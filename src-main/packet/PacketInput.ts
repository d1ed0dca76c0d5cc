import type { RedactionCategory } from '../contract/redaction';
import type { CourtProfile } from './courtProfiles';
import type { CaptureDigestFacts } from '../captures/CaptureDigestFacts';
import type { CaptureExhibitInput } from '../captures/CaptureExhibitInput';
import type { ExhibitRedactions } from '../redaction/ExhibitRedactions';
/**
 * What the packet engine needs to know about a case, as plain data. The case-file side fills this
 * from the database; the engine never sees SQLite. Exhibit bytes are pulled one exhibit at a time
 * through `readBytes`, so a packet of thousands of pages never holds all evidence in memory.
 *
 * Dates are ISO-8601 strings (`2025-03-14` or `2025-03-14T09:31:00.000Z`); hashes are lowercase hex.
 */

/** Every section a packet can contain, in the default order. `exhibits` is the exhibits themselves. */
export const PACKET_SECTIONS = [
  'cover',
  'toc',
  'declaration',
  'index',
  'appendix',
  'orders',
  'custody',
  'audit',
  'exhibits',
] as const;
export type PacketSection = (typeof PACKET_SECTIONS)[number];

export interface CaseCaption {
  /** Court name as it heads the caption, e.g. "United States District Court\nSouthern District of New York". */
  court: string;
  /** Docket / case number, e.g. "1:25-cv-01234 (JMF)". */
  docket: string;
  /** Party caption, one line per `\n`, e.g. "MICROSOFT CORPORATION,\nPlaintiff,\nv.\nJOHN DOES 1-2,\nDefendants." */
  caption: string;
  /** Document title, e.g. "Declaration of Jane Roe and Exhibits in Support of ...". */
  title: string;
  /** Who prepared the packet (usually the declarant). */
  preparedBy: string;
  /** Date shown on the cover and in the declaration (ISO date or timestamp). */
  date: string;
}

export interface BatesOptions {
  /** Letters, digits, '-', '_' and '.', e.g. "DOSS-". Printed verbatim before the number. */
  prefix: string;
  /** The first page's number. */
  start: number;
  /** Minimum digits; the number is zero-padded to this width (a production whose numbers would be wider is refused by the check). */
  padding: number;
  /** A draft: every page is watermarked DRAFT and the numbers are not consumed (see productions.ts). */
  draft?: boolean;
  /** Printed above the Bates number on every page: "FILED UNDER SEAL" for a sealed set (Rule 5.2(d)). */
  legend?: string;
}

/** Who signs the declaration. Defaults to `caption.preparedBy` with no role. */
export interface Declarant {
  name: string;
  /** e.g. "Senior Investigator, Digital Crimes Unit, Example Corp." */
  role?: string;
  /** City and state/country where the declaration is executed, e.g. "Redmond, Washington". */
  place?: string;
}

export interface PacketOptions {
  /** The sections to include, in the order they appear. Sections not listed are left out. */
  sections: PacketSection[];
  bates: BatesOptions;
  /** A court profile name from `COURT_PROFILES` (page size, size cap, PDF/A policy). */
  profile: string;
  /** The user's own profile (from a JSON file); `profile` then holds its name. */
  customProfile?: CourtProfile;
  /**
   * Fixed export time (ISO timestamp) used for PDF dates. With it, the same input gives the same
   * bytes; without it the export time is "now".
   */
  fixedDate?: string;
  declarant?: Declarant;
  /** Cap on pages drawn for one text exhibit; the rest is noted as produced natively. Default 50. */
  textPageCap?: number;
  /** Per-file size limit in bytes, overriding the profile's (judges and courts set their own). */
  maxVolumeBytes?: number;
  /**
   * `combined`: one PDF, exhibits behind slip sheets (split into volumes only by size). `ecf`: the
   * sections as the main document and each exhibit its own PDF ("Exhibit 1 - Title.pdf") with
   * attachments.csv/.json for the court's attachment form. Default: the profile's.
   */
  layout?: 'combined' | 'ecf';
  /** A sealed set (Rule 5.2(d)): identifiers are not problems in it. */
  sealed?: boolean;
}

export interface CustodyEventInput {
  at: string;
  actor: string;
  /** acquired / imported / verified / exported / transferred ... (shown as given). */
  action: string;
  fromParty?: string | null;
  toParty?: string | null;
  location?: string | null;
  purpose?: string | null;
  /** The SHA-256 the actor saw, if a hash was checked. */
  hashSeen?: string | null;
  /** ok / mismatch / failed / n/a */
  result?: string | null;
  details?: string | null;
}

export interface ExhibitInput {
  /** Stable id of the evidence record (returned with the exhibit's Bates range). */
  id: string;
  /** e.g. "Exhibit 1". Unique within the packet. */
  label: string;
  /** The exhibit's label in the case when this filing renumbers its exhibits (--renumber). */
  caseLabel?: string;
  title: string;
  /** When it was acquired; the import time where none was recorded (then acquiredAtRecorded is false). */
  acquiredAt: string;
  /** false: no acquisition time was recorded and acquiredAt is the import time, which the packet must not call "acquired". Absent in productions frozen before this field (they print as they did). */
  acquiredAtRecorded?: boolean;
  /**
   * true: a day taken from a stored time says its zone ("March 2, 2024 (UTC)"; formatText
   * formatLongDateStated). Absent in productions frozen before it (they print as they did, so
   * their pages and Bates numbers stay put).
   */
  datesStateZone?: boolean;
  /** The person recorded as having acquired it (not the account that imported it). */
  acquiredBy?: string | null;
  /** URL, device or person the evidence came from. */
  source: string;
  sha256: string;
  sha1: string;
  md5: string;
  size: number;
  mediaType: string;
  originalName: string;
  description?: string | null;
  custody: CustodyEventInput[];
  /** Accepted Rule 5.2 redactions, burnt into this exhibit's pages in a public packet (src-main/redaction). */
  redactions?: ExhibitRedactions;
  /**
   * The exhibit's exact bytes. Called when the engine needs them (possibly more than once per
   * export); the engine drops the bytes before asking for the next exhibit's.
   */
  readBytes: () => Promise<Uint8Array>;
  /**
   * Optional: the same bytes as a stream of chunks, in order. When given, large exhibits that are
   * not drawn in full (video, disk images, huge logs) are hashed chunk by chunk and only their
   * beginning is kept, instead of holding the whole file.
   */
  readChunks?: () => AsyncIterable<Uint8Array>;
  /** Optional: for a web capture exhibit, its pages (metadata and image or text); null when it has none. */
  capture?: () => Promise<CaptureExhibitInput | null>;
  /** A web capture exhibit: the digests its capture tool wrote and how they compared at import (declaration, custody report). */
  captureDigests?: CaptureDigestFacts;
}

export interface DomainAppendixRow {
  /** U-label form, e.g. "bücher.example". */
  domainUnicode: string;
  /** A-label (punycode) form, e.g. "xn--bcher-kva.example". */
  domainAscii: string;
  /** e.g. "Verisign (.com)". */
  registry: string;
  registrarName: string;
  registrarIanaId?: number | null;
  /** Registrant exactly as listed in WHOIS/RDAP. */
  registrantAsListed?: string | null;
  status: string;
  /** The user's ordering within a registrar group (ascending). */
  order: number;
  /** Subdomains and URLs of the order folded into this registrable domain, printed under it. */
  folded?: string[];
  /** "IDN", "mixed script", "look-alike of example.com" ... (see foldRegistrableDomains). */
  flags?: string[];
  /** How to reach the registry, when the case records it. */
  registryContact?: string | null;
  /** An IP address the order names: listed, not counted as a registrable domain. Absent in productions frozen before this field. */
  ipAddress?: boolean;
}

/** How Appendix A is headed and which columns it has. */
export interface DomainAppendixOptions {
  /** "Appendix A to the Ex Parte Temporary Restraining Order of 2025-03-12 (ECF No. 17)". */
  heading: string;
  /** Registrant and status columns (internal to the case; only when asked for). */
  columns: boolean;
}

export interface CourtOrderInput {
  title: string;
  docket: string;
  court: string;
  judge?: string | null;
  type: string;
  filedAt?: string | null;
  grantedAt?: string | null;
  servedAt?: string | null;
  expiresAt?: string | null;
  status: string;
  summary?: string | null;
  /** The order's entry on the court's docket ("ECF No. 17"), when recorded. */
  ecfNumber?: string | null;
}

/**
 * The declarant's signature as an image, drawn above the "/s/" line. Checked when it is read
 * (readSignatureImage) and kept as bytes, not a path: a production freezes it, so a re-export
 * draws the same image after the file it came from is changed or gone.
 */
export interface SignatureImageInput {
  format: 'png' | 'jpeg';
  /** Pixel size as decoded. */
  width: number;
  height: number;
  /** SHA-256 of the image bytes as read. */
  sha256: string;
  /** The image bytes, base64 (the frozen input is JSON). */
  base64: string;
}

/** Counsel as the signature block prints them. */
export interface CounselInput {
  name: string;
  firm?: string;
  /** One line per "\n". */
  address?: string;
  phone?: string;
  email?: string;
  barNumber?: string;
  /** "Attorneys for Plaintiff Microsoft Corporation". */
  representing?: string;
}

export interface AuditChainHead {
  /** Author/device the chain belongs to, e.g. "jroe@laptop-7". */
  author: string;
  seq: number;
  /** SHA-256 of the chain's last row. */
  hash: string;
}

export interface PacketInput {
  caption: CaseCaption;
  options: PacketOptions;
  exhibits: ExhibitInput[];
  domains: DomainAppendixRow[];
  /** Heading and columns of Appendix A; without it the appendix is headed "Appendix A: Domains" and shows registrant and status. */
  appendix?: DomainAppendixOptions;
  orders: CourtOrderInput[];
  auditHeads: AuditChainHead[];
  /** SHA-256 of the case file at export time. */
  caseFileSha256: string;
  /** Counsel for the signature block under the declaration (the case's filing caption). */
  counsel?: CounselInput[];
  /** The declarant's signature image, drawn above the "/s/" line (which stays: ECF rules). */
  signatureImage?: SignatureImageInput;
  /** When `caseFileSha256` was computed (the production's cut-off): printed with it. */
  caseFileHashedAt?: string;
  /**
   * The audit checkpoint (src-main/integrity/auditCheckpoint.ts) as canonical JSON: stored in
   * every volume's Info dictionary (DossierCheckpoint) and summarised on the audit page, so
   * `dossier audit verify --against PACKET.pdf` can prove the case still holds that history.
   */
  checkpoint?: { json: string; signer: string | null; signature: string | null };
  /** Set when the export went ahead with --force over a failing check: printed on the audit page. */
  forcedOver?: string | null;
  /** Rule 5.2 candidates nobody has accepted or rejected yet, per exhibit (public packets): packet --check errors. */
  unreviewedRedactions?: { exhibitId: string; label: string; count: number }[];
  /** Rule 5.2 identifiers the detectors find that no redaction record covers (no scan was run since they came in): packet --check errors. */
  identifiersNeverReviewed?: { exhibitId: string; label: string; counts: Partial<Record<RedactionCategory, number>>; offPagePages?: number[] }[];
}
