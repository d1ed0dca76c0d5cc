import fs from 'node:fs';
import path from 'node:path';
import { DossierError } from '../contract/errors';

/** A file about to be imported, held open so that what is hashed is what was checked. */
export interface EvidenceSource {
  /** Absolute path as given (symbolic links are followed, the path is kept as the user chose it). */
  path: string;
  /** Where the file really is: `path` with every symbolic link resolved (equal to it when none was passed). */
  realPath: string;
  /** The name of the file whose bytes are read (the link's target's name, not the link's): the exhibit's original_name. */
  name: string;
  handle: fs.promises.FileHandle;
  stat: fs.BigIntStats;
}

function describeKind(stat: fs.BigIntStats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Turns an fs error about `filePath` into the error a user can act on. */
export function sourceError(error: unknown, filePath: string): DossierError {
  if (error instanceof DossierError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new DossierError('FILE_NOT_FOUND', `No file at ${filePath}. Check the path; nothing was imported.`, { path: filePath });
  }
  if (code === 'EISDIR') {
    return new DossierError('EVIDENCE_UNREADABLE', `${filePath} is a folder, not a file. Choose the files inside it.`, { path: filePath });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new DossierError(
      'EVIDENCE_UNREADABLE',
      `${filePath} cannot be read (permission denied). Give your user read access to it, or copy it somewhere readable, then import again.`,
      { path: filePath, errno: code },
    );
  }
  return new DossierError(
    'EVIDENCE_UNREADABLE',
    `${filePath} cannot be read (${code || (error as Error).message}). Nothing was imported from it.`,
    { path: filePath, errno: code },
  );
}

/**
 * Opens a file for import and checks it is a regular file. O_NONBLOCK keeps a named pipe from
 * hanging the open (it has no effect on regular files); the pipe is then refused by its type.
 */
export async function openEvidenceSource(filePath: string): Promise<EvidenceSource> {
  const absolute = path.resolve(filePath);
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(absolute, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    throw sourceError(error, absolute);
  }
  try {
    const stat = await handle.stat({ bigint: true });
    if (stat.isDirectory()) throw sourceError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), absolute);
    if (!stat.isFile()) {
      throw new DossierError(
        'EVIDENCE_UNREADABLE',
        `${absolute} is ${describeKind(stat)}, not a file Dossier can store byte for byte. Save its contents to a file first.`,
        { path: absolute },
      );
    }
    const realPath = await fs.promises.realpath(absolute);
    if (realPath !== absolute) {
      // The link could be pointed elsewhere between the open and now: the name recorded must be that of the file held open.
      const real = await fs.promises.stat(realPath, { bigint: true });
      if (real.dev !== stat.dev || real.ino !== stat.ino) {
        throw new DossierError('EVIDENCE_CHANGED_WHILE_READING', `${absolute} was pointed at another file while it was being opened. Nothing was stored; import it again.`, { path: absolute });
      }
    }
    return { path: absolute, realPath, name: path.basename(realPath), handle, stat };
  } catch (error) {
    await handle.close();
    throw sourceError(error, absolute);
  }
}

/**
 * Refuses a file that changed while it was read: what was hashed would not be what is on disk,
 * and a court copy must be one consistent state of the file.
 */
export async function assertSourceUnchanged(source: EvidenceSource, bytesRead: number): Promise<void> {
  const after = await source.handle.stat({ bigint: true });
  const before = source.stat;
  const changed =
    BigInt(bytesRead) !== before.size || after.size !== before.size || after.mtimeNs !== before.mtimeNs || after.ino !== before.ino;
  if (changed) {
    throw new DossierError(
      'EVIDENCE_CHANGED_WHILE_READING',
      `${source.path} changed while it was being read (${before.size} bytes when opened, ${after.size} now, ${bytesRead} read). ` +
        'Nothing was stored. Wait until whatever writes to it has finished (or import a copy), then import again.',
      { path: source.path },
    );
  }
}
