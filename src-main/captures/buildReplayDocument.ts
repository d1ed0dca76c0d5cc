import { archiveUrl } from './archiveProtocol';
import type Database from 'better-sqlite3';
import type { CaptureReplay } from '../contract/captures';
import { decodeHtml } from './decodePayload';
import { resolveCaptureResource } from './resolveCaptureResource';

/** The replayed document and everything it embeds stay under this many bytes; the rest is listed as left out. */
const MAX_REPLAY_BYTES = 48 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** What the archived document may do: only show what it embeds (data: URLs built here), never load or run anything. */
export const REPLAY_CSP = "default-src 'none'; img-src data:; style-src data: 'unsafe-inline'; font-src data:; media-src data:; script-src 'none'; form-action 'none'; base-uri 'none'";

function absolute(ref: string, base: string): string | null {
  const trimmed = ref.trim();
  if (!trimmed || /^(data|javascript|about|blob|mailto|tel):/i.test(trimmed) || trimmed.startsWith('#')) return null;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

interface Budget {
  bytes: number;
  missing: Set<string>;
  embedded: number;
  cache: Map<string, string | null>;
}

async function dataUrl(db: Database.Database, captureId: string, url: string, at: string | undefined, budget: Budget, depth: number): Promise<string | null> {
  const cached = budget.cache.get(url);
  if (cached !== undefined) return cached;
  budget.cache.set(url, null); // a stylesheet importing itself ends here
  let resource = await resolveCaptureResource(db, captureId, url, at);
  for (let hops = 0; resource?.location && resource.http_status && resource.http_status >= 300 && resource.http_status < 400 && hops < MAX_REDIRECTS; hops += 1) {
    resource = await resolveCaptureResource(db, captureId, resource.location, at);
  }
  if (!resource) {
    budget.missing.add(url);
    return null;
  }
  let body = Buffer.from(resource.body_base64, 'base64');
  const type = resource.content_type.split(';', 1)[0]!.trim().toLowerCase();
  if (type === 'text/css' && depth < 4) {
    body = Buffer.from(await rewriteCss(db, captureId, body.toString('utf8'), resource.url, at, budget, depth + 1));
  }
  if (budget.bytes + body.length > MAX_REPLAY_BYTES) {
    budget.missing.add(`${url} (left out: the replay would exceed ${MAX_REPLAY_BYTES} bytes)`);
    return null;
  }
  budget.bytes += body.length;
  budget.embedded += 1;
  const embedded = `data:${type || 'application/octet-stream'};base64,${body.toString('base64')}`;
  budget.cache.set(url, embedded);
  return embedded;
}

async function replaceAsync(text: string, pattern: RegExp, replace: (match: RegExpExecArray) => Promise<string>): Promise<string> {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index), await replace(match as RegExpExecArray));
    last = match.index! + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

async function rewriteCss(db: Database.Database, captureId: string, css: string, base: string, at: string | undefined, budget: Budget, depth: number): Promise<string> {
  return replaceAsync(css, /url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/gi, async (m) => {
    const ref = m[2] ?? m[4]!;
    const target = absolute(ref, base);
    if (!target) return m[0];
    const data = await dataUrl(db, captureId, target, at, budget, depth);
    return m[4] ? `@import url("${data ?? 'data:,'}")` : `url("${data ?? 'data:,'}")`;
  });
}

/**
 * Builds a self-contained copy of an archived page for the replay view: every image, stylesheet and
 * font it embeds is read from the stored archive and inlined as a data: URL; anything the archive
 * lacks is listed as missing and left empty, never fetched. Scripts, event handlers, frames, forms'
 * targets, <base> and meta refreshes are removed, and a CSP that forbids any load other than the
 * inlined data is put first in the document. Runs in main (tested in Node); the UI only shows the
 * result in a sandboxed frame.
 */
export async function buildReplayDocument(db: Database.Database, captureId: string, url: string, at?: string): Promise<CaptureReplay> {
  const budget: Budget = { bytes: 0, missing: new Set(), embedded: 0, cache: new Map() };
  let page = await resolveCaptureResource(db, captureId, url, at);
  for (let hops = 0; page?.location && page.http_status && page.http_status >= 300 && page.http_status < 400 && hops < MAX_REDIRECTS; hops += 1) {
    page = await resolveCaptureResource(db, captureId, page.location, at);
  }
  if (!page) return { url, html: null, missing: [url], embedded: 0, captured_at: null, http_status: null, record_id: null, archive_urls: null };
  const base = page.url;
  let html = decodeHtml(Buffer.from(page.body_base64, 'base64'), page.content_type);
  html = html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<(iframe|frame|object|embed)\b[\s\S]*?(<\/\1\s*>|\/?>)/gi, '')
    .replace(/<base\b[^>]*>/gi, '')
    .replace(/<meta\b[^>]*http-equiv\s*=\s*["']?(refresh|content-security-policy)[^>]*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
  // Inline <style> becomes a data: stylesheet: the replay frame inherits the app's CSP, which allows
  // data: stylesheets but no inline style.
  html = await replaceAsync(html, /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, async (m) => {
    const css = await rewriteCss(db, captureId, m[1]!, base, at, budget, 1);
    return `<link rel="stylesheet" href="data:text/css;base64,${Buffer.from(css).toString('base64')}">`;
  });
  html = await replaceAsync(html, /\b(src|href|poster|srcset|style)\s*=\s*("([^"]*)"|'([^']*)')/gi, async (m) => {
    const name = m[1]!.toLowerCase();
    const value = m[3] ?? m[4] ?? '';
    if (name === 'style') return `style="${(await rewriteCss(db, captureId, value, base, at, budget, 1)).replace(/"/g, '&quot;')}"`;
    if (name === 'srcset') {
      const first = value.split(',')[0]?.trim().split(/\s+/)[0] ?? '';
      const target = absolute(first, base);
      const data = target ? await dataUrl(db, captureId, target, at, budget, 1) : null;
      return `srcset="${data ?? ''}"`;
    }
    const target = absolute(value.replace(/&amp;/g, '&'), base);
    if (!target) return m[0];
    if (name === 'href' && !/\.css(\?|$)/i.test(target) && !(await isStylesheetLink(db, captureId, target, at))) {
      // A link to another page: shown, not followed (the view stays on this capture).
      return `href="#" data-archived-href="${target.replace(/"/g, '&quot;')}"`;
    }
    const data = await dataUrl(db, captureId, target, at, budget, 1);
    return `${name}="${data ?? ''}"`;
  });
  const meta = `<meta http-equiv="Content-Security-Policy" content="${REPLAY_CSP}">`;
  html = /<head\b[^>]*>/i.test(html) ? html.replace(/<head\b[^>]*>/i, (h) => `${h}${meta}`) : `${meta}${html}`;
  const off = archiveUrl(captureId, base, at ?? page.captured_at);
  const on = archiveUrl(captureId, base, at ?? page.captured_at, { scripts: true });
  const archive_urls = off && on ? { scripts_off: off, scripts_on: on } : null;
  return { url: base, html, missing: [...budget.missing], embedded: budget.embedded, captured_at: page.captured_at, http_status: page.http_status, record_id: page.record_id, archive_urls };
}

/** Whether the archive holds `url` as a stylesheet (a cheap look at the records, no bytes read). */
async function isStylesheetLink(db: Database.Database, captureId: string, url: string, _at: string | undefined): Promise<boolean> {
  const type = db.prepare(`SELECT content_type FROM capture_record WHERE capture_id = ? AND target_uri = ? AND record_type IN ('response','resource') LIMIT 1`).pluck().get(captureId, url) as string | null | undefined;
  return typeof type === 'string' && /text\/css/i.test(type);
}
