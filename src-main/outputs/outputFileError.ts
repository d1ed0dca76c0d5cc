import { DossierError } from '../contract/errors';

/**
 * What went wrong writing an output file, as a stable code and a sentence that says nothing was
 * written. Full disk, permission and read-only file system each get their own code because the
 * user fixes each differently (free space, pick another folder, unlock the stick).
 */
export function outputFileError(error: unknown, target: string): DossierError {
  if (error instanceof DossierError) return error;
  const errno = (error as NodeJS.ErrnoException).code ?? '';
  if (errno === 'ENOSPC' || errno === 'EDQUOT') {
    return new DossierError('DISK_FULL', `Not enough space to write ${target}; nothing was written. Free some space or choose another place.`, { path: target, errno });
  }
  if (errno === 'EACCES' || errno === 'EPERM') {
    return new DossierError('OUTPUT_PERMISSION_DENIED', `You may not write in the folder of ${target}; nothing was written. Choose a folder you can write to.`, { path: target, errno });
  }
  if (errno === 'EROFS') {
    return new DossierError('OUTPUT_READ_ONLY_FILESYSTEM', `The disk holding ${target} is read-only; nothing was written. Unlock it or choose another place.`, { path: target, errno });
  }
  const reason = errno || (error instanceof Error ? error.message.split('\n')[0] : String(error));
  if ((error as { code?: unknown }).code && String((error as { code?: unknown }).code).startsWith('SQLITE_')) {
    return new DossierError(
      'OUTPUT_NOT_RECORDED',
      `${target} was not written: recording it in the case file failed (${(error as Error).message}); nothing was written. Try again when the case file is writable.`,
      { path: target, sqlite: String((error as { code?: unknown }).code) },
    );
  }
  return new DossierError('IO_FAILED', `Could not write ${target} (${reason}); nothing was written there.`, { path: target, errno });
}
