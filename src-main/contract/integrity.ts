/**
 * What `dossier check` and the Audit view report, and the signed audit checkpoints that anchor a
 * case's history outside the file (src-main/integrity). Types only: the contract imports nothing.
 */

export const CHECK_NAMES = ['integrity', 'foreign_keys', 'schema', 'audit', 'content', 'custody', 'evidence', 'search', 'imports'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** One thing a check found wrong, named as precisely as the check can. */
export interface CheckFinding {
  check: CheckName;
  message: string;
  table?: string;
  id?: string;
  fields?: string[];
}

export interface CheckSection {
  name: CheckName;
  ok: boolean;
  /** One line: what was checked and how it came out. */
  summary: string;
}

/** An import that started and never wrote its closing audit entry (killed, crashed, cancelled hard). */
export interface InterruptedImport {
  /** `chain#seq` of its start entry: what `site import --rollback` and websites.importRollback take. */
  id: string;
  chain: string;
  seq: number;
  startedAt: string;
  file: string;
  sha256: string;
  bytes: number;
  /** Batches committed before it stopped, and the rows they wrote. */
  batches: number;
  rowsWritten: number;
  /**
   * The process that started it still runs (on this computer): it is in progress, not
   * interrupted, and cannot be rolled back under its feet. Always false for older imports.
   */
  running: boolean;
}

export interface CaseCheckReport {
  ok: boolean;
  path: string;
  schemaVersion: number;
  sections: CheckSection[];
  findings: CheckFinding[];
  interruptedImports: InterruptedImport[];
}

/** One audit chain's position: how many entries and the hash of the last. */
export interface CheckpointHead {
  chain: string;
  length: number;
  headHash: string;
}

/** The history a case held at a moment, signed by whoever took the checkpoint. */
export interface AuditCheckpoint {
  format: 'dossier-audit-checkpoint';
  formatVersion: 1;
  caseId: string;
  createdAt: string;
  /** What prompted it: a packet export, a share, or a request. */
  reason: string;
  heads: CheckpointHead[];
  entries: number;
  /** Records in the sealed tables; null where the artefact does not state it (a share). */
  records: number | null;
  /** Who signed it; null for an unsigned checkpoint (a packet exported without an identity). */
  signer: { name: string; fingerprint: string; ed25519PublicKey: string } | null;
}

/** A checkpoint with its Ed25519 signature (base64), or null when unsigned. */
export interface SignedCheckpoint {
  checkpoint: AuditCheckpoint;
  signature: string | null;
}

export interface CheckpointVerification {
  ok: boolean;
  /** Where the checkpoint came from (packet, share, checkpoint file). */
  source: string;
  checkpoint: AuditCheckpoint;
  /** true: signed and valid; false: signed and invalid; null: unsigned (the artefact itself is the anchor). */
  signatureValid: boolean | null;
  /** Per chain: what the checkpoint certified and what the case holds at that position. */
  chains: { chain: string; certifiedLength: number; certifiedHead: string; presentLength: number; problem: string | null }[];
  problems: string[];
}

/** What `dossier info` adds to the summary (channel case.health): quick_check and imports that never finished. */
export interface CaseHealth {
  /** 'ok', or what SQLite's quick_check found (the cheap structural check; `dossier check` does the full one). */
  quickCheck: string[];
  interruptedImports: InterruptedImport[];
}

/** What rolling back an interrupted import did (websites.importRollback, `site import --rollback`). */
export interface SiteImportRollback {
  importId: string;
  file: string;
  /** Websites the import created, now tombstoned (their last version kept in history). */
  removed: number;
  /** Websites recorded before the import that it filled in, put back as they were. */
  restored: number;
  /** 'covers' links to a court order the import made, now tombstoned. */
  links: number;
  /** Sites changed by someone after the import: removed or kept as they are now, and counted here. */
  changedSince: number;
}
