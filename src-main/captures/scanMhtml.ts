import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type CaptureProblem, isHtml, type ScannedRecord } from './CaptureRecordData';
import { MAX_IN_MEMORY_CAPTURE } from './scanHar';
import type { StoredCaptureScan } from './scanStoredCapture';
import { readStoredRange, storedSize } from './storedBytes';
import { computedDigests } from './computedDigests';
import { storedFileTime } from '../contract/statedTime';

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  // Folded lines (a continuation starts with white space) belong to the header above.
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Undoes quoted-printable (soft line breaks and =XX escapes). */
export function decodeQuotedPrintable(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1').replace(/=\r?\n/g, '');
  return Buffer.from(text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
}

/** A part's body as the browser saw it (transfer encoding undone). */
export function decodeMhtmlPart(body: Buffer, transferEncoding: string | undefined): Buffer {
  const encoding = (transferEncoding ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.toString('latin1').replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

interface MhtmlPart {
  headers: Map<string, string>;
  bodyOffset: number;
  body: Buffer;
}

/** Splits a stored MHTML file into its top headers and parts, each with the offset of its body. */
export function splitMhtml(bytes: Buffer): { top: Map<string, string>; parts: MhtmlPart[] } | null {
  const headEnd = bytes.indexOf('\r\n\r\n') >= 0 ? bytes.indexOf('\r\n\r\n') : bytes.indexOf('\n\n');
  if (headEnd < 0) return null;
  const top = parseHeaders(bytes.subarray(0, headEnd).toString('latin1'));
  const boundary = /boundary\s*=\s*"?([^";]+)"?/i.exec(top.get('content-type') ?? '')?.[1];
  if (!boundary) return null;
  const marker = Buffer.from(`--${boundary}`);
  const parts: MhtmlPart[] = [];
  let at = bytes.indexOf(marker, headEnd);
  while (at >= 0) {
    const lineEnd = bytes.indexOf('\n', at);
    if (lineEnd < 0 || bytes.subarray(at + marker.length, at + marker.length + 2).toString() === '--') break;
    const next = bytes.indexOf(marker, lineEnd);
    const partEnd = next < 0 ? bytes.length : next;
    const part = bytes.subarray(lineEnd + 1, partEnd);
    const split = part.indexOf('\r\n\r\n') >= 0 ? part.indexOf('\r\n\r\n') : part.indexOf('\n\n');
    if (split >= 0) {
      const gap = part[split] === 0x0d ? 4 : 2;
      let body = part.subarray(split + gap);
      // The line break before the next boundary belongs to the boundary.
      if (next >= 0) body = body.subarray(0, body.length - (body.subarray(-2).toString() === '\r\n' ? 2 : body.subarray(-1).toString() === '\n' ? 1 : 0));
      parts.push({ headers: parseHeaders(part.subarray(0, split).toString('latin1')), bodyOffset: lineEnd + 1 + split + gap, body });
    }
    at = next;
  }
  return { top, parts };
}

/** The parts of an MHTML page saved by a browser ("Save page as… single file") as capture records. */
export async function scanMhtml(db: Database.Database, sha256: string, problems: CaptureProblem[]): Promise<StoredCaptureScan> {
  const size = storedSize(db, sha256);
  if (size > MAX_IN_MEMORY_CAPTURE) {
    problems.push({ offset: null, member: null, message: `This MHTML file is ${size} bytes, more than the ${MAX_IN_MEMORY_CAPTURE} Dossier reads at once; its parts were not imported.` });
    return { records: (async function* () {})(), listedPages: null, info: {} };
  }
  const split = splitMhtml(readStoredRange(db, sha256, 0, size));
  if (!split) problems.push({ offset: 0, member: null, message: 'This MHTML file has no multipart boundary; no parts could be read.' });
  const date = split?.top.get('date');
  // The Date header as the saving browser wrote it: UTC when it states a zone, else kept without one (contract/statedTime).
  const capturedAt = storedFileTime(date);
  const pageUrl = split?.top.get('snapshot-content-location') ?? split?.parts.find((p) => isHtml(p.headers.get('content-type')))?.headers.get('content-location') ?? null;
  async function* records(): AsyncGenerator<ScannedRecord, void, undefined> {
    for (const [seq, part] of (split?.parts ?? []).entries()) {
      const payload = decodeMhtmlPart(part.body, part.headers.get('content-transfer-encoding'));
      const contentType = part.headers.get('content-type') ?? null;
      yield {
        seq,
        record_id: part.headers.get('content-id')?.replace(/^<|>$/g, '') ?? `mhtml:part-${seq + 1}`,
        record_type: 'resource',
        target_uri: part.headers.get('content-location') ?? null,
        captured_at: capturedAt,
        ip: null,
        content_type: contentType,
        http_status: null,
        member: null,
        member_offset: null,
        member_method: null,
        offset: part.bodyOffset,
        length: part.body.length,
        block_sha256: createHash('sha256').update(part.body).digest('hex'),
        ...computedDigests(payload),
        problem: null,
        html: isHtml(contentType) ? payload : null,
        location: null,
        info: null,
      };
    }
  }
  return {
    records: records(),
    listedPages: pageUrl ? [{ url: pageUrl, ts: capturedAt, title: split?.top.get('subject') ?? null }] : null,
    info: { software: split?.top.get('x-mailer') ?? split?.top.get('user-agent') ?? 'browser "save as MHTML"' },
  };
}
