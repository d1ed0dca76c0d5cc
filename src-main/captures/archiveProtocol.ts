import type { CaptureResource } from '../contract/captures';
import { timeForOrdering } from '../contract/statedTime';

/**
 * The `dossier-archive:` scheme: replay of a captured page served by the app from the stored archive
 * only. An archive URL keeps the captured page's origin in its host, so the page's own relative and
 * root-relative links ("style.css", "/logo.png") resolve to archive URLs of the same capture:
 *   dossier-archive://<capture id, 32 hex>.<capture time, 14 digits, then "s" when page scripts may run>.<origin in hex, 60-char labels>/path?query
 * (the scripts mark is in the host, so everything the page loads carries it too).
 * Anything else (another origin, the network) is not an archive URL and is never fetched.
 */
export const ARCHIVE_SCHEME = 'dossier-archive';

/** What an archive URL names: a capture, a time to pick the nearest record, and the original URL. */
export interface ArchiveTarget {
  captureId: string;
  at: string | null;
  url: string;
  /** Page scripts may run (inside the archive only). */
  scripts: boolean;
}

const MAX_HOST = 253;

function compactTime(at: string | null | undefined): string {
  const time = at ? timeForOrdering(at) : Number.NaN;
  return Number.isNaN(time) ? '00000000000000' : new Date(time).toISOString().replace(/\D/g, '').slice(0, 14);
}

function isoTime(compact: string): string | null {
  if (compact === '00000000000000') return null;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(compact);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : null;
}

/** The archive URL that replays `url` of a capture; null when the URL cannot be carried (not http(s), origin too long). */
export function archiveUrl(captureId: string, url: string, at?: string | null, options: { scripts?: boolean } = {}): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const id = captureId.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(id)) return null;
  const origin = Buffer.from(parsed.origin, 'utf8').toString('hex');
  const labels = origin.match(/.{1,60}/g) ?? [];
  const host = [id, `${compactTime(at)}${options.scripts ? 's' : ''}`, ...labels].join('.');
  if (host.length > MAX_HOST) return null;
  return `${ARCHIVE_SCHEME}://${host}${parsed.pathname}${parsed.search}`;
}

/** What an archive URL asks for, or null when it is not one (then the answer is 404). */
export function parseArchiveUrl(requestUrl: string): ArchiveTarget | null {
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${ARCHIVE_SCHEME}:`) return null;
  const [id, time, ...labels] = parsed.hostname.split('.');
  if (!id || !/^[0-9a-f]{32}$/.test(id) || !time || !/^\d{14}s?$/.test(time) || labels.length === 0 || !labels.every((l) => /^[0-9a-f]+$/.test(l))) return null;
  const hex = labels.join('');
  if (hex.length % 2 !== 0) return null;
  const origin = Buffer.from(hex, 'hex').toString('utf8');
  let url: URL;
  try {
    url = new URL(`${parsed.pathname}${parsed.search}`, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  const captureId = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
  return { captureId, at: isoTime(time.slice(0, 14)), url: url.href, scripts: time.endsWith('s') };
}

/**
 * The Content-Security-Policy of every archive response: loads from the archive and data: only;
 * no frames, workers, forms, plugins or base changes. With page scripts on, scripts may run from
 * the archive (and inline), and may fetch only from the archive.
 */
export function archiveCsp(options: { scripts: boolean }): string {
  const own = `${ARCHIVE_SCHEME}:`;
  return [
    "default-src 'none'",
    `img-src ${own} data:`,
    `style-src ${own} data: 'unsafe-inline'`,
    `font-src ${own} data:`,
    `media-src ${own} data:`,
    options.scripts ? `script-src ${own} 'unsafe-inline'` : "script-src 'none'",
    options.scripts ? `connect-src ${own}` : "connect-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** One response of the archive protocol. */
export interface ArchiveResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The answer to an archive request from what the resolver found: the archived body with its type
 * and status (a redirect points to the archive URL of its target), or 404 when the archive lacks it.
 * Never a cookie, a cache entry or a service-worker scope: only the headers set here are sent.
 */
export function archiveResponse(target: ArchiveTarget | null, resource: CaptureResource | null): ArchiveResponse {
  const headers: Record<string, string> = {
    'Content-Security-Policy': archiveCsp({ scripts: target?.scripts ?? false }),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (!target || !resource) {
    return { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from(`Not in the archive: ${target?.url ?? 'not an archive address'}\n`) };
  }
  const status = resource.http_status !== null && resource.http_status >= 200 && resource.http_status <= 599 ? resource.http_status : 200;
  if (status >= 300 && status < 400) {
    const location = resource.location ? archiveUrl(target.captureId, resource.location, target.at, { scripts: target.scripts }) : null;
    if (location) return { status, headers: { ...headers, Location: location }, body: Buffer.alloc(0) };
  }
  return { status, headers: { ...headers, 'Content-Type': resource.content_type }, body: Buffer.from(resource.body_base64, 'base64') };
}

/**
 * Answers one archive request: parses the URL, asks `resolve` (the resolver over the stored archive,
 * in the app reached through the case's worker) and builds the response. A capture that is not in
 * the open case is a 404 like any resource the archive lacks.
 */
export async function serveArchiveRequest(
  requestUrl: string,
  resolve: (target: ArchiveTarget) => Promise<CaptureResource | null>,
): Promise<ArchiveResponse> {
  const target = parseArchiveUrl(requestUrl);
  let resource: CaptureResource | null = null;
  if (target) {
    try {
      resource = await resolve(target);
    } catch (error) {
      if ((error as { code?: string }).code !== 'NOT_FOUND') throw error;
    }
  }
  return archiveResponse(target, resource);
}
