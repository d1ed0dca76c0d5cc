import fs from 'node:fs';
import { DossierError } from '../contract/errors';

/**
 * Reads a text file the user names (a note body, a passphrase, a roster, a court profile) as
 * UTF-8, refusing anything else. Node's own 'utf8' decoding replaces each byte it cannot read
 * with U+FFFD and carries on, so a Windows-1252 "José Müller £500" would be stored as
 * "Jos� M�ller �500" with no word said: a name and a currency lost from the record.
 */
export function readUtf8File(file: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new DossierError('FILE_NOT_FOUND', `Cannot read ${what} ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  try {
    // ignoreBOM keeps a leading U+FEFF as Node's 'utf8' did: a passphrase file saved with one must still unlock.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new DossierError(
      'ENCODING_UNSUPPORTED',
      `${what} ${file} is not UTF-8 text (first unreadable byte at offset ${firstInvalidUtf8Byte(bytes)}); save it as UTF-8 and try again. Nothing was changed.`,
    );
  }
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search on prefixes is wrong at sequence boundaries; a linear scan by sequence is exact.
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}
