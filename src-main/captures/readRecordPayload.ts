import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type Database from 'better-sqlite3';
import { WARCParser } from 'warcio';
import { DossierError } from '../contract/errors';
import type { CaptureFormat } from './detectCaptureFormat';
import { decodePayload } from './decodePayload';
import { parseHttpHead } from './httpHead';
import { harEntryBody, loadStoredHar } from './scanHar';
import { decodeMhtmlPart, splitMhtml } from './scanMhtml';
import { readStoredRange, storedSize, streamStoredRange } from './storedBytes';
import { warcHeaderText } from './warcHeaderText';

/** Largest single resource served to the replay view or drawn into a packet. */
export const MAX_RESOURCE_BYTES = 64 * 1024 * 1024;

/** Where a record lives (a capture_record row's placement columns). */
export interface RecordPlacement {
  seq: number;
  member_offset: number | null;
  member_method: number | null;
  offset: number | null;
  length: number | null;
}

async function recordBytes(db: Database.Database, sha256: string, record: RecordPlacement): Promise<Buffer> {
  const { offset, length } = record;
  if (offset === null || length === null) throw new DossierError('NOT_FOUND', 'This record has no place in the stored file.');
  if (length > MAX_RESOURCE_BYTES + 1024 * 1024) throw new DossierError('INVALID_REQUEST', `This record is ${length} bytes, more than Dossier shows (${MAX_RESOURCE_BYTES}).`);
  if (record.member_offset === null || record.member_method === 0) return readStoredRange(db, sha256, (record.member_offset ?? 0) + offset, length);
  // A deflated WACZ member (rare: WACZ asks for stored WARCs): inflate from its start up to the record.
  const inflated = Readable.from(streamStoredRange(db, sha256, record.member_offset, Number.MAX_SAFE_INTEGER)).pipe(zlib.createInflateRaw());
  const parts: Buffer[] = [];
  let at = 0;
  for await (const chunk of inflated as AsyncIterable<Buffer>) {
    const from = Math.max(0, offset - at);
    const to = Math.min(chunk.length, offset + length - at);
    if (to > from) parts.push(chunk.subarray(from, to));
    at += chunk.length;
    if (at >= offset + length) break;
  }
  inflated.destroy();
  return Buffer.concat(parts);
}

/** A record's payload as the browser received it (HTTP head parsed, transfer and content coding undone). */
export interface RecordPayload {
  status: number | null;
  headers: Map<string, string>;
  body: Buffer;
}

/**
 * Reads one record's payload back from the exhibit's stored bytes, using the offsets recorded at
 * import: only that record is read, not the archive.
 */
export async function readRecordPayload(db: Database.Database, sha256: string, format: CaptureFormat, record: RecordPlacement): Promise<RecordPayload> {
  if (format === 'har') {
    const har = loadStoredHar(db, sha256, []);
    const entry = har?.log?.entries?.[record.seq];
    if (!entry) throw new DossierError('NOT_FOUND', `Entry ${record.seq} of the stored HAR cannot be read.`);
    const headers = new Map((entry.response?.headers ?? []).map((h) => [String(h.name).toLowerCase(), String(h.value)]));
    if (entry.response?.content?.mimeType) headers.set('content-type', entry.response.content.mimeType);
    return { status: entry.response?.status ?? null, headers, body: harEntryBody(entry) };
  }
  if (format === 'mhtml') {
    const split = splitMhtml(readStoredRange(db, sha256, 0, storedSize(db, sha256)));
    const part = split?.parts[record.seq];
    if (!part) throw new DossierError('NOT_FOUND', `Part ${record.seq + 1} of the stored MHTML cannot be read.`);
    return { status: null, headers: part.headers, body: decodeMhtmlPart(part.body, part.headers.get('content-transfer-encoding')) };
  }
  const bytes = await recordBytes(db, sha256, record);
  const parser = new WARCParser([bytes], { parseHttp: false });
  const warc = await parser.parse();
  if (!warc) throw new DossierError('EVIDENCE_UNREADABLE', 'The stored bytes at this record\'s offset are not a WARC record.');
  const block = Buffer.from(await warc.readFully(false));
  const warcContentType = warcHeaderText(warc, 'Content-Type');
  const isHttp = /application\/http/i.test(warcContentType ?? '');
  const head = isHttp ? parseHttpHead(block) : null;
  if (!head) {
    const headers = new Map<string, string>();
    if (warcContentType) headers.set('content-type', warcContentType);
    return { status: null, headers, body: block };
  }
  const decoded = decodePayload(block.subarray(head.length), head.headers, MAX_RESOURCE_BYTES);
  return { status: head.status, headers: head.headers, body: decoded.body };
}
