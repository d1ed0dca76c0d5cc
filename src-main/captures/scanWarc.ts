import { WARCParser } from 'warcio';
import { type CaptureProblem, type DigestStatus, isHtml, type ScannedRecord } from './CaptureRecordData';
import { decodePayload } from './decodePayload';
import { type HttpHead, MAX_HEAD_BYTES, parseHttpHead } from './httpHead';
import { DigestPair, declaredAlgorithm, declaredDigestMatches } from './warcDigest';
import { storedFileTime } from '../contract/statedTime';
import { type WarcHeaderReading, warcHeadersNotUtf8, warcHeaderText } from './warcHeaderText';

/** At most this much of an HTML payload is kept in memory for the page's title and text. */
export const MAX_HTML_BYTES = 8 * 1024 * 1024;
const MAX_INFO_BYTES = 64 * 1024;
const HTTP_BLOCK_TYPES = new Set(['response', 'request', 'revisit']);

/** Where the scanned WARC stream lives: the whole exhibit, or one member of a WACZ. */
export interface WarcStreamPlace {
  member: string | null;
  memberOffset: number | null;
  memberMethod: 0 | 8 | null;
  /** Bytes in the stream (the exhibit, or the member as stored). */
  totalBytes: number;
  /** The stream is gzip members (.warc.gz), where record lengths cover the whole member. */
  gzip: boolean;
  /** Sequence number of the first record (records of all members of a WACZ are numbered in one run). */
  firstSeq: number;
  /** Offset in the exhibit (or member) where this stream starts: reading resumed there after damage. */
  baseOffset?: number;
  /** How WARC header values are read (warcHeaderText); UTF-8 unless verification asks otherwise. */
  headerReading?: WarcHeaderReading;
}

/** Where a scan stopped on damage (the offset of the damaged record), so reading can resume after it. */
export interface ScanStop {
  damagedAt: number | null;
}

function stripAngles(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  return trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1) : trimmed;
}

/** WARC-Date as stored: UTC, or as written without a zone (contract/statedTime); text that is no time at all is kept as written. */
function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  return storedFileTime(value) ?? value.slice(0, 40);
}

function parseWarcFields(bytes: Buffer): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of bytes.toString('utf8').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return fields;
}

/** Consumes one record's block: both digests, the HTTP head, and the start of an HTML payload. */
async function readBlock(
  record: AsyncIterable<Uint8Array>,
  expectHttp: boolean,
  extraAlgorithms: { block: string[]; payload: string[] },
  keepInfo: boolean,
) {
  // The block needs SHA-256 (kept) and its declared algorithm; the payload SHA-1 and SHA-256 (kept) and its declared one.
  const block = new DigestPair(['sha256', ...extraAlgorithms.block]);
  const payload = new DigestPair(['sha1', 'sha256', ...extraAlgorithms.payload]);
  let pendingHead: Buffer[] | null = expectHttp ? [] : null;
  let pendingLength = 0;
  let head: HttpHead | null = null;
  const kept: Buffer[] = [];
  let keptLength = 0;
  let keepPayload = !expectHttp && keepInfo;
  const takePayload = (bytes: Buffer) => {
    payload.update(bytes);
    if (keepPayload && keptLength < MAX_HTML_BYTES) {
      const part = bytes.subarray(0, MAX_HTML_BYTES - keptLength);
      kept.push(Buffer.from(part));
      keptLength += part.length;
    }
  };
  for await (const chunk of record) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    block.update(bytes);
    if (!pendingHead) {
      takePayload(bytes);
      continue;
    }
    pendingHead.push(Buffer.from(bytes));
    pendingLength += bytes.length;
    const joined = Buffer.concat(pendingHead);
    head = parseHttpHead(joined);
    if (head || pendingLength > MAX_HEAD_BYTES) {
      pendingHead = null;
      keepPayload = keepInfo || (head !== null && isHtml(head.headers.get('content-type')));
      takePayload(head ? joined.subarray(head.length) : joined);
    }
  }
  if (pendingHead) {
    // The block ended inside what should have been the HTTP head.
    const joined = Buffer.concat(pendingHead);
    head = parseHttpHead(joined);
    takePayload(head ? joined.subarray(head.length) : joined);
  }
  return { block: block.digest(), blockLength: block.length, payload: payload.digest(), payloadLength: payload.length, head, kept: Buffer.concat(kept) };
}

/**
 * Reads a WARC stream (plain or gzip members) record by record with warcio, never holding more
 * than one record's HTML start in memory. Each record's block and payload are hashed (SHA-1 and
 * SHA-256) and checked against WARC-Block-Digest / WARC-Payload-Digest when declared. Damage is
 * recorded in `problems` with its offset; records before it are kept. Records a damaged length
 * makes unreadable are reported as one problem covering the rest of the stream.
 */
export async function* scanWarc(
  source: AsyncIterable<Uint8Array>,
  place: WarcStreamPlace,
  problems: CaptureProblem[],
  stop: ScanStop = { damagedAt: null },
): AsyncGenerator<ScannedRecord, void, undefined> {
  const base = place.baseOffset ?? 0;
  // warcio warns on the console about records not followed by a blank line; we report damage ourselves.
  const parser = new WARCParser(source, { parseHttp: false });
  let seq = place.firstSeq;
  let end = base;
  const problem = (offset: number | null, message: string) => problems.push({ offset, member: place.member, message });
  try {
    for await (const record of parser) {
      const offset = base + parser.offset;
      const header = (name: string) => warcHeaderText(record, name, place.headerReading);
      const type = header('WARC-Type') ?? 'unknown';
      const protocol = record.warcHeaders.protocol ?? '';
      // warcio reads a missing Content-Length as 0: check the header itself (a record cut inside its headers has none).
      const lengthHeader = header('Content-Length');
      const declaredLength = lengthHeader && /^\s*\d+\s*$/.test(lengthHeader) ? Number(lengthHeader) : Number.NaN;
      const declaredBlock = header('WARC-Block-Digest');
      const declaredPayload = type === 'revisit' ? null : header('WARC-Payload-Digest');
      const warcContentType = header('Content-Type');
      const expectHttp = HTTP_BLOCK_TYPES.has(type) && /application\/http/i.test(warcContentType ?? '');
      const notes: string[] = [];
      let damaged = false;
      if (!protocol.startsWith('WARC/')) notes.push(`does not start with a WARC version line (found "${protocol.slice(0, 20)}")`);
      if (!Number.isFinite(declaredLength)) notes.push('has no valid Content-Length (the file is cut or damaged inside its headers), so nothing after it can be read');
      const read = await readBlock(
        record as AsyncIterable<Uint8Array>,
        expectHttp,
        { block: declaredAlgorithm(declaredBlock), payload: declaredAlgorithm(declaredPayload) },
        type === 'warcinfo',
      );
      const length = parser.recordLength;
      end = offset + length;
      let status: DigestStatus = 'computed';
      if (!Number.isFinite(declaredLength)) {
        // Already noted above: without a length the block cannot be told from what follows it.
        status = 'truncated';
        damaged = true;
      } else if (read.blockLength < declaredLength) {
        status = 'truncated';
        notes.push(`is cut short: ${read.blockLength} of ${declaredLength} bytes of its block are in the file`);
        damaged = true;
      } else {
        const blockMatch = declaredBlock ? declaredDigestMatches(declaredBlock, read.block) : null;
        const payloadMatch = declaredPayload ? declaredDigestMatches(declaredPayload, read.payload) : null;
        if (blockMatch === false) notes.push(`WARC-Block-Digest ${declaredBlock} does not match its block (SHA-256 ${read.block.get('sha256')!.toString('hex')})`);
        if (payloadMatch === false) {
          notes.push(`WARC-Payload-Digest ${declaredPayload} does not match its payload (SHA-1 ${read.payload.get('sha1')!.toString('hex')}, SHA-256 ${read.payload.get('sha256')!.toString('hex')})`);
        }
        if (declaredBlock && blockMatch === null) notes.push(`WARC-Block-Digest "${declaredBlock.slice(0, 80)}" uses an algorithm or form that cannot be checked`);
        if (declaredPayload && payloadMatch === null) notes.push(`WARC-Payload-Digest "${declaredPayload.slice(0, 80)}" uses an algorithm or form that cannot be checked`);
        status = blockMatch === false || payloadMatch === false ? 'mismatch' : blockMatch || payloadMatch ? 'verified' : 'computed';
      }
      if (!protocol.startsWith('WARC/')) damaged = true;
      const notUtf8 = warcHeadersNotUtf8(record, place.headerReading);
      if (notUtf8.length) {
        // WARC 1.1 header values are UTF-8; bytes that are not are a malformed record, shown as read and never guessed at.
        notes.push(`has header values that are not all UTF-8: ${notUtf8.join(', ')} ${notUtf8.length === 1 ? 'holds' : 'hold'} U+FFFD where bytes could not be read as UTF-8 (or the file wrote U+FFFD itself); kept as read, not guessed`);
        damaged = true;
      }
      const recordId = stripAngles(header('WARC-Record-ID')) ?? `(no WARC-Record-ID, record ${seq + 1})`;
      const problemText = notes.length ? `Record ${recordId} at offset ${offset}${place.member ? ` of ${place.member}` : ''} ${notes.join('; ')}.` : null;
      if (problemText) problems.push({ offset, member: place.member, message: problemText, kind: damaged ? 'damage' : 'digest' });
      const contentType = read.head?.headers.get('content-type') ?? (expectHttp ? null : warcContentType);
      const html = type !== 'request' && read.head && isHtml(contentType) ? decodePayload(read.kept, read.head.headers, MAX_HTML_BYTES).body : null;
      yield {
        seq,
        record_id: recordId,
        record_type: type,
        target_uri: stripAngles(header('WARC-Target-URI')),
        captured_at: isoDate(header('WARC-Date')),
        ip: header('WARC-IP-Address'),
        content_type: contentType ?? null,
        http_status: type === 'request' ? null : (read.head?.status ?? null),
        member: place.member,
        member_offset: place.memberOffset,
        member_method: place.memberMethod,
        offset,
        length,
        block_sha256: read.block.get('sha256')!.toString('hex'),
        payload_sha1: read.payload.get('sha1')!.toString('hex'),
        payload_sha256: read.payload.get('sha256')!.toString('hex'),
        payload_length: read.payloadLength,
        declared_block_digest: declaredBlock,
        declared_payload_digest: declaredPayload,
        digest_status: status,
        problem: problemText,
        html,
        location: read.head?.headers.get('location') ?? null,
        info: type === 'warcinfo' ? parseWarcFields(read.kept.subarray(0, MAX_INFO_BYTES)) : null,
      };
      seq += 1;
      if (status === 'truncated') {
        stop.damagedAt = offset;
        return;
      }
    }
  } catch (error) {
    const at = Math.max(end, base);
    problem(at, `The data from offset ${at}${place.member ? ` of ${place.member}` : ''} could not be read as a WARC record (${(error as Error).message}).`);
    stop.damagedAt = at;
    return;
  }
  // A plain WARC ends each record with a blank line (4 bytes) that the parser does not count.
  const slack = place.gzip ? 0 : 4;
  if (end === 0) end = base;
  if (place.totalBytes - end > slack) {
    problem(
      end,
      `${place.totalBytes - end} bytes from offset ${end}${place.member ? ` of ${place.member}` : ''} could not be read as a complete WARC record (the file is truncated or damaged there).`,
    );
    // warcio ends quietly at a gzip member that does not inflate: the caller may find the next record after it.
    stop.damagedAt = end;
  }
}
