/** The status line and headers at the start of an HTTP message block (as recorded in a WARC). */
export interface HttpHead {
  status: number | null;
  headers: Map<string, string>;
  /** Bytes of the head including the blank line: the payload starts here. */
  length: number;
}

/** Longest HTTP head accepted; beyond it the block is treated as having no HTTP head. */
export const MAX_HEAD_BYTES = 256 * 1024;

/** Parses an HTTP head from the start of `bytes`; null when no complete head (CRLFCRLF or LFLF) is there. */
export function parseHttpHead(bytes: Buffer): HttpHead | null {
  let end = bytes.indexOf('\r\n\r\n');
  let length = end + 4;
  const lf = bytes.indexOf('\n\n');
  if (end < 0 || (lf >= 0 && lf < end)) {
    end = lf;
    length = lf + 2;
  }
  if (end < 0) return null;
  const lines = bytes.subarray(0, end).toString('latin1').split(/\r?\n/);
  const statusMatch = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0] ?? '');
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return { status: statusMatch ? Number(statusMatch[1]) : null, headers, length };
}
