import zlib from 'node:zlib';

/** Undoes HTTP chunked transfer coding; returns the bytes unchanged when they are not validly chunked. */
export function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < bytes.length) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) return bytes;
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1').split(';', 1)[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) return bytes;
    if (size === 0) return Buffer.concat(parts);
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * The entity body as the browser would see it: transfer coding and content coding (gzip, deflate,
 * br) undone, at most `maxBytes` of output. Undecodable bytes are returned as recorded, with a note.
 */
export function decodePayload(raw: Buffer, headers: Map<string, string>, maxBytes: number): { body: Buffer; note: string | null } {
  let body = /chunked/i.test(headers.get('transfer-encoding') ?? '') ? dechunk(raw) : raw;
  const coding = (headers.get('content-encoding') ?? '').trim().toLowerCase();
  const options = { maxOutputLength: maxBytes };
  try {
    if (coding === 'gzip' || coding === 'x-gzip') body = zlib.gunzipSync(body, options);
    else if (coding === 'deflate') body = zlib.inflateSync(body, options);
    else if (coding === 'br') body = zlib.brotliDecompressSync(body, options);
    else if (coding && coding !== 'identity') return { body, note: `content coding "${coding}" is not decoded` };
  } catch (error) {
    return { body, note: `the ${coding} body could not be decoded (${(error as Error).message})` };
  }
  return { body: body.length > maxBytes ? body.subarray(0, maxBytes) : body, note: null };
}

/** The charset an HTML document declares (HTTP header first, then a meta tag near the start), if any. */
export function declaredCharset(bytes: Buffer, contentType: string | null): string | null {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = bytes.subarray(0, 4096).toString('latin1');
  return (/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? null)?.toLowerCase() ?? null;
}

/** HTML bytes as text in their declared charset (UTF-8 when none is declared or the label is unknown). */
export function decodeHtml(bytes: Buffer, contentType: string | null): string {
  const charset = declaredCharset(bytes, contentType) ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
