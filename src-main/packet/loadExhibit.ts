import { createHash } from 'node:crypto';
import { hasPdfHeader } from '../evidence/hasPdfHeader';
import { isTextType } from './classifyExhibit';
import { LineCounter } from './LineCounter';
import type { ExhibitInput } from './PacketInput';
import { PacketError } from './PacketError';
import { verifyExhibitBytes } from './verifyExhibitBytes';

/** An exhibit's bytes as the packet needs them, already checked against the recorded hashes. */
export interface LoadedExhibit {
  /** The whole file, or (when `partial`) only its beginning. */
  bytes: Uint8Array;
  /** Only the beginning was kept: the file was hashed as a stream and is too big to hold. */
  partial: boolean;
  /** Lines in the whole file, counted while streaming (text files read partially). */
  totalLines?: number;
}

/** Above this size a file that is not drawn in full is streamed when the caller can stream it. */
export const STREAM_ABOVE = 64 * 1024 * 1024;
/** How much of a streamed text file is kept for its pages (50 pages need well under 2 MB). */
const TEXT_KEEP = 16 * 1024 * 1024;
/** How much of any other streamed file is kept: enough to recognise PDF and image signatures. */
const HEAD_KEEP = 64 * 1024;

/**
 * Reads an exhibit and verifies it. PDFs and images are read whole (they are drawn from all their
 * bytes). Large files that are only listed (video, disk images, captures) or shown in part (huge
 * logs) are streamed through the hashes when the caller offers `readChunks`, keeping only their
 * beginning, so a multi-gigabyte exhibit never sits in memory.
 */
export async function loadExhibit(exhibit: ExhibitInput): Promise<LoadedExhibit> {
  const type = exhibit.mediaType.toLowerCase();
  const drawnWhole = type === 'application/pdf' || type.startsWith('image/');
  if (!exhibit.readChunks || exhibit.size <= STREAM_ABOVE || drawnWhole) {
    const bytes = await readAll(exhibit);
    verifyExhibitBytes(exhibit, bytes);
    return { bytes, partial: false };
  }
  const text = isTextType(type);
  const streamed = await streamAndHash(exhibit, exhibit.readChunks, text ? TEXT_KEEP : HEAD_KEEP, text);
  const head = new TextDecoder('latin1').decode(streamed.kept.subarray(0, 4));
  const looksDrawable = hasPdfHeader(streamed.kept) || /^\x89PNG|^\xff\xd8\xff/.test(head);
  if (!text && looksDrawable) {
    // Labelled as something else but really a PDF or image: it is drawn, so it is needed whole.
    const bytes = await readAll(exhibit);
    verifyExhibitBytes(exhibit, bytes);
    return { bytes, partial: false };
  }
  return { bytes: streamed.kept, partial: true, ...(text ? { totalLines: streamed.lines } : {}) };
}

async function readAll(exhibit: ExhibitInput): Promise<Uint8Array> {
  let bytes: unknown;
  try {
    bytes = await exhibit.readBytes();
  } catch (err) {
    throw unreadable(exhibit, err);
  }
  if (!(bytes instanceof Uint8Array)) {
    throw new PacketError('EVIDENCE_UNREADABLE', `${exhibit.label}: readBytes() did not return bytes (Uint8Array).`, { exhibitId: exhibit.id });
  }
  return bytes;
}

async function streamAndHash(
  exhibit: ExhibitInput,
  readChunks: () => AsyncIterable<Uint8Array>,
  keep: number,
  countLines: boolean,
): Promise<{ kept: Uint8Array; lines: number }> {
  const hashes = { sha256: createHash('sha256'), sha1: createHash('sha1'), md5: createHash('md5') };
  const kept = new Uint8Array(Math.min(keep, exhibit.size));
  let keptLength = 0;
  let size = 0;
  // Lines are counted on bytes (UTF-8 and ASCII logs, the case for files this large).
  const lines = new LineCounter();
  try {
    for await (const chunk of readChunks()) {
      for (const h of Object.values(hashes)) h.update(chunk);
      if (keptLength < kept.length) {
        const take = chunk.subarray(0, kept.length - keptLength);
        kept.set(take, keptLength);
        keptLength += take.length;
      }
      if (countLines) lines.push(chunk);
      size += chunk.length;
    }
  } catch (err) {
    throw unreadable(exhibit, err);
  }
  const actual = { size, sha256: hashes.sha256.digest('hex'), sha1: hashes.sha1.digest('hex'), md5: hashes.md5.digest('hex') };
  // Same check and message as for whole files.
  verifyExhibitBytes(exhibit, new Uint8Array(0), actual);
  return { kept: kept.subarray(0, keptLength), lines: lines.total() };
}

function unreadable(exhibit: ExhibitInput, err: unknown): PacketError {
  return new PacketError(
    'EVIDENCE_UNREADABLE',
    `${exhibit.label} could not be read from the case file (${err instanceof Error ? err.message : String(err)}); no packet was written.`,
    { exhibitId: exhibit.id },
    { cause: err },
  );
}
