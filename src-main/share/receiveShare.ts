import { mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../casefile/Actor';
import { closeCaseFile, openCaseFile } from '../casefile/openCaseFile';
import type { ShareReceived } from '../contract/sharing';
import { openVerifiedShare, type ReceiveKeys } from './openVerifiedShare';
import { exists } from './publishFile';
import { publishOutputs } from '../outputs/publishOutputs';
import { outputFileError } from '../outputs/outputFileError';
import { sweepStaleFiles } from '../outputs/sweepStaleFiles';
import { danglingLinkAt } from '../outputs/checkOutputTarget';
import { recordShareReceived } from './shareCustody';
import { holdRosterKeysNotIn, type RosterKeyRef } from './rosterTrust';
import { writeTransaction } from '../casefile/writeTransaction';
import type { ShareRunOptions } from './shareProgress';
import { ShareError, throwIfAborted } from './ShareError';
import { makeTeamRoster, type TeamRoster } from './teamRoster';
import { openDatabase } from '../casefile/openDatabase';
import { danglingReferences } from '../integrity/danglingReferences';
import { findInterruptedImports } from '../websites/interruptedImports';
import { verifyRecordSeals } from '../audit/verifyRecordSeals';
import { ASK_SENDER, recordsAlteredError } from '../audit/recordsAlteredError';

export interface ReceiveOptions extends ShareRunOptions {
  /** Who receives, for the custody events and the audit entry written into the received file. */
  actor: Actor;
  /**
   * A local copy of the same case the receiver already has: its roster decides whether the sender
   * is trusted, and the share must be of that case (SHARE_WRONG_CASE).
   */
  localCopy?: { caseId: string; roster: TeamRoster };
}

/**
 * Receives a share as a new case file at `outFile` (never replacing a file: FILE_EXISTS).
 * Decrypts and verifies it into a temporary folder beside `outFile` (openVerifiedShare: key,
 * container, signature, sender, SHA-256, case-file schema, integrity, audit chain, case id, audit
 * heads, every exhibit's bytes re-hashed; then every record against its seal: RECORDS_ALTERED),
 * records the receipt in the chain of custody of every exhibit and in the audit
 * log, and only then puts the file in place. Every failure has its own code and writes nothing.
 *
 * Which roster proves the sender: a local copy's when given. Without one the sender is unknown
 * (SENDER_UNKNOWN) unless `keys.acceptSender` names their fingerprint. The roster inside the
 * received snapshot is never used for this: the sender wrote that file and signed it, so a
 * forger would simply list their own key in it; trusting it would trust whoever signs.
 */
export async function receiveShare(sharePath: string, keys: ReceiveKeys, outFile: string, options: ReceiveOptions): Promise<ShareReceived> {
  const target = path.resolve(outFile);
  const link = danglingLinkAt(target);
  if (link !== null) {
    throw new ShareError('FILE_EXISTS', `${target} is a symbolic link that already exists (to ${link}, which does not exist); choose another name (receiving never replaces a file or a link).`, { path: target });
  }
  if (await exists(target)) {
    throw new ShareError('FILE_EXISTS', `${target} already exists; choose another name (receiving never replaces a file).`, { path: target });
  }
  const folder = path.dirname(target);
  if (!(await stat(folder).then((s) => s.isDirectory(), () => false))) {
    throw new ShareError('FILE_NOT_FOUND', `Folder ${folder} does not exist.`, { path: folder });
  }
  let workDir: string | null = null;
  try {
    // Holds the decrypted case until it is verified: named with our pid so that what a killed
    // receive left here is swept by the next output written into this folder.
    sweepStaleFiles(folder);
    workDir = await mkdtemp(path.join(folder, `.${path.basename(target)}.receiving-${process.pid}-`));
    return await receiveInto(sharePath, keys, target, workDir, options);
  } catch (error) {
    throw writeFailure(error, sharePath, target);
  } finally {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * A full, read-only or forbidden disk where the received case is being written is the output
 * path's failure (DISK_FULL, OUTPUT_READ_ONLY_FILESYSTEM, OUTPUT_PERMISSION_DENIED, naming the
 * target), however deep in decrypting it happened; a share file that cannot be read stays as it is.
 */
function writeFailure(error: unknown, sharePath: string, target: string): unknown {
  const cause = error instanceof ShareError && error.code === 'IO_FAILED' ? error.cause : error;
  const errno = (cause as NodeJS.ErrnoException | undefined)?.code;
  const readingShare = (cause as NodeJS.ErrnoException | undefined)?.path === path.resolve(sharePath);
  if (!readingShare && (errno === 'ENOSPC' || errno === 'EDQUOT' || errno === 'EROFS' || errno === 'EACCES' || errno === 'EPERM')) return outputFileError(cause, target);
  return error;
}

async function receiveInto(sharePath: string, keys: ReceiveKeys, target: string, workDir: string, options: ReceiveOptions): Promise<ShareReceived> {
  const verified = await openVerifiedShare(
    sharePath,
    keys,
    options.localCopy ?? { roster: makeTeamRoster([]) },
    path.join(workDir, 'share'),
    { ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
  );
  const received = verified.opened.snapshotPath;
  // The whole copy becomes the receiver's case: every record must be as its audit log sealed it
  // (what "dossier check" checks), or a forced share of a copy edited behind the app's back would
  // arrive looking clean. A merge checks what it takes in instead (merge/incomingSeals).
  assertAllSealed(received, `The case file in share ${path.basename(sharePath)}`);
  const problems = remainingProblems(received);
  // Written into the temporary copy, so a failure here also leaves nothing at outFile; the
  // replica identity survives the link below (same inode).
  const caseFile = openCaseFile(received, { actor: options.actor });
  let heldRosterKeys: RosterKeyRef[] = [];
  try {
    recordShareReceived(caseFile, {
      exhibits: verified.exhibitBytes,
      origin: verified.origin,
      receiver: keys.identity?.publicIdentity ?? null,
      fileName: path.basename(sharePath),
    });
    // The local copy's roster decided whom to trust; a key the sender's roster adds to it is held
    // until the user confirms it, as a merge of the same share would (rosterTrust.ts). Written on
    // this receipt's own chain, so it is the receiver's decision in the received file.
    const local = options.localCopy;
    if (local) {
      const known = new Set(local.roster.members.map((m) => m.fingerprint));
      heldRosterKeys = writeTransaction(caseFile, () => holdRosterKeysNotIn(caseFile, known, path.basename(sharePath))).map(({ name, fingerprint }) => ({ name, fingerprint }));
    }
  } finally {
    closeCaseFile(caseFile);
  }
  throwIfAborted(options.signal);
  // The one output path (checks again, links without replacing, syncs the folder); the received
  // file was verified above and its receipt recorded inside it, so there is no case to record in.
  publishOutputs(null, [{ temp: received, target }], false);
  return { ...verified.origin, path: target, caseId: verified.facts.caseId, caseTitle: verified.facts.caseTitle, problems, heldRosterKeys };
}

function assertAllSealed(snapshotPath: string, shownAs: string): void {
  const db = openDatabase(snapshotPath, { readonly: true });
  try {
    const seals = verifyRecordSeals(db);
    if (seals.ok) return;
    const named = seals.findings.slice(0, 50);
    throw recordsAlteredError(named, seals.findings.length - named.length + seals.moreFindings, shownAs, `Nothing was received. ${ASK_SENDER}`);
  } finally {
    db.close();
  }
}

/**
 * The checks of "dossier check" that receiving does not refuse on: the manifest has no room to say
 * a share was forced (docs/share-format.md: unknown keys are refused), so the receiver is told
 * what such a share carries, found in the copy itself.
 */
function remainingProblems(snapshotPath: string): string[] {
  const db = openDatabase(snapshotPath, { readonly: true });
  try {
    const references = danglingReferences(db).map((d) => d.message);
    const imports = findInterruptedImports(db).map((i) => `The import of ${i.file} started ${i.startedAt} did not finish: ${i.batches} batch(es), ${i.rowsWritten} row(s) written.`);
    return [...references, ...imports];
  } finally {
    db.close();
  }
}
