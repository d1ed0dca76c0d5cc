import fs from 'node:fs';
import path from 'node:path';
import type { CaseFile } from '../casefile/CaseFile';
import { closeCaseFile } from '../casefile/openCaseFile';
import type { EvidenceImportResult } from '../contract/DossierApi';
import { hasBidiControl } from '../contract/controlCharacters';
import { DossierError } from '../contract/errors';
import { type EvidenceUpdate, evidenceUpdateSchema } from '../contract/schemas';
import { validate } from '../contract/validate';
import type { EvidenceTaskHooks } from './EvidenceTaskHooks';
import { type ImportedExhibit, importEvidenceFile } from './importEvidenceFile';
import { refuseCaseFileAsSource } from './caseFileAsSource';
import { openEvidenceSource, sourceError } from './openEvidenceSource';
import { openImportConnection } from './openImportConnection';
import { runInVaultQueue } from './vaultQueue';

/**
 * Metadata for the imported exhibits. `title` and `exhibit_label` name one exhibit: with several
 * files the title is followed by each file's name, and a label is refused.
 */
/** The exhibit's fields, and the SHA-256 recorded when it was acquired (one file only). */
export type EvidenceImportOptions = EvidenceUpdate & { acquired_sha256?: string | undefined };


const PROGRESS_INTERVAL_MS = 100;

/** Checks every path before any is imported, so a typo in the tenth path does not leave nine imported. */
async function preflight(caseFile: CaseFile, paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const given of paths) {
    const absolute = path.resolve(given);
    try {
      const stat = await fs.promises.stat(absolute, { bigint: true });
      refuseCaseFileAsSource(absolute, stat, caseFile.path);
      if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      if (stat.isFile()) await fs.promises.access(absolute, fs.constants.R_OK);
      else await (await openEvidenceSource(absolute)).handle.close(); // throws the "not a regular file" error
      total += Number(stat.size);
    } catch (error) {
      throw sourceError(error, absolute);
    }
  }
  return total;
}

/**
 * A file name with a bidi override shows reordered (`invoice\u202Efdp.exe` reads as
 * `invoiceexe.pdf`): the exhibit is imported as it is, and the result says so, so the person
 * importing it sees the trick before anyone relies on the name.
 */
function nameWarnings(name: string): { warnings?: string[] } {
  if (!hasBidiControl(name)) return {};
  const shown = name.replace(/[\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return { warnings: [`The file name "${shown}" contains bidirectional override characters, so it is shown reordered; check what the file really is before relying on its name.`] };
}

/** Adds "files imported before it are kept" to an error that stopped a multi-file import. */
function withImported(error: unknown, items: readonly (ImportedExhibit & { path: string })[]): unknown {
  if (!(error instanceof DossierError) || items.length === 0) return error;
  const labels = items.map((i) => i.evidence.exhibit_label).join(', ');
  return new DossierError(error.code, `${error.message} Files imported before it are kept: ${labels}.`, {
    ...error.details,
    imported: items.map((i) => i.evidence.id),
  });
}

/**
 * Imports files as exhibits, each byte-exact, hashed (SHA-256, SHA-1, MD5 in one pass), stored
 * once per content, with custody and audit entries, indexed for search. Each file is one
 * transaction: all of it or nothing; a cancel stops the file being imported (nothing of it is
 * kept) while files finished before stay. Work on one case file runs one at a time (vaultQueue).
 */
export async function importEvidence(
  caseFile: CaseFile,
  paths: readonly string[],
  options: EvidenceImportOptions = {},
  hooks: EvidenceTaskHooks = {},
): Promise<EvidenceImportResult> {
  if (paths.length === 0) throw new DossierError('INVALID_REQUEST', 'Choose at least one file to import.');
  const { acquired_sha256: acquiredSha256, ...rest } = options;
  const fields = validate(evidenceUpdateSchema, rest, 'evidence import');
  if (acquiredSha256 && (paths.length > 1 || !fields.acquired_at)) {
    throw new DossierError('INVALID_REQUEST', 'A hash recorded at acquisition belongs to one file acquired at a known time: import that file alone, with --acquired-at.');
  }
  if (paths.length > 1 && fields.exhibit_label) {
    throw new DossierError('INVALID_REQUEST', 'An exhibit label names one exhibit: import the files one by one to label them, or leave the label out.');
  }
  return runInVaultQueue(caseFile.path, async () => {
    const total = await preflight(caseFile, paths);
    const { onProgress, signal } = hooks;
    let done = 0;
    let lastReport = -Infinity;
    const report = (message: string, force: boolean): void => {
      const now = Date.now();
      if (!onProgress || (!force && now - lastReport < PROGRESS_INTERVAL_MS)) return;
      lastReport = now;
      onProgress({ phase: 'import', done, total, unit: 'bytes', message });
    };
    const items: (ImportedExhibit & { path: string })[] = [];
    const connection = openImportConnection(caseFile);
    try {
      for (const [index, given] of paths.entries()) {
        if (signal?.aborted) throw new DossierError('CANCELLED', 'The import was cancelled.');
        const source = await openEvidenceSource(given);
        try {
          refuseCaseFileAsSource(source.path, source.stat, caseFile.path);
        } catch (error) {
          await source.handle.close();
          throw error;
        }
        const message = `${source.name} (${index + 1} of ${paths.length})`;
        try {
          report(message, true);
          const title = fields.title && paths.length > 1 ? `${fields.title} — ${source.name}`.slice(0, 500) : fields.title;
          let firstChunk = true;
          const imported = await importEvidenceFile(connection, source, { ...fields, title, ...(acquiredSha256 ? { acquired_sha256: acquiredSha256.toLowerCase() } : {}) }, {
            signal,
            onBytes: (bytes) => {
              done += bytes;
              // The first chunk of each file is always reported: quick feedback that reading began.
              report(message, firstChunk);
              firstChunk = false;
            },
          });
          items.push({ path: source.path, ...imported, ...nameWarnings(source.name) });
          report(message, true);
        } finally {
          await source.handle.close();
        }
      }
    } catch (error) {
      throw withImported(error, items);
    } finally {
      closeCaseFile(connection);
    }
    return { items };
  });
}
