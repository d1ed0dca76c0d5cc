import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { dossierJson } from '../../helpers/dossierInProcess';

/** An empty case as counsel files it (title, code name STORM, docket), for the adversarial reproductions here. */
export async function newFilingCase(dir: string): Promise<string> {
  const file = path.join(dir, 'c.dossier');
  await dossierJson(['new', file, '--title', 'Microsoft v. Does', '--code-name', 'STORM', '--docket', '1:24-cv-01234']);
  return file;
}

/** A packet's text (pdftotext -layout), whitespace folded to single spaces so phrases match across line breaks. */
export function packetText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).replace(/\s+/g, ' ');
}

/** One HAR 1.2 entry of page "p": a GET answered 200 with `text` as its body. */
export function harEntry(url: string, mimeType: string, text: string, at = '2024-03-01T12:00:00.000Z'): unknown {
  const size = Buffer.byteLength(text);
  return {
    pageref: 'p',
    startedDateTime: at,
    time: 1,
    request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [{ name: 'Content-Type', value: mimeType }], cookies: [], content: { size, mimeType, text }, redirectURL: '', headersSize: -1, bodySize: size },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  };
}

/** A HAR file's JSON: one page "p" titled Shop, with these entries. */
export function harJson(entries: unknown[], at = '2024-03-01T12:00:00.000Z'): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'Firefox', version: '120' }, pages: [{ id: 'p', startedDateTime: at, title: 'Shop', pageTimings: {} }], entries } });
}
