import path from 'node:path';
import type { CaseFile } from '../casefile/CaseFile';
import { DossierError } from '../contract/errors';
import { addCustodyEvent } from './custody';
import type { EvidenceTaskHooks } from './EvidenceTaskHooks';
import { getEvidence } from './evidenceService';
import { readEvidenceStream } from './readEvidenceStream';
import { runInVaultQueue } from './vaultQueue';
import { writeOutputFile } from '../outputs/writeOutputFile';

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

/**
 * Writes an exhibit's original bytes to `outPath`, byte-identical: streamed from the case file
 * through writeOutputFile (temp beside the target, fsync, read back from disk and hashed), checked
 * against the recorded SHA-256, and renamed into place in the transaction that records the custody
 * event 'extracted' (or 'mismatch' when the stored copy is damaged), so the target never holds a
 * partial or altered copy and a copy exists exactly when custody says so.
 */
export async function extractEvidence(caseFile: CaseFile, id: string, outPath: string, options: ExtractOptions = {}): Promise<ExtractedEvidence> {
  return runInVaultQueue(caseFile.path, async () => {
    const evidence = getEvidence(caseFile, id, { includeDeleted: true });
    const contentSha256 = evidence.content_sha256;
    if (!contentSha256) throw new DossierError('NOT_FOUND', `${evidence.exhibit_label} has no stored bytes to extract.`);
    const target = path.resolve(outPath);
    let lastReport = -Infinity;
    const written = await writeOutputFile(
      target,
      {
        caseFile,
        overwrite: options.overwrite ?? false,
        check: (meant) => {
          if (meant.sha256 === evidence.sha256 && meant.bytes === evidence.size_bytes) return;
          addCustodyEvent(caseFile, {
            evidence_id: evidence.id,
            action: 'extracted',
            location: target.slice(-500),
            hash_seen: meant.sha256,
            result: 'mismatch',
            details: `Extraction refused: the stored bytes hash to ${meant.sha256} (${meant.bytes} bytes), not the recorded ${evidence.sha256}.`,
          });
          throw new DossierError(
            'EVIDENCE_HASH_MISMATCH',
            `${evidence.exhibit_label} was not extracted: its stored bytes no longer match the hash recorded at import. Nothing was written to ${target}. Restore the case file from a backup.`,
            { expected: evidence.sha256, actual: meant.sha256 },
          );
        },
        // The hash recorded is the one read back from the disk, not of the buffers meant for it.
        record: (onDisk) =>
          addCustodyEvent(caseFile, {
            evidence_id: evidence.id,
            action: 'extracted',
            location: target.slice(-500),
            purpose: options.purpose?.slice(0, 1000) ?? null,
            hash_seen: onDisk.sha256,
            result: 'ok',
            details: `Original bytes written to ${target} (${onDisk.bytes} bytes, SHA-256 ${onDisk.sha256} read back from disk, matching the recorded hash).`.slice(0, 5000),
          }),
      },
      async (sink) => {
        let bytes = 0;
        for await (const chunk of readEvidenceStream(caseFile, contentSha256, { signal: options.signal })) {
          await sink.write(chunk);
          bytes += chunk.length;
          if (options.onProgress && Date.now() - lastReport >= 100) {
            lastReport = Date.now();
            options.onProgress({ phase: 'extract', done: bytes, total: evidence.size_bytes, unit: 'bytes', message: evidence.exhibit_label });
          }
        }
      },
    );
    return { path: written.path, bytes: written.bytes, sha256: written.sha256 };
  });
}
