import { createPublicKey, sign, verify } from 'node:crypto';
import type Database from 'better-sqlite3';
import { auditHeads, verifyAudit } from '../audit/verifyAudit';
import { movedChainHashes } from '../audit/movedEntries';
import { canonicalJson } from '../casefile/canonicalJson';
import { nowIso } from '../casefile/ids';
import { sealedTablesIn } from '../casefile/recordDigest';
import { DossierError } from '../contract/errors';
import type { AuditCheckpoint, CheckpointVerification, SignedCheckpoint } from '../contract/integrity';
import type { KeyObject } from 'node:crypto';

/*
 * A checkpoint is what anchors a case's history outside the case file: the head of every audit
 * chain, the counts and the time, signed with the user's Ed25519 identity (the one that signs
 * shares). Packets carry one (PDF metadata and the audit page), shares carry their audit heads in
 * the signed manifest, and `dossier audit checkpoint` writes one on request. Dropping triggers and
 * deleting the last entries, or rewriting a whole unkeyed chain, cannot make the case match a
 * checkpoint taken before.
 */

/** Domain separation: this key also signs share manifests, which must never verify as checkpoints. */
const LABEL = 'dossier-audit-checkpoint-v1\n';

function message(checkpoint: AuditCheckpoint): Buffer {
  return Buffer.from(LABEL + canonicalJson(checkpoint as unknown as Record<string, unknown>), 'utf8');
}

/** Live and deleted records in the sealed tables: the count the checkpoint states. */
function recordCount(db: Database.Database): number {
  return sealedTablesIn(db).reduce((n, table) => n + (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number), 0);
}

/**
 * Takes and signs a checkpoint of the case as it is now. Refuses a case whose chain is broken:
 * a checkpoint certifies the history it names.
 */
/**
 * Who signs a checkpoint: the user's identity (share/userIdentity's UserIdentity fits), described
 * here by what signing needs so integrity/ does not depend on share/.
 */
export interface CheckpointSigner {
  publicIdentity: { name: string; fingerprint: string; ed25519PublicKey: string };
  signingKey: KeyObject;
}

export function takeCheckpoint(db: Database.Database, signer: CheckpointSigner | null, reason: string, at: string = nowIso()): SignedCheckpoint {
  const audit = verifyAudit(db);
  if (!audit.ok) {
    const b = audit.firstBreak!;
    throw new DossierError('AUDIT_CHAIN_BROKEN', `The audit log is broken (chain ${b.chain}, entry ${b.seq}: ${b.reason}); no checkpoint can certify it. Run "dossier check".`);
  }
  const caseId = db.prepare('SELECT id FROM case_info ORDER BY created_at LIMIT 1').pluck().get() as string | undefined;
  if (!caseId) throw new DossierError('NOT_A_CASE_FILE', 'This case file holds no case record.');
  const heads = auditHeads(db).map((h) => ({ chain: h.chain, length: h.length, headHash: h.headHash }));
  const checkpoint: AuditCheckpoint = {
    format: 'dossier-audit-checkpoint',
    formatVersion: 1,
    caseId,
    createdAt: at,
    reason,
    heads,
    entries: heads.reduce((n, h) => n + h.length, 0),
    records: recordCount(db),
    signer: signer
      ? { name: signer.publicIdentity.name, fingerprint: signer.publicIdentity.fingerprint, ed25519PublicKey: signer.publicIdentity.ed25519PublicKey }
      : null,
  };
  return { checkpoint, signature: signer ? sign(null, message(checkpoint), signer.signingKey).toString('base64') : null };
}

/** The checkpoint file's text: one line of canonical JSON and a newline. */
export function serializeCheckpoint(signed: SignedCheckpoint): string {
  return `${canonicalJson(signed as unknown as Record<string, unknown>)}\n`;
}

/** Reads a checkpoint from its JSON text, checking its shape (not yet its signature). */
export function parseCheckpoint(text: string, source: string): SignedCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DossierError('CHECKPOINT_INVALID', `${source} holds no readable audit checkpoint.`);
  }
  const signed = value as SignedCheckpoint;
  const c = signed?.checkpoint;
  if (
    (signed?.signature !== null && typeof signed?.signature !== 'string') || c?.format !== 'dossier-audit-checkpoint' || c.formatVersion !== 1 || !Array.isArray(c.heads) ||
    typeof c.caseId !== 'string' || (c.signer !== null && typeof c.signer?.ed25519PublicKey !== 'string') || (c.signer === null) !== (signed.signature === null) ||
    !c.heads.every((h) => typeof h?.chain === 'string' && Number.isInteger(h.length) && typeof h.headHash === 'string')
  ) {
    throw new DossierError('CHECKPOINT_INVALID', `${source} is not a Dossier audit checkpoint (format 1).`);
  }
  return signed;
}

function signatureValid(signed: SignedCheckpoint): boolean | null {
  if (signed.signature === null || signed.checkpoint.signer === null) return null;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: signed.checkpoint.signer.ed25519PublicKey }, format: 'jwk' });
    return verify(null, message(signed.checkpoint), key, Buffer.from(signed.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Proves the case still holds exactly the history the checkpoint certified: the signature holds,
 * the case is the same case, every certified chain is intact from its first entry, at least as
 * long as certified, and its entry at the certified length has the certified hash. Entries added
 * since are fine (work goes on); fewer (truncation) or other (a rewrite) are not.
 */
export function verifyAgainstCheckpoint(db: Database.Database, signed: SignedCheckpoint, source: string): CheckpointVerification {
  return verifyHistory(db, signed.checkpoint, signatureValid(signed), source);
}

/**
 * verifyAgainstCheckpoint for a checkpoint whose signature was checked elsewhere (a share's
 * manifest, verified by openShare) or that has none.
 */
export function verifyHistory(db: Database.Database, checkpoint: AuditCheckpoint, valid: boolean | null, source: string): CheckpointVerification {
  const problems: string[] = [];
  if (valid === false) problems.push('The checkpoint signature does not verify: the checkpoint was altered or not made by the key it names.');
  const caseId = db.prepare('SELECT id FROM case_info ORDER BY created_at LIMIT 1').pluck().get() as string | undefined;
  if (caseId !== checkpoint.caseId) problems.push(`The checkpoint is of case ${checkpoint.caseId}, this file holds ${caseId ?? 'no case'}.`);
  const audit = verifyAudit(db);
  if (!audit.ok) problems.push(`The audit log is broken at chain ${audit.firstBreak!.chain} entry ${audit.firstBreak!.seq}: ${audit.firstBreak!.reason}.`);
  const present = new Map(audit.chains.map((c) => [c.chain, c.length]));
  const hashAt = db.prepare('SELECT hash FROM audit_entry WHERE chain = ? AND seq = ?').pluck();
  const sealsAfter = db.prepare('SELECT 1 FROM audit_seal WHERE chain = ? AND seq > ? LIMIT 1').pluck();
  const chains = checkpoint.heads.map((head) => {
    const presentLength = present.get(head.chain) ?? 0;
    let problem: string | null = null;
    // A certified head a restored copy later moved onto a new chain (proven by recomputing it).
    const moved = hashAt.get(head.chain, head.length) !== head.headHash && movedChainHashes(db, head.chain).get(head.length) === head.headHash;
    if (moved) {
      // Still the certified history: its entries stand, moved whole, on the copy's new chain.
    } else if (presentLength < head.length) {
      problem = `chain ${head.chain} has ${presentLength} entries; ${head.length} were certified: entries ${presentLength + 1}-${head.length} ${missingEntries(sealsAfter.get(head.chain, presentLength) !== undefined)}`;
    } else if (hashAt.get(head.chain, head.length) !== head.headHash) {
      problem = `chain ${head.chain} entry ${head.length} is not the certified one: the history was rewritten`;
    }
    if (problem) problems.push(`${problem[0]!.toUpperCase()}${problem.slice(1)}.`);
    return { chain: head.chain, certifiedLength: head.length, certifiedHead: head.headHash, presentLength, problem };
  });
  return { ok: problems.length === 0, source, checkpoint, signatureValid: valid, chains, problems };
}

/**
 * What can be said of certified entries a file lacks. That they were removed is established only
 * when the file still holds their seals (entries and their seals arrive together, and a seal is
 * never deleted by the app). Otherwise the copy may never have held them: a teammate's share not
 * merged yet, a checkpoint of another case. Saying "removed" then would accuse the file of what
 * was not found.
 */
function missingEntries(sealsRemain: boolean): string {
  return sealsRemain ? 'were removed (their seals are still in the file)' : 'are not in this file (never received by this copy, or removed)';
}
