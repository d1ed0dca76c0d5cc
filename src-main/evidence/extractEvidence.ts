import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CaseFile } from '../casefile/CaseFile';
import { DossierError } from '../contract/errors';
import { createInlineContentHasher } from './contentHasher';
import { addCustodyEvent } from './custody';
import type { EvidenceTaskHooks } from './EvidenceTaskHooks';
import { getEvidence } from './evidenceService';
import { readEvidenceStream } from './readEvidenceStream';
import { runInVaultQueue } from './vaultQueue';

export interface ExtractOptions extends EvidenceTaskHooks {
  /** Replace a file already at the target path (default: refuse with FILE_EXISTS). */
  overwrite?: boolean;
  /** Why the copy is made, for the custody record ("produced to opposing counsel"). */
  purpose?: string;
}

export interface ExtractedEvidence {
  path: string;
  bytes: number;
  sha256: string;
}

function writeError(error: unknown, target: string): DossierError {
  if (error instanceof DossierError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DossierError('DISK_FULL', `Not enough space to write ${target}; nothing was written. Free some space or choose another place.`, { path: target });
  }
  return new DossierError(
    'EXTRACT_FAILED',
    `Could not write ${target} (${code || (error as Error).message}); nothing was written there. Check that the folder is writable.`,
    { path: target, errno: code },
  );
}

function checkTarget(target: string, overwrite: boolean): void {
  const folder = path.dirname(target);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new DossierError('FILE_NOT_FOUND', `Folder ${folder} does not exist; create it or choose another place.`, { path: target });
  }
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) {
    throw new DossierError('INVALID_REQUEST', `${target} is a folder; give the name of the file to write.`, { path: target });
  }
  if (existing && !overwrite) {
    throw new DossierError('FILE_EXISTS', `${target} already exists; choose another name, or allow overwriting it.`, { path: target });
  }
}

/** Moves the finished temp file into place; without overwrite, a file that appeared meanwhile is kept. */
function publish(temp: string, target: string, overwrite: boolean): void {
  if (overwrite) {
    fs.renameSync(temp, target);
    return;
  }
  try {
    // link() fails if the target exists, where rename() would silently replace it.
    fs.linkSync(temp, target);
    fs.rmSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new DossierError('FILE_EXISTS', `${target} appeared while the exhibit was being written; nothing was replaced.`, { path: target });
    // Some file systems (FAT, exFAT on USB drives) have no hard links: check, then rename.
    if (fs.existsSync(target)) throw new DossierError('FILE_EXISTS', `${target} already exists; nothing was replaced.`, { path: target });
    fs.renameSync(temp, target);
  }
}

function syncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a folder (Windows); the file itself was synced.
  }
}

/**
 * Writes an exhibit's original bytes to `outPath`, byte-identical: streamed from the case file
 * into a temp file beside the target, hashed on the way, synced, checked against the recorded
 * SHA-256, and only then renamed into place, so the target never holds a partial or altered copy.
 * Recorded as a custody event 'extracted' (or 'mismatch' when the stored copy is damaged).
 */
export async function extractEvidence(caseFile: CaseFile, id: string, outPath: string, options: ExtractOptions = {}): Promise<ExtractedEvidence> {
  return runInVaultQueue(caseFile.path, async () => {
    const evidence = getEvidence(caseFile, id, { includeDeleted: true });
    if (!evidence.content_sha256) throw new DossierError('NOT_FOUND', `${evidence.exhibit_label} has no stored bytes to extract.`);
    const target = path.resolve(outPath);
    checkTarget(target, options.overwrite ?? false);
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.dossier-part`);
    const hasher = createInlineContentHasher();
    let bytes = 0;
    let lastReport = -Infinity;
    try {
      const handle = await fs.promises.open(temp, 'wx');
      try {
        for await (const chunk of readEvidenceStream(caseFile, evidence.content_sha256, { signal: options.signal })) {
          await handle.write(chunk, 0, chunk.length);
          hasher.update(chunk);
          bytes += chunk.length;
          if (options.onProgress && Date.now() - lastReport >= 100) {
            lastReport = Date.now();
            options.onProgress({ phase: 'extract', done: bytes, total: evidence.size_bytes, unit: 'bytes', message: evidence.exhibit_label });
          }
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      const actual = hasher.digest();
      if (actual.sha256 !== evidence.sha256 || bytes !== evidence.size_bytes) {
        addCustodyEvent(caseFile, {
          evidence_id: evidence.id,
          action: 'extracted',
          location: target.slice(-500),
          hash_seen: actual.sha256,
          result: 'mismatch',
          details: `Extraction refused: the stored bytes hash to ${actual.sha256} (${bytes} bytes), not the recorded ${evidence.sha256}.`,
        });
        throw new DossierError(
          'EVIDENCE_HASH_MISMATCH',
          `${evidence.exhibit_label} was not extracted: its stored bytes no longer match the hash recorded at import. Nothing was written to ${target}. Restore the case file from a backup.`,
          { expected: evidence.sha256, actual: actual.sha256 },
        );
      }
      publish(temp, target, options.overwrite ?? false);
      syncFolder(path.dirname(target));
      addCustodyEvent(caseFile, {
        evidence_id: evidence.id,
        action: 'extracted',
        location: target.slice(-500),
        purpose: options.purpose?.slice(0, 1000) ?? null,
        hash_seen: actual.sha256,
        result: 'ok',
        details: `Original bytes written to ${target} (${bytes} bytes, SHA-256 ${actual.sha256}, matching the recorded hash).`.slice(0, 5000),
      });
      return { path: target, bytes, sha256: actual.sha256 };
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw writeError(error, target);
    }
  });
}
