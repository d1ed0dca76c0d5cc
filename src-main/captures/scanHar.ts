import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type CaptureProblem, isHtml, type ScannedRecord } from './CaptureRecordData';
import type { StoredCaptureScan } from './scanStoredCapture';
import { readStoredRange, storedSize } from './storedBytes';
import { computedDigests } from './computedDigests';
import { storedFileTime } from '../contract/statedTime';

/** HAR is one JSON document: it is parsed in memory, so larger files are refused with a problem, not read. */
export const MAX_IN_MEMORY_CAPTURE = 256 * 1024 * 1024;

interface HarEntry {
  pageref?: string;
  startedDateTime?: string;
  serverIPAddress?: string;
  request?: { url?: string };
  response?: {
    status?: number;
    redirectURL?: string;
    headers?: { name?: string; value?: string }[];
    content?: { mimeType?: string; text?: string; encoding?: string };
  };
}

/** A HAR time as stored: UTC, or as written when it has no zone (contract/statedTime), never read in this computer's zone. */
function isoOrNull(value: unknown): string | null {
  return typeof value === 'string' ? storedFileTime(value) : null;
}

/** The body a HAR entry recorded: base64 or text, as the browser saw it after decoding. */
export function harEntryBody(entry: HarEntry): Buffer {
  const content = entry.response?.content;
  if (typeof content?.text !== 'string') return Buffer.alloc(0);
  return content.encoding === 'base64' ? Buffer.from(content.text, 'base64') : Buffer.from(content.text, 'utf8');
}

/** Reads and parses a stored HAR (bounded size); null with a problem when it cannot be. */
export function loadStoredHar(db: Database.Database, sha256: string, problems: CaptureProblem[]): { log?: { creator?: { name?: string; version?: string }; pages?: { id?: string; title?: string; startedDateTime?: string }[]; entries?: HarEntry[] } } | null {
  const size = storedSize(db, sha256);
  if (size > MAX_IN_MEMORY_CAPTURE) {
    problems.push({ offset: null, member: null, message: `This HAR is ${size} bytes, more than the ${MAX_IN_MEMORY_CAPTURE} Dossier reads as one JSON document; its entries were not imported.` });
    return null;
  }
  try {
    return JSON.parse(readStoredRange(db, sha256, 0, size).toString('utf8'));
  } catch (error) {
    problems.push({ offset: null, member: null, message: `This HAR is not valid JSON (${(error as Error).message}); it may be truncated. No entries were imported.` });
    return null;
  }
}

/** The entries of a HAR file (browser developer tools' capture) as capture records, its pages as the page list. */
export async function scanHar(db: Database.Database, sha256: string, problems: CaptureProblem[]): Promise<StoredCaptureScan> {
  const har = loadStoredHar(db, sha256, problems);
  const entries = har?.log?.entries ?? [];
  const listedPages = (har?.log?.pages ?? []).flatMap((page) => {
    const first = entries.find((e) => e.pageref === page.id && typeof e.request?.url === 'string');
    return first ? [{ url: first.request!.url!, ts: isoOrNull(page.startedDateTime), title: page.title ?? null }] : [];
  });
  const creator = har?.log?.creator;
  async function* records(): AsyncGenerator<ScannedRecord, void, undefined> {
    for (const [seq, entry] of entries.entries()) {
      const body = harEntryBody(entry);
      const headerType = entry.response?.headers?.find((h) => h.name?.toLowerCase() === 'content-type')?.value;
      const contentType = entry.response?.content?.mimeType || headerType || null;
      yield {
        seq,
        record_id: `har:entries[${seq}]`,
        record_type: 'response',
        target_uri: entry.request?.url ?? null,
        captured_at: isoOrNull(entry.startedDateTime),
        ip: entry.serverIPAddress ?? null,
        content_type: contentType,
        http_status: typeof entry.response?.status === 'number' ? entry.response.status : null,
        member: null,
        member_offset: null,
        member_method: null,
        offset: null,
        length: null,
        block_sha256: null,
        ...computedDigests(body),
        problem: null,
        html: isHtml(contentType) ? body : null,
        location: entry.response?.redirectURL || null,
        info: null,
      };
    }
  }
  return {
    records: records(),
    listedPages: listedPages.length ? listedPages : null,
    info: creator?.name ? { software: [creator.name, creator.version].filter(Boolean).join(' ') } : {},
  };
}
