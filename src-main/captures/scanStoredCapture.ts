import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type Database from 'better-sqlite3';
import type { CaptureProblem, ScannedRecord } from './CaptureRecordData';
import type { CaptureFormat } from './detectCaptureFormat';
import { scanHar } from './scanHar';
import { scanMhtml } from './scanMhtml';
import { type ScanStop, scanWarc } from './scanWarc';
import type { WarcHeaderReading } from './warcHeaderText';
import { readStoredRange, storedSize, streamStoredRange } from './storedBytes';
import { readZipDirectory, type ZipMember } from './zipDirectory';

/** An entry of a WACZ's pages list (pages/pages.jsonl): what the crawler called a page. */
export interface ListedPage {
  url: string;
  ts: string | null;
  title: string | null;
}

/** What a stored capture holds besides its records. */
export interface StoredCaptureScan {
  records: AsyncGenerator<ScannedRecord, void, undefined>;
  /** The crawler's page list (WACZ), or null when the format has none. */
  listedPages: ListedPage[] | null;
  /** Facts about the archive as a whole (WACZ datapackage: software, created, checked hashes). */
  info: Record<string, unknown>;
}

const MAX_JSON_MEMBER = 64 * 1024 * 1024;

function memberStream(db: Database.Database, sha256: string, member: ZipMember, signal?: AbortSignal): AsyncIterable<Uint8Array> {
  const raw = streamStoredRange(db, sha256, member.dataOffset, member.compressedSize, signal);
  if (member.method === 0) return raw;
  return Readable.from(raw).pipe(zlib.createInflateRaw()) as AsyncIterable<Uint8Array>;
}

async function readMember(db: Database.Database, sha256: string, member: ZipMember): Promise<Buffer> {
  if (member.size > MAX_JSON_MEMBER) throw new Error(`${member.name} is larger than ${MAX_JSON_MEMBER} bytes`);
  const parts: Buffer[] = [];
  for await (const part of memberStream(db, sha256, member)) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

function parsePages(text: string, problems: CaptureProblem[], member: string): ListedPage[] {
  const pages: ListedPage[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as { url?: unknown; ts?: unknown; title?: unknown; format?: unknown };
      if (typeof entry.url !== 'string') continue; // the header line ({"format": ...}) and entries without a URL
      pages.push({ url: entry.url, ts: typeof entry.ts === 'string' ? entry.ts : null, title: typeof entry.title === 'string' ? entry.title : null });
    } catch {
      problems.push({ offset: null, member, message: `Line ${index + 1} of ${member} is not valid JSON; that page entry was skipped.` });
    }
  }
  return pages;
}

/** Hashes a member's bytes as they pass to the WARC scanner, so the datapackage check costs no extra read. */
function hashingTap(source: AsyncIterable<Uint8Array>) {
  const hash = createHash('sha256');
  let bytes = 0;
  const iterator = (async function* () {
    for await (const chunk of source) {
      hash.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
  })();
  return {
    source: { [Symbol.asyncIterator]: () => iterator } as AsyncIterable<Uint8Array>,
    async finish(): Promise<{ sha256: string; bytes: number }> {
      for await (const _ of { [Symbol.asyncIterator]: () => iterator }) void _;
      return { sha256: hash.digest('hex'), bytes };
    },
  };
}

async function hashMember(db: Database.Database, sha256: string, member: ZipMember): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of memberStream(db, sha256, member)) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

async function scanWacz(db: Database.Database, sha256: string, problems: CaptureProblem[], signal: AbortSignal | undefined, headerReading: WarcHeaderReading): Promise<StoredCaptureScan> {
  const size = storedSize(db, sha256);
  const members = readZipDirectory((offset, length) => readStoredRange(db, sha256, offset, length), size);
  const byName = new Map(members.map((m) => [m.name, m]));
  const info: Record<string, unknown> = {};
  const declared = new Map<string, { hash: string | null; bytes: number | null }>();
  const packageMember = byName.get('datapackage.json');
  if (!packageMember) {
    problems.push({ offset: null, member: 'datapackage.json', message: 'This WACZ has no datapackage.json: the hashes of its files cannot be checked.' });
  } else {
    try {
      const datapackage = JSON.parse((await readMember(db, sha256, packageMember)).toString('utf8')) as {
        software?: unknown; created?: unknown; wacz_version?: unknown; title?: unknown;
        resources?: { path?: unknown; hash?: unknown; bytes?: unknown }[];
      };
      for (const key of ['software', 'created', 'wacz_version', 'title'] as const) if (typeof datapackage[key] === 'string') info[key] = datapackage[key];
      for (const resource of datapackage.resources ?? []) {
        if (typeof resource.path !== 'string') continue;
        declared.set(resource.path, {
          hash: typeof resource.hash === 'string' ? resource.hash : null,
          bytes: typeof resource.bytes === 'number' ? resource.bytes : null,
        });
      }
    } catch (error) {
      problems.push({ offset: packageMember.dataOffset, member: 'datapackage.json', message: `datapackage.json could not be read (${(error as Error).message}); the hashes of the WACZ's files are unchecked.` });
    }
  }
  const checked: { path: string; ok: boolean }[] = [];
  const checkResource = (path: string, actual: { sha256: string; bytes: number }) => {
    const expected = declared.get(path);
    if (!expected) return;
    const [algorithm, value] = (expected.hash ?? '').split(':', 2);
    const hashOk = algorithm?.toLowerCase() === 'sha256' && value?.toLowerCase() === actual.sha256;
    const bytesOk = expected.bytes === null || expected.bytes === actual.bytes;
    checked.push({ path, ok: hashOk && bytesOk });
    if (!hashOk || !bytesOk) {
      problems.push({
        offset: byName.get(path)?.dataOffset ?? null,
        member: path,
        message: `${path} does not match datapackage.json: it hashes to sha256:${actual.sha256} (${actual.bytes} bytes), datapackage.json records ${expected.hash ?? 'no hash'}${expected.bytes !== null ? ` (${expected.bytes} bytes)` : ''}.`,
      });
    }
  };
  for (const path of declared.keys()) {
    if (!byName.has(path)) problems.push({ offset: null, member: path, message: `${path} is listed in datapackage.json but missing from the WACZ.` });
  }

  let listedPages: ListedPage[] | null = null;
  for (const member of members.filter((m) => /^pages\/.*\.jsonl$/.test(m.name))) {
    try {
      const bytes = await readMember(db, sha256, member);
      checkResource(member.name, { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
      listedPages = [...(listedPages ?? []), ...parsePages(bytes.toString('utf8'), problems, member.name)];
    } catch (error) {
      problems.push({ offset: member.dataOffset, member: member.name, message: `${member.name} could not be read (${(error as Error).message}).` });
    }
  }
  const unsupported = members.filter((m) => m.method !== 0 && m.method !== 8);
  for (const member of unsupported) problems.push({ offset: member.dataOffset, member: member.name, message: `${member.name} uses ZIP compression method ${member.method}, which cannot be read; it was skipped.` });
  const warcs = members.filter((m) => /^archive\/.*\.warc(\.gz)?$/i.test(m.name) && (m.method === 0 || m.method === 8));
  if (warcs.length === 0) problems.push({ offset: null, member: null, message: 'This WACZ holds no WARC files under archive/.' });
  info.datapackage_checked = checked;

  async function* records(): AsyncGenerator<ScannedRecord, void, undefined> {
    let seq = 0;
    for (const member of warcs) {
      const tap = hashingTap(memberStream(db, sha256, member, signal));
      const place = { member: member.name, memberOffset: member.dataOffset, memberMethod: member.method as 0 | 8, totalBytes: member.size, gzip: /\.gz$/i.test(member.name), firstSeq: seq, headerReading };
      for await (const record of scanWarc(tap.source, place, problems)) {
        seq = record.seq + 1;
        yield record;
      }
      let actual = await tap.finish();
      if (actual.bytes !== member.size) actual = await hashMember(db, sha256, member);
      checkResource(member.name, actual);
    }
  }
  return { records: records(), listedPages, info };
}

/** Offset of the next line starting "WARC/1." at or after `from`, or null: where reading resumes after damage. */
async function nextWarcHeader(db: Database.Database, sha256: string, from: number, size: number): Promise<number | null> {
  const marker = Buffer.from('\nWARC/1.');
  let carry = Buffer.alloc(0);
  let carryStart = from;
  for await (const chunk of streamStoredRange(db, sha256, from, size - from)) {
    const window = Buffer.concat([carry, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)]);
    const at = window.indexOf(marker);
    if (at >= 0) return carryStart + at + 1;
    carry = window.subarray(Math.max(0, window.length - marker.length));
    carryStart += window.length - carry.length;
  }
  return null;
}

/** Whether the bytes at a candidate offset start a gzip member that inflates to a WARC record's version line. */
function startsWarcMember(db: Database.Database, sha256: string, at: number): boolean {
  const head = readStoredRange(db, sha256, at, 64 * 1024);
  // Reserved flag bits must be clear in a real gzip header (a chance match inside deflate data rarely has them so).
  if (head.length < 18 || (head[3]! & 0xe0) !== 0) return false;
  try {
    const inflated = zlib.gunzipSync(head, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: 64 * 1024 });
    return inflated.subarray(0, 7).toString('latin1') === 'WARC/1.';
  } catch {
    return false;
  }
}

/** Offset of the next gzip member holding a WARC record at or after `from`, or null: where a .warc.gz resumes after damage. */
async function nextGzipMember(db: Database.Database, sha256: string, from: number, size: number): Promise<number | null> {
  const magic = Buffer.from([0x1f, 0x8b, 0x08]);
  let carry = Buffer.alloc(0);
  let carryStart = from;
  for await (const chunk of streamStoredRange(db, sha256, from, size - from)) {
    const window = Buffer.concat([carry, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)]);
    for (let at = window.indexOf(magic); at >= 0; at = window.indexOf(magic, at + 1)) {
      if (startsWarcMember(db, sha256, carryStart + at)) return carryStart + at;
    }
    carry = window.subarray(Math.max(0, window.length - magic.length + 1));
    carryStart += window.length - carry.length;
  }
  return null;
}

/**
 * A WARC (plain, or gzip members), record by record; after a damaged record (no valid length,
 * unreadable headers, a gzip member that does not inflate) reading resumes at the next WARC header
 * or, in a .warc.gz, at the next gzip member holding a WARC record (each record is its own member),
 * so one bad record does not hide the ones after it. Both the damage and the resume point are reported.
 */
async function* scanResumingWarc(
  db: Database.Database,
  sha256: string,
  size: number,
  gzip: boolean,
  problems: CaptureProblem[],
  signal: AbortSignal | undefined,
  headerReading: WarcHeaderReading,
): AsyncGenerator<ScannedRecord, void, undefined> {
  let start = 0;
  let seq = 0;
  for (;;) {
    const stop: ScanStop = { damagedAt: null };
    const place = { member: null, memberOffset: null, memberMethod: null, totalBytes: size, gzip, firstSeq: seq, baseOffset: start, headerReading };
    for await (const record of scanWarc(streamStoredRange(db, sha256, start, size - start, signal), place, problems, stop)) {
      seq = record.seq + 1;
      yield record;
    }
    if (stop.damagedAt === null) return;
    const next = gzip ? await nextGzipMember(db, sha256, stop.damagedAt + 1, size) : await nextWarcHeader(db, sha256, stop.damagedAt + 1, size);
    if (next === null) return;
    const what = gzip ? 'the next gzip member holding a WARC record' : 'the next WARC record';
    problems.push({ offset: next, member: null, message: `Reading resumed at offset ${next}, ${what} after the damage at offset ${stop.damagedAt}.`, kind: 'damage' });
    start = next;
  }
}

/**
 * Reads the records of a capture from its exhibit's stored bytes (never from the original file, so
 * offsets and digests describe exactly what the case holds). Shared by import and verification.
 */
export async function scanStoredCapture(
  db: Database.Database,
  contentSha256: string,
  format: CaptureFormat,
  problems: CaptureProblem[],
  signal?: AbortSignal,
  headerReading: WarcHeaderReading = 'utf8',
): Promise<StoredCaptureScan> {
  const size = storedSize(db, contentSha256);
  switch (format) {
    case 'warc':
      return { records: scanResumingWarc(db, contentSha256, size, false, problems, signal, headerReading), listedPages: null, info: {} };
    case 'warc.gz':
      return { records: scanResumingWarc(db, contentSha256, size, true, problems, signal, headerReading), listedPages: null, info: {} };
    case 'wacz':
      return scanWacz(db, contentSha256, problems, signal, headerReading);
    case 'har':
      return scanHar(db, contentSha256, problems);
    case 'mhtml':
      return scanMhtml(db, contentSha256, problems);
  }
}
