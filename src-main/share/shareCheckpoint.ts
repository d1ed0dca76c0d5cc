import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { AuditCheckpoint } from '../contract/integrity';
import { openShare } from './openShare';
import { makePrivateWorkDir } from './privateWorkDir';
import { makeTeamRoster } from './teamRoster';
import type { UserIdentity } from './userIdentity';

/**
 * The checkpoint a share carries: the audit heads in its signed manifest. Opening the share checks
 * the manifest's Ed25519 signature (and the snapshot's hash); the sender need not be trusted here,
 * since the question is only whether this case still holds the history the share certified. The
 * decrypted snapshot goes to a private folder beside `caseFolder` and is removed at once.
 */
export async function shareCheckpoint(
  sharePath: string,
  keys: { identity?: UserIdentity; passphrase?: string },
  caseFolder: string,
): Promise<AuditCheckpoint> {
  const work = await makePrivateWorkDir(caseFolder);
  try {
    const opened = await openShare(sharePath, { ...keys, roster: makeTeamRoster([]), acceptUnknownSender: true }, path.join(work, 'share'));
    const m = opened.manifest;
    const heads = m.auditHeads.map((h) => {
      const head = h as { chain?: unknown; length?: unknown; headHash?: unknown };
      return { chain: String(head.chain), length: Number(head.length), headHash: String(head.headHash) };
    });
    return {
      format: 'dossier-audit-checkpoint',
      formatVersion: 1,
      caseId: m.caseId,
      createdAt: m.createdAt,
      reason: `share ${path.basename(sharePath)}`,
      heads,
      entries: heads.reduce((n, h) => n + h.length, 0),
      records: null,
      signer: { name: m.sender.name, fingerprint: m.sender.fingerprint, ed25519PublicKey: m.sender.ed25519PublicKey },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
