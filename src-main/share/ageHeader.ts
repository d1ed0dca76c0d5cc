import type { FileHandle } from 'node:fs/promises';
import { ShareError } from './ShareError';

/*
 * A look at an age file's header before handing the file to age-encryption. The library reads
 * header lines without a length limit, so a large file that is not age would be buffered whole;
 * here we bound the header, tell "not an age file" from "cut short", and learn which stanza
 * types (X25519, scrypt ...) it has, to explain a key/passphrase mix-up precisely.
 */

const VERSION_LINE = 'age-encryption.org/v1\n';
const ARMOR_LINE = '-----BEGIN AGE ENCRYPTED FILE-----';
/** Ample for thousands of X25519 recipients (~100 bytes each). */
const HEADER_MAX_BYTES = 1024 * 1024;
/** After the header: 16-byte nonce and at least one 16-byte authentication tag. */
const MIN_PAYLOAD_BYTES = 32;

export interface AgeHeaderInfo {
  /** bytes up to and including the MAC line */
  readonly headerLength: number;
  /** first argument of each stanza, e.g. ['X25519', 'X25519'] or ['scrypt'] */
  readonly stanzaTypes: readonly string[];
}

/** Reads and checks the header of the age file open as `handle` (of `fileSize` bytes). */
export async function inspectAgeHeader(handle: FileHandle, fileSize: number): Promise<AgeHeaderInfo> {
  const length = Math.min(fileSize, HEADER_MAX_BYTES);
  const head = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(head, filled, length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  const text = new TextDecoder('latin1').decode(head.subarray(0, filled));

  if (!text.startsWith(VERSION_LINE)) {
    if (text.length < VERSION_LINE.length && VERSION_LINE.startsWith(text) && text.length > 0) {
      throw truncated();
    }
    if (text.trimStart().startsWith(ARMOR_LINE)) {
      throw new ShareError(
        'NOT_A_SHARE',
        'This is an ASCII-armored age file; Dossier shares are binary. Remove the armor first (`age -d` it, or ask the sender for the .dossier.age file).',
      );
    }
    throw new ShareError('NOT_A_SHARE', 'This is not a Dossier share (not an age-encrypted file).');
  }

  const stanzaTypes: string[] = [];
  let offset = VERSION_LINE.length;
  for (;;) {
    const newline = text.indexOf('\n', offset);
    if (newline < 0) {
      if (filled < HEADER_MAX_BYTES) throw truncated();
      throw new ShareError('SHARE_UNSUPPORTED', 'This age file has a header larger than Dossier accepts (1 MiB).');
    }
    const line = text.slice(offset, newline);
    offset = newline + 1;
    if (line.startsWith('-> ')) {
      stanzaTypes.push(line.slice(3).split(' ')[0] ?? '');
    } else if (line.startsWith('---')) {
      break;
    }
  }
  if (fileSize - offset < MIN_PAYLOAD_BYTES) throw truncated();
  return { headerLength: offset, stanzaTypes };
}

function truncated(): ShareError {
  return new ShareError(
    'SHARE_TRUNCATED',
    'This share file is incomplete (cut off while copying or downloading). Ask the sender for the file again.',
  );
}
