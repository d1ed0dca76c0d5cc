import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ShareOrigin } from '../contract/sharing';
import { openShare, type OpenedShare } from './openShare';
import type { ShareRunOptions } from './shareProgress';
import type { TeamRoster } from './teamRoster';
import type { UserIdentity } from './userIdentity';
import { verifyReceivedSnapshot, type SnapshotFacts } from './verifyReceivedSnapshot';
import { hashExhibitsInCopy, type SharedExhibitBytes } from './sharedExhibitBytes';
import { ShareError } from './ShareError';
import { ASK_SENDER } from '../audit/recordsAlteredError';

/** How the receiver opens a share and whom they trust to have sent it. */
export interface ReceiveKeys {
  /** The receiver's identity (for shares sent to named recipients). */
  identity?: UserIdentity;
  /** The share's passphrase (for passphrase shares). */
  passphrase?: string;
  /**
   * Accept a sender who is not in the trusted roster if, and only if, their key has this
   * fingerprint (the one the user compared with the sender by phone or in person).
   */
  acceptSender?: string;
}

export interface VerifiedShare {
  readonly opened: OpenedShare;
  readonly facts: SnapshotFacts;
  readonly origin: ShareOrigin;
  /** Every exhibit's stored bytes in the received copy, re-hashed: what the receipt's custody events state. */
  readonly exhibitBytes: readonly SharedExhibitBytes[];
}

/**
 * openShare (age, container, signature, sender, SHA-256) into `outDir`, then every check of the
 * case file inside (verifyReceivedSnapshot), then every exhibit's stored bytes re-hashed: a copy
 * whose bytes differ from what was recorded at import is refused (EVIDENCE_HASH_MISMATCH), even
 * when the sender forced the share past a failing check. `trusted` is the roster that decides whether the
 * sender is known and, when given, the case the share must be of. On failure `outDir` holds nothing.
 */
export async function openVerifiedShare(
  sharePath: string,
  keys: ReceiveKeys,
  trusted: { roster: TeamRoster; caseId?: string },
  outDir: string,
  options: ShareRunOptions = {},
): Promise<VerifiedShare> {
  const opened = await openShare(
    sharePath,
    {
      ...(keys.identity ? { identity: keys.identity } : {}),
      ...(keys.passphrase !== undefined ? { passphrase: keys.passphrase } : {}),
      ...(keys.acceptSender !== undefined ? { acceptSenderFingerprint: keys.acceptSender } : {}),
      ...(trusted.caseId !== undefined ? { expectedCaseId: trusted.caseId } : {}),
      roster: trusted.roster,
    },
    outDir,
    options,
  );
  const facts = verifyReceivedSnapshot(opened.snapshotPath, opened.manifest);
  const exhibitBytes = await rehashReceived(opened.snapshotPath, options);
  const manifestSha256 = createHash('sha256').update(await readFile(opened.manifestPath)).digest('hex');
  const sender = opened.rosterMember ?? opened.manifest.sender;
  return {
    opened,
    facts,
    exhibitBytes,
    origin: {
      // The roster's name when known: the manifest's name is only what the sender calls themselves.
      sender: { name: sender.name, fingerprint: opened.senderFingerprint, known: opened.signerKnown },
      sharedAt: opened.manifest.createdAt,
      manifestSha256,
      exhibits: facts.exhibits.length,
    },
  };
}

async function rehashReceived(snapshotPath: string, options: ShareRunOptions): Promise<SharedExhibitBytes[]> {
  const { exhibits, altered: bad } = await hashExhibitsInCopy(snapshotPath, options);
  if (bad.length > 0) {
    throw new ShareError(
      'EVIDENCE_HASH_MISMATCH',
      `The case file in this share holds exhibits whose stored bytes are not what was recorded at import: ${bad
        .slice(0, 3)
        .map((e) => e.finding)
        .join(' ')}${bad.length > 3 ? ` (and ${bad.length - 3} more)` : ''} Nothing was taken from it. ${ASK_SENDER}`,
      { exhibits: bad.map((e) => e.id).join(',') },
    );
  }
  return exhibits;
}
