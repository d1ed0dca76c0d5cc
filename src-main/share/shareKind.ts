import { open } from 'node:fs/promises';
import { inspectAgeHeader } from './ageHeader';
import { ShareError } from './ShareError';

const AGE_MAGIC = 'age-encryption.org/';
const ARMOR_MAGIC = '-----BEGIN AGE ENCRYPTED FILE-----';

/**
 * What a file is, by its first bytes (never by its name): a share sent to named recipients, a
 * passphrase share, or no share at all ('none': e.g. a plain .dossier copy for `merge`).
 * Damaged age headers raise their ShareError (SHARE_TRUNCATED ...).
 */
export async function shareKind(filePath: string): Promise<'recipients' | 'passphrase' | 'none'> {
  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ShareError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'IO_FAILED', `Cannot read ${filePath}: ${(err as Error).message}`, { path: filePath }, { cause: err });
  }
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(Math.min(size, ARMOR_MAGIC.length + 16));
    await handle.read(head, 0, head.length, 0);
    const text = head.toString('latin1');
    if (!text.startsWith(AGE_MAGIC) && !text.trimStart().startsWith(ARMOR_MAGIC)) return 'none';
    const header = await inspectAgeHeader(handle, size);
    return header.stanzaTypes.includes('scrypt') ? 'passphrase' : 'recipients';
  } finally {
    await handle.close();
  }
}
