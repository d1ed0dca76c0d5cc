import { DossierError } from '../contract/errors';

export type CaptureFormat = 'warc' | 'warc.gz' | 'wacz' | 'har' | 'mhtml';

/**
 * The capture format of a file, from its first bytes, with its name as a tie-breaker (a .warc.gz
 * and a gzipped anything look alike). A file that is none of them is refused before anything is stored.
 */
export function detectCaptureFormat(name: string, head: Buffer): CaptureFormat {
  const lower = name.toLowerCase();
  const text = head.subarray(0, 2048).toString('latin1');
  // Gzip members: a .warc.gz, or a gzipped WARC someone named .warc.
  if (head[0] === 0x1f && head[1] === 0x8b && /\.warc(\.gz)?$|\.gz$/.test(lower)) return 'warc.gz';
  if (head.readUInt32LE?.(0) === 0x04034b50 && lower.endsWith('.wacz')) return 'wacz';
  if (/^WARC\/\d/.test(text)) return 'warc';
  if (/^\s*\{/.test(text) && /"log"\s*:/.test(text)) return 'har';
  if (/^(?:[\w-]+:[^\n]*\r?\n)*?Content-Type:\s*multipart\/related/im.test(text) || /\.mht(ml)?$/.test(lower) && /MIME-Version/i.test(text)) return 'mhtml';
  throw new DossierError(
    'INVALID_REQUEST',
    `${name} is not a web capture Dossier can read (WARC, WARC.GZ, WACZ, HAR or MHTML). Import it with "evidence add" to keep it as a plain exhibit.`,
  );
}
