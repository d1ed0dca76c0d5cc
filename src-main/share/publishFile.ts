import { access, link, rename, rm } from 'node:fs/promises';

/**
 * Makes a finished file visible under its final name without ever replacing a file that is there
 * (or appeared meanwhile): link() fails if the name exists, where rename() would clobber it. The
 * temporary name is removed afterwards. FAT/exFAT USB sticks have no hard links; there we fall back
 * to rename after a last check. `existsError` is thrown when the name is taken.
 */
export async function publishFile(tempPath: string, target: string, existsError: () => Error): Promise<void> {
  try {
    await link(tempPath, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw existsError();
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
    if (await exists(target)) throw existsError();
    await rename(tempPath, target);
    return;
  }
  await rm(tempPath, { force: true });
}

export async function exists(filePath: string): Promise<boolean> {
  return access(filePath).then(
    () => true,
    () => false,
  );
}
