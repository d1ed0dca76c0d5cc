import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { encodePng } from '../../src-main/demo/encodePng';
import { writeZip } from './zipWriter';

/** "Tiệm bán tài khoản" (account shop) and more Vietnamese, in Windows-1258 (base letters + combining tone marks). */
export const VIETNAMESE_TEXT = 'Cửa hàng tài khoản Hotmail giá rẻ';

/** A 16x8 PNG: red left half, blue right half. */
export function samplePng(): Buffer {
  const rgb = new Uint8Array(16 * 8 * 3);
  for (let y = 0; y < 8; y += 1) {
    for (let x = 0; x < 16; x += 1) rgb.set(x < 8 ? [220, 30, 30] : [30, 30, 220], (y * 16 + x) * 3);
  }
  return encodePng(16, 8, rgb);
}

/** Windows-1258 bytes of VIETNAMESE_TEXT, written by hand (Node has no 1258 encoder): decomposed tones. */
export function windows1258(text: string): Buffer {
  const tones: Record<string, number> = { '\u0300': 0xcc, '\u0301': 0xec, '\u0303': 0xde, '\u0309': 0xd2, '\u0323': 0xf2 };
  const letters: Record<string, number> = { 'ư': 0xfd, 'ơ': 0xf5, 'Ư': 0xdd, 'Ơ': 0xd5, 'ă': 0xe3, 'Ă': 0xc3, 'đ': 0xf0, 'Đ': 0xd0, 'â': 0xe2, 'ê': 0xea, 'ô': 0xf4 };
  const out: number[] = [];
  for (const char of text.normalize('NFD')) {
    const code = char.codePointAt(0)!;
    if (tones[char] !== undefined) out.push(tones[char]!);
    else if (code < 0x80) out.push(code);
    else if (letters[char.normalize('NFC')] !== undefined) out.push(letters[char.normalize('NFC')]!);
    else if (char === '\u0302' || char === '\u031b' || char === '\u0306') {
      // Combined with the previous base letter into one of Windows-1258's precomposed letters.
      const base = String.fromCharCode(out.pop()!);
      const composed = (base + char).normalize('NFC');
      out.push(letters[composed] ?? 0x3f);
    } else out.push(0x3f);
  }
  return Buffer.from(out);
}

/** The site an investigator captures: HTML with CSS and an image, a redirect, a 404, a Vietnamese page. */
export async function startCapturedSite(): Promise<{ base: string; close: () => Promise<void> }> {
  const png = samplePng();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html><head><title>Hotmailbox accounts for sale</title><link rel="stylesheet" href="/style.css"></head>' +
          '<body><h1>Outlook accounts, verified</h1><p>Bulk Hotmail accounts solved with CAPTCHA service xyzzy.</p>' +
          '<img src="/logo.png" alt="logo"><a href="/old">old shop</a> <a href="/missing">gone</a></body></html>',
      );
    } else if (url === '/style.css') {
      res.writeHead(200, { 'Content-Type': 'text/css' });
      res.end('body { font-family: sans-serif; background: #ffe; } h1 { color: #a00; }');
    } else if (url === '/logo.png') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(png);
    } else if (url === '/old') {
      res.writeHead(302, { Location: '/', 'Content-Type': 'text/html' });
      res.end('<html><body>moved</body></html>');
    } else if (url === '/vn') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=windows-1258' });
      res.end(Buffer.concat([Buffer.from('<html><head><title>'), windows1258(VIETNAMESE_TEXT), Buffer.from('</title></head><body><p>'), windows1258(VIETNAMESE_TEXT), Buffer.from('</p></body></html>')]));
    } else {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><head><title>Not found</title></head><body>404</body></html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface Fetched {
  url: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer;
  ip: string;
  date: string;
}

function fetchRaw(url: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        const headers: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        resolve({
          url,
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          // Node has already undone chunking: record the body as received, without the transfer coding.
          headers: headers.filter(([name]) => name.toLowerCase() !== 'transfer-encoding'),
          body: Buffer.concat(parts),
          ip: req.socket?.remoteAddress ?? '127.0.0.1',
          date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        });
      });
    });
    req.on('error', reject);
  });
}

const SHA1_BASE32 = { algo: 'sha-1' as AlgorithmIdentifier, prefix: 'sha1:', base32: true };

async function* bytesOf(buffer: Buffer): AsyncGenerator<Uint8Array> {
  yield buffer;
}

/** Serialised WARC records (one Buffer per record) of a capture of `paths` on `base`, as a crawler writes them. */
export async function captureRecords(base: string, paths: string[], options: { gzip?: boolean; screenshot?: Buffer } = {}): Promise<Buffer[]> {
  const gzip = options.gzip ?? false;
  const out: Buffer[] = [];
  const info = WARCRecord.createWARCInfo(
    { filename: 'capture.warc', warcVersion: 'WARC/1.1' },
    { software: 'Dossier test crawler 1.2', format: 'WARC File Format 1.1', operator: 'A. Investigator' },
  );
  out.push(Buffer.from(await WARCSerializer.serialize(info, { gzip, digest: SHA1_BASE32 })));
  for (const p of paths) {
    const fetched = await fetchRaw(base + p);
    const request = WARCRecord.create(
      { url: fetched.url, date: fetched.date, type: 'request', warcVersion: 'WARC/1.1', statusline: `GET ${p} HTTP/1.1`, httpHeaders: { Host: new URL(base).host } },
      bytesOf(Buffer.alloc(0)),
    );
    out.push(Buffer.from(await WARCSerializer.serialize(request, { gzip, digest: SHA1_BASE32 })));
    const response = WARCRecord.create(
      {
        url: fetched.url,
        date: fetched.date,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/1.1 ${fetched.status} ${fetched.statusText}`,
        httpHeaders: Object.fromEntries(fetched.headers),
        warcHeaders: { 'WARC-IP-Address': fetched.ip },
      },
      bytesOf(fetched.body),
    );
    out.push(Buffer.from(await WARCSerializer.serialize(response, { gzip, digest: SHA1_BASE32 })));
  }
  if (options.screenshot) {
    const shot = WARCRecord.create(
      { url: `urn:view:${base}/`, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), type: 'resource', warcVersion: 'WARC/1.1', warcHeaders: { 'Content-Type': 'image/png' } },
      bytesOf(options.screenshot),
    );
    out.push(Buffer.from(await WARCSerializer.serialize(shot, { gzip, digest: SHA1_BASE32 })));
  }
  return out;
}

/** The standard fixture pages: a page with CSS and an image, a redirect, a 404. */
export const SITE_PATHS = ['/', '/style.css', '/logo.png', '/old', '/missing'];

/** Writes a WACZ (zip: archive/data.warc.gz, pages/pages.jsonl, datapackage.json with SHA-256 hashes). */
export function writeWacz(file: string, warcGz: Buffer, pages: { url: string; ts: string; title?: string }[], options: { tamperAfterHash?: boolean } = {}): void {
  const pagesJsonl = Buffer.from(
    [JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' }), ...pages.map((p, i) => JSON.stringify({ id: `p${i}`, ...p }))].join('\n') + '\n',
  );
  const resources = [
    { name: 'data.warc.gz', path: 'archive/data.warc.gz', data: warcGz },
    { name: 'pages.jsonl', path: 'pages/pages.jsonl', data: pagesJsonl },
  ];
  const datapackage = Buffer.from(
    JSON.stringify(
      {
        profile: 'data-package',
        wacz_version: '1.1.1',
        software: 'Dossier test crawler 1.2',
        created: new Date().toISOString(),
        resources: resources.map((r) => ({ name: r.name, path: r.path, hash: `sha256:${createHash('sha256').update(r.data).digest('hex')}`, bytes: r.data.length })),
      },
      null,
      2,
    ),
  );
  const archived = options.tamperAfterHash ? Buffer.concat([pagesJsonl, Buffer.from('{"id":"x","url":"http://evil.example/"}\n')]) : pagesJsonl;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    writeZip([
      { name: 'archive/data.warc.gz', data: warcGz },
      { name: 'pages/pages.jsonl', data: archived, deflate: true },
      { name: 'datapackage.json', data: datapackage, deflate: true },
    ]),
  );
}
