import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/** Writes a file into `dir` and returns its path. */
export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** A file of `size` pseudo-random bytes (deterministic per seed), written in 1 MiB steps. */
export function writeBulkFile(dir: string, name: string, size: number, seed = 1): string {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(1024 * 1024);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < block.length; i += 4) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    block.writeUInt32LE(state >>> 0, i);
  }
  for (let written = 0, n = 0; written < size; n += 1) {
    block.writeUInt32LE(n, 0);
    block.writeUInt32LE(seed, 4);
    const length = Math.min(block.length, size - written);
    fs.writeSync(fd, block, 0, length);
    written += length;
  }
  fs.closeSync(fd);
  return file;
}

/** sha256sum / sha1sum / md5sum of a file, from the coreutils tools themselves. */
export function coreutilsHashes(file: string): { sha256: string; sha1: string; md5: string } {
  const run = (tool: string) => execFileSync(tool, [file], { encoding: 'utf8' }).split(' ')[0]!;
  return { sha256: run('sha256sum'), sha1: run('sha1sum'), md5: run('md5sum') };
}

/** A small PDF with the given lines of text, one page each. */
export async function makePdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ info: { CreationDate: new Date('2024-01-01T00:00:00Z') } });
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  lines.forEach((line, i) => {
    if (i > 0) doc.addPage();
    doc.text(line);
  });
  doc.end();
  await ended;
  return Buffer.concat(parts);
}

/** A 2x2 PNG (red, green / blue, white), built by hand so the test depends on no image tool. */
export function tinyPng(): Buffer {
  return Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000001449444154789c63f8cfc0c000c20cffffffff0f001fee05fb' +
      'b0b897c90000000049454e44ae426082',
    'hex',
  );
}
