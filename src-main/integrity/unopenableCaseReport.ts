import fs from 'node:fs';
import { CHECK_NAMES, type CaseCheckReport } from '../contract/integrity';

/** The schema version in the file's SQLite header (bytes 60-63), or 0 where it cannot be read. */
function headerVersion(filePath: string): number {
  try {
    const header = Buffer.alloc(100);
    const fd = fs.openSync(filePath, 'r');
    try {
      return fs.readSync(fd, header, 0, 100, 0) === 100 ? header.readUInt32BE(60) : 0;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return 0;
  }
}

/**
 * The check report of a case file too damaged to open at all (truncated: pages SQLite would read
 * are gone, so no query can run): the damage is the integrity finding, every other check is
 * named as not run. `dossier check` reports it like any other failure (exit 4) instead of
 * refusing; only the header is read, nothing is written.
 */
export function unopenableCaseReport(filePath: string, reason: string): CaseCheckReport {
  return {
    ok: false,
    path: filePath,
    schemaVersion: headerVersion(filePath),
    sections: CHECK_NAMES.map((name) =>
      name === 'integrity'
        ? { name, ok: false, summary: 'The file is damaged: SQLite cannot open it, so integrity_check cannot run over it.' }
        : { name, ok: false, summary: 'Not checked: the file cannot be opened.' },
    ),
    findings: [{ check: 'integrity', message: reason }],
    interruptedImports: [],
  };
}
