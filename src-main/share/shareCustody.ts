import type Database from 'better-sqlite3';
import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { writeTransaction } from '../casefile/writeTransaction';
import type { ShareOrigin, ShareRecipientInfo } from '../contract/sharing';
import { addCustodyEvent } from '../evidence/custody';
import type { PublicIdentity } from './publicIdentity';
import type { SharedExhibitBytes } from './sharedExhibitBytes';

/*
 * A share is a transfer of every exhibit in it, so each one gets a chain-of-custody event on both
 * sides: 'transferred' in the sender's case once the share is written, 'received' in the
 * receiver's once it is verified. The manifest's SHA-256 names the share in both, so a custody
 * report can pair them. Each event states the SHA-256 of the bytes that side re-hashed in the
 * shared copy (hashSharedExhibits) and what it found, never the recorded hash taken on trust. Plus one audit entry per share ('case.shared' / 'case.received').
 */

/** An exhibit as a share carries it: every evidence row, tombstoned ones too (their bytes travel). */
export interface ExhibitRef {
  readonly id: string;
  readonly sha256: string | null;
}

/** The schema's limits of custody_event text fields (contract/schemas custodyCreateSchema). */
const PARTY_MAX = 300;
const DETAILS_MAX = 5000;

/** Every exhibit of a case file, by number. Ids only: a large case lists fast and small. */
export function exhibitsIn(db: Database.Database): ExhibitRef[] {
  return db.prepare('SELECT id, sha256 FROM evidence ORDER BY exhibit_number, id').all() as ExhibitRef[];
}

export function partyName(identity: { name: string; fingerprint: string }): string {
  return `${identity.name} (${identity.fingerprint})`;
}

/** Records, in the sender's case, that the exhibits went to the recipients. One transaction. */
export function recordShareSent(
  caseFile: CaseFile,
  share: {
    exhibits: readonly SharedExhibitBytes[];
    sender: PublicIdentity;
    recipients: readonly ShareRecipientInfo[];
    passphrase: boolean;
    manifestSha256: string;
    fileName: string;
  },
): void {
  const names = share.recipients.map((r) => (r.name !== null && r.fingerprint !== null ? partyName({ name: r.name, fingerprint: r.fingerprint }) : r.ageRecipient));
  const everyone = share.passphrase ? 'holders of the share passphrase' : names.join('; ');
  const toParty = everyone.length <= PARTY_MAX ? everyone : `${names.length} teammates (listed in the details)`;
  writeTransaction(caseFile, () => {
    for (const exhibit of share.exhibits) {
      addCustodyEvent(caseFile, {
        evidence_id: exhibit.id,
        action: 'transferred',
        from_party: partyName(share.sender),
        to_party: toParty,
        purpose: 'team share (encrypted copy of the case file)',
        hash_seen: exhibit.hashSeen,
        result: exhibit.result,
        // The finding first: clipping a long recipient list must not cut what was hashed.
        details: clip(`${bytesFinding(exhibit, 'in the shared copy')} Team share ${share.fileName}, manifest SHA-256 ${share.manifestSha256}; to: ${everyone}`),
      });
    }
    appendAudit(caseFile, {
      action: 'case.shared',
      recordKind: 'case',
      recordId: caseIdOf(caseFile.db),
      detail: {
        manifestSha256: share.manifestSha256,
        file: share.fileName,
        sender: { name: share.sender.name, fingerprint: share.sender.fingerprint },
        recipients: share.recipients.map((r) => ({ name: r.name, fingerprint: r.fingerprint, ageRecipient: r.ageRecipient })),
        passphrase: share.passphrase,
        exhibits: share.exhibits.length,
      },
    });
  });
}

/** Records, in the receiver's case, that the exhibits arrived from the sender. One transaction. */
export function recordShareReceived(
  caseFile: CaseFile,
  share: { exhibits: readonly SharedExhibitBytes[]; origin: ShareOrigin; receiver: PublicIdentity | null; fileName: string },
): void {
  const { sender } = share.origin;
  const checked = `Team share ${share.fileName}, manifest SHA-256 ${share.origin.manifestSha256}; sender key ${sender.known ? 'in the team roster' : 'accepted by its fingerprint'}; signature, case file hash, integrity, audit log and record seals checked`;
  writeTransaction(caseFile, () => {
    for (const exhibit of share.exhibits) {
      addCustodyEvent(caseFile, {
        evidence_id: exhibit.id,
        action: 'received',
        from_party: partyName(sender),
        to_party: share.receiver ? partyName(share.receiver) : caseFile.actor.name,
        purpose: 'team share (encrypted copy of the case file)',
        hash_seen: exhibit.hashSeen,
        result: exhibit.result,
        details: clip(`${checked}. ${bytesFinding(exhibit, 'in the received copy')}`),
      });
    }
    appendAudit(caseFile, {
      action: 'case.received',
      recordKind: 'case',
      recordId: caseIdOf(caseFile.db),
      detail: {
        manifestSha256: share.origin.manifestSha256,
        file: share.fileName,
        sender: { name: sender.name, fingerprint: sender.fingerprint, known: sender.known },
        sharedAt: share.origin.sharedAt,
        exhibits: share.exhibits.length,
      },
    });
  });
}

/**
 * True when this copy already recorded receiving the share with this manifest (a repeated merge).
 * Only this copy's own audit chain counts: a teammate's receipt of the same share, merged in
 * earlier, is theirs, not ours.
 */
export function shareAlreadyReceived(caseFile: CaseFile, manifestSha256: string): boolean {
  return (
    caseFile.db
      .prepare("SELECT 1 FROM audit_entry WHERE chain = ? AND action = 'case.received' AND json_extract(detail, '$.manifestSha256') = ? LIMIT 1")
      .get(caseFile.chain, manifestSha256) !== undefined
  );
}

function caseIdOf(db: Database.Database): string | null {
  return (db.prepare('SELECT id FROM case_info ORDER BY created_at LIMIT 1').pluck().get() as string | undefined) ?? null;
}

/** What re-hashing found, said of the copy it was found in. */
function bytesFinding(exhibit: SharedExhibitBytes, where: string): string {
  return `Stored bytes ${where}: ${exhibit.finding}`;
}

function clip(text: string): string {
  return text.length <= DETAILS_MAX ? text : `${text.slice(0, DETAILS_MAX - 1)}…`;
}
