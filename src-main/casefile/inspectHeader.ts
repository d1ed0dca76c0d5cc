import fs from 'node:fs';
import { DossierError } from '../contract/errors';
import { DOSSIER_APPLICATION_ID } from './CaseFile';

export interface CaseFileHeader {
  pageSize: number;
  pageCount: number;
  userVersion: number;
  applicationId: number;
}

/**
 * Reads the 100-byte SQLite header without opening the database, so a file that is not a case
 * file, or is truncated, is refused before SQLite touches (or creates journals beside) it.
 */
export function inspectHeader(filePath: string): CaseFileHeader {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw new DossierError('FILE_NOT_FOUND', `No case file at ${filePath}.`);
  }
  if (!stat.isFile()) throw new DossierError('NOT_A_CASE_FILE', `${filePath} is not a file.`);
  const header = Buffer.alloc(100);
  const fd = fs.openSync(filePath, 'r');
  let bytesRead: number;
  try {
    bytesRead = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (bytesRead < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') {
    throw new DossierError('NOT_A_CASE_FILE', `${filePath} is not a Dossier case file (not an SQLite database).`);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  const changeCounter = header.readUInt32BE(24);
  const versionValidFor = header.readUInt32BE(92);
  const userVersion = header.readUInt32BE(60);
  const applicationId = header.readUInt32BE(68);
  if (applicationId !== DOSSIER_APPLICATION_ID) {
    throw new DossierError('NOT_A_CASE_FILE', `${filePath} is an SQLite database but not a Dossier case file.`);
  }
  // The in-header page count is trustworthy when the change counter matches (SQLite file format §1.3.7),
  // except beside a hot journal: a writer died mid-commit, and opening the file rolls it back.
  const hotJournal = fs.existsSync(`${filePath}-journal`) && fs.statSync(`${filePath}-journal`).size > 0;
  if (!hotJournal && changeCounter === versionValidFor && stat.size < pageCount * pageSize) {
    throw new DossierError(
      'CASE_FILE_CORRUPT',
      `${filePath} is truncated: ${stat.size} bytes on disk, ${pageCount * pageSize} expected. Restore it from a backup or a teammate's copy.`,
    );
  }
  return { pageSize, pageCount, userVersion, applicationId };
}
