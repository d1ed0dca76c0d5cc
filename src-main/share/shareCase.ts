import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { auditHeads, verifyAudit } from '../audit/verifyAudit';
import type { CaseFile } from '../casefile/CaseFile';
import type { ShareCreated, ShareRecipientInfo } from '../contract/sharing';
import { DOSSIER_APP_VERSION } from './appVersion';
import { createShare } from './createShare';
import { exists } from './publishFile';
import { makePrivateWorkDir } from './privateWorkDir';
import { requirePassingCheck } from '../integrity/requirePassingCheck';
import { appendAudit } from '../audit/appendAudit';
import { resolveRecipients } from './resolveRecipients';
import { exhibitsIn, recordShareSent, type ExhibitRef } from './shareCustody';
import { serializeManifest, SNAPSHOT_ENTRY_NAME, type AuditChainHead } from './shareManifest';
import type { ShareRunOptions } from './shareProgress';
import { ShareError, throwIfAborted } from './ShareError';
import { snapshotDatabase } from './snapshot';
import { hashExhibitsInCopy, type SharedExhibitBytes } from './sharedExhibitBytes';
import { teamRosterOf } from './teamRosterService';
import type { UserIdentity } from './userIdentity';
import { openDatabase } from '../casefile/openDatabase';

export interface ShareCaseRequest {
  /** Who sends (signs) the share. */
  sender: UserIdentity;
  /** Teammates: roster fingerprints, roster names, or `age1...` recipients (see resolveRecipients). */
  to?: readonly string[];
  /** A passphrase instead of teammates (not both: SHARE_PASSPHRASE_WITH_RECIPIENTS). */
  passphrase?: string;
  /** log2 of scrypt N for passphrase shares (default 18, as age). Lower only in tests. */
  scryptWorkFactor?: number;
  /** Share even when `dossier check` fails (the gate below); recorded in the audit entry. */
  force?: boolean;
}

/**
 * Shares the open case: a consistent snapshot (taken through the case's own connection), a
 * manifest whose case id and audit heads are read from that very snapshot, signed by the sender,
 * encrypted to the recipients or the passphrase, written to `outPath` (never replacing a file).
 * Every exhibit in the snapshot gets a 'transferred' custody event and the case a 'case.shared'
 * audit entry in the transaction that renames the finished share into place, so no copy leaves
 * without its record. Streams throughout (memory stays flat for multi-GB cases).
 */
export async function shareCase(
  caseFile: CaseFile,
  request: ShareCaseRequest,
  outPath: string,
  options: ShareRunOptions = {},
): Promise<ShareCreated> {
  const recipients = checkAddressees(caseFile, request);
  const target = path.resolve(outPath);
  if (await exists(target)) {
    throw new ShareError('SHARE_OUTPUT_EXISTS', `${target} already exists; choose another name.`, { path: target });
  }
  throwIfAborted(options.signal);
  // A case that fails its checks is not sent on unless forced (then the audit entry says so).
  const forcedOver = await requirePassingCheck(caseFile, 'share the case', request.force ?? false, options.signal ? { signal: options.signal } : {});
  // The plain-text snapshot stays in a private folder beside the case file (swept if a kill left
  // one), never beside the output, which is often a USB stick or a synced folder.
  const workDir = await makePrivateWorkDir(path.dirname(caseFile.path));
  try {
    const snapshot = await snapshotDatabase(caseFile.db, path.join(workDir, SNAPSHOT_ENTRY_NAME), options);
    const facts = readSnapshot(snapshot.path);
    // The custody events state the hashes of the bytes shipped, re-hashed from the snapshot itself.
    const exhibitBytes = await hashSnapshotExhibits(snapshot.path, request.force ?? false, options);
    let manifestSha256 = '';
    const created = await createShare(
      {
        snapshot,
        manifestFields: { caseId: facts.caseId, caseTitle: facts.caseTitle, auditHeads: facts.auditHeads, appVersion: DOSSIER_APP_VERSION },
        sender: request.sender,
        ...(request.passphrase !== undefined
          ? { passphrase: request.passphrase, ...(request.scryptWorkFactor ? { scryptWorkFactor: request.scryptWorkFactor } : {}) }
          : { recipients: recipients.map((r) => r.ageRecipient) }),
      },
      target,
      {
        ...options,
        caseFile,
        // In the transaction that renames the share into place: no copy leaves without its record.
        record: (manifest) => {
          manifestSha256 = createHash('sha256').update(serializeManifest(manifest)).digest('hex');
          recordShareSent(caseFile, {
            exhibits: exhibitBytes,
            sender: request.sender.publicIdentity,
            recipients,
            passphrase: request.passphrase !== undefined,
            manifestSha256,
            fileName: path.basename(target),
          });
          if (forcedOver) appendAudit(caseFile, { action: 'case.shared.forced', recordKind: 'case', detail: { file: path.basename(target), failedChecks: forcedOver } });
        },
      },
    );
    return {
      path: target,
      size: created.size,
      caseId: facts.caseId,
      manifestSha256,
      recipients,
      passphrase: request.passphrase !== undefined,
      exhibits: facts.exhibits.length,
      forced: forcedOver,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Every exhibit's bytes in the snapshot, re-hashed. Bytes that differ from what was recorded are
 * not sent on unless forced (the receiver would refuse them: EVIDENCE_HASH_MISMATCH); forced, the
 * 'transferred' custody events state the mismatch.
 */
async function hashSnapshotExhibits(snapshotPath: string, force: boolean, options: ShareRunOptions): Promise<SharedExhibitBytes[]> {
  const { exhibits, altered: bad } = await hashExhibitsInCopy(snapshotPath, options);
  if (bad.length > 0 && !force) {
    throw new ShareError(
      'EVIDENCE_HASH_MISMATCH',
      `Refusing to share: ${bad.length} exhibit(s) hold stored bytes that are not what was recorded at import. ${bad[0]!.finding} Run "dossier check" for every finding; --force shares anyway and records the mismatch in each exhibit's custody.`,
      { exhibits: bad.map((e) => e.id).join(',') },
    );
  }
  return exhibits;
}

/** The cheap checks, before any long work: who it goes to, or the passphrase. */
function checkAddressees(caseFile: CaseFile, request: ShareCaseRequest): ShareRecipientInfo[] {
  const to = request.to ?? [];
  if (request.passphrase !== undefined) {
    if (to.length > 0) {
      throw new ShareError(
        'SHARE_PASSPHRASE_WITH_RECIPIENTS',
        'A share is protected either by a passphrase or by teammates, not both (the age format forbids mixing them). Make two shares if you need both.',
      );
    }
    if (request.passphrase.length === 0) throw new ShareError('PASSPHRASE_REQUIRED', 'The share passphrase is empty.');
    return [];
  }
  if (to.length === 0) {
    throw new ShareError('SHARE_NO_RECIPIENTS', 'Choose at least one teammate (or a passphrase) to share with.');
  }
  return resolveRecipients(teamRosterOf(caseFile), to);
}

interface SnapshotFacts {
  caseId: string;
  caseTitle: string;
  auditHeads: AuditChainHead[];
  exhibits: ExhibitRef[];
}

/**
 * What the manifest states, read from the snapshot itself so it describes exactly the bytes
 * shipped. A broken audit log is not sent on (the receiver would refuse it anyway).
 */
function readSnapshot(snapshotPath: string): SnapshotFacts {
  const db = openDatabase(snapshotPath, { readonly: true });
  try {
    const audit = verifyAudit(db);
    if (!audit.ok) {
      const at = audit.firstBreak!;
      throw new ShareError(
        'AUDIT_CHAIN_BROKEN',
        `This case's audit log is broken (chain ${at.chain}, entry ${at.seq}: ${at.reason}); it cannot be shared. Run "dossier audit verify" and restore the file from a backup.`,
        { chain: at.chain, seq: at.seq },
      );
    }
    const info = db.prepare('SELECT id, title FROM case_info ORDER BY created_at LIMIT 1').get() as { id: string; title: string } | undefined;
    if (info === undefined) throw new ShareError('NOT_A_CASE_FILE', 'This case file holds no case record; there is nothing to share.');
    return {
      caseId: info.id,
      caseTitle: info.title,
      auditHeads: auditHeads(db) as unknown as AuditChainHead[],
      exhibits: exhibitsIn(db),
    };
  } finally {
    db.close();
  }
}
