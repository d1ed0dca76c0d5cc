import fs from 'node:fs';
import { SQLITE_SIDE_SUFFIXES } from '../casefile/sqliteSideFiles';
import { DossierError } from '../contract/errors';


/**
 * Refuses a file about to be imported when it is the open case file (or one of SQLite's files
 * beside it) under another name: a symlink, a hard link, a bind mount. Compared by device and
 * inode, which every name of one file shares, so no spelling of the path gets past it; `stat` is
 * the file as opened (or found), so what is checked is what would be read.
 */
export function refuseCaseFileAsSource(absolute: string, stat: { dev: bigint | number; ino: bigint | number }, caseFilePath: string): void {
  for (const suffix of ['', ...SQLITE_SIDE_SUFFIXES]) {
    const side = fs.statSync(`${caseFilePath}${suffix}`, { bigint: true, throwIfNoEntry: false });
    if (!side || side.dev !== BigInt(stat.dev) || side.ino !== BigInt(stat.ino)) continue;
    const what = suffix === '' ? 'this case file itself' : `this case file's SQLite side file (${suffix})`;
    throw new DossierError('INVALID_REQUEST', `${absolute} is ${what} (the same file on disk, whatever its name or link); it cannot be stored inside the case. To keep a copy of the case as evidence, copy it while it is closed and import the copy.`, { path: absolute });
  }
}
