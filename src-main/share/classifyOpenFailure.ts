import { ShareError } from './ShareError';

/*
 * Turning what went wrong while opening a share into one precise ShareError. Kept apart from
 * openShare because it encodes knowledge of age-encryption's error messages (pinned at 0.3.1;
 * openShareFailures.test.ts pins every mapping).
 */

/** age's STREAM chunk size (the C2SP age spec fixes it). */
const AGE_CHUNK_BYTES = 64 * 1024;

/** Errors while reading the age header, after inspectAgeHeader ruled out "not age at all". */
export function classifyHeaderFailure(err: unknown, stanzaTypes: readonly string[]): ShareError {
  if (err instanceof ShareError) return err;
  const message = String((err as Error).message);
  // Messages of age-encryption 0.3.1 (pinned); the failure tests pin each mapping.
  if (/no identity matched/.test(message)) {
    return stanzaTypes.includes('scrypt')
      ? new ShareError('WRONG_PASSPHRASE', 'Wrong passphrase for this share.', {}, { cause: err })
      : new ShareError(
          'NO_MATCHING_IDENTITY',
          'This share was not encrypted to your identity. Ask the sender to add your public identity to the recipients.',
          {},
          { cause: err },
        );
  }
  if (/invalid header HMAC/.test(message)) return tamperedShareError(err);
  if (/work factor is too high|not the only one/.test(message)) {
    return new ShareError('SHARE_UNSUPPORTED', `This age file uses settings Dossier does not accept (${message}).`, {}, { cause: err });
  }
  if (/stream ended/.test(message)) return truncatedShareError(err);
  // inspectAgeHeader saw a well-formed age header outline, so a parse failure here is damage.
  return tamperedShareError(err);
}

/**
 * After the header, a failure is either ours (a ShareError) or age's payload authentication
 * failing. That happens for a cut-off file and for an altered byte alike; the sizes tell them
 * apart: if the container declares more bytes than the file can hold, it was cut off.
 */
export function classifyOpenFailure(err: unknown, archiveEnd: number | undefined, plaintextTotal: number): ShareError {
  if (err instanceof ShareError) return err;
  const e = err as NodeJS.ErrnoException;
  if (typeof e.code === 'string' && typeof e.syscall === 'string') {
    return new ShareError(
      'IO_FAILED',
      e.code === 'ENOSPC' ? 'The disk is full; free some space and try again.' : `Could not receive the share: ${e.message}`,
      {},
      { cause: err },
    );
  }
  if (archiveEnd !== undefined) return archiveEnd > plaintextTotal ? truncatedShareError(err) : tamperedShareError(err);
  // Failed before the container header could be read: the first 64 KiB chunk did not verify.
  // A share of a Dossier case file (64 KiB pages, several tables) is always larger than one
  // chunk, so a file too short to hold one full chunk was cut off; otherwise it was altered.
  return plaintextTotal < AGE_CHUNK_BYTES ? truncatedShareError(err) : tamperedShareError(err);
}

export function truncatedShareError(cause?: unknown): ShareError {
  return new ShareError(
    'SHARE_TRUNCATED',
    'This share file is incomplete (cut off while copying or downloading). Ask the sender for the file again.',
    {},
    { cause },
  );
}

export function tamperedShareError(cause?: unknown): ShareError {
  return new ShareError(
    'SHARE_TAMPERED',
    'This share file has been altered or damaged since it was made (its encryption check fails). Do not use it; ask the sender for the file again.',
    {},
    { cause },
  );
}
