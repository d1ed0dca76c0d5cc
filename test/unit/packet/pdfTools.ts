import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Readers the packet is checked with (poppler, qpdf), as a court clerk's tools would read it. */

/** Text of each page (`pdftotext -layout`), in page order. */
export function pageTexts(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** `qpdf --check`: exit 0 and no warnings means the file's syntax and streams are sound. */
export function qpdfCheck(file: string): { status: number | null; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

export interface OutlineNode {
  title: string;
  destpageposfrom1: number | null;
  kids: OutlineNode[];
}

/** The bookmarks, as `qpdf --json` reports them (with the 1-based page each opens). */
export function outlines(file: string): OutlineNode[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: OutlineNode[] };
  return json.outlines;
}

/** The whole file with every stream and object stream uncompressed (qpdf QDF mode), as latin1 text to grep. */
export function uncompressed(file: string): string {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-qdf-')), 'qdf.pdf');
  spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, out]);
  const text = fs.readFileSync(out, 'latin1');
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return text;
}

/** Renders one page in grey (PGM) and returns its pixels, 0 = black. */
export function renderGray(file: string, page: number, dpi: number): { width: number; height: number; pixels: Uint8Array } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file], {
    maxBuffer: 64 * 1024 * 1024,
  });
  // P5\n<w> <h>\n<max>\n<bytes>
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not return a PGM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: new Uint8Array(pgm.subarray(header[0].length)) };
}

/** Encrypts a PDF with qpdf (AES-256, user password "secret"). */
export function encryptPdf(input: string, output: string): void {
  execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', input, output]);
}
