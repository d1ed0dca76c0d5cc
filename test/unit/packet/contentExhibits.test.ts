import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { degrees, PDFDocument, rgb } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import type { ExhibitInput, PacketInput } from '../../../src-main/packet/PacketInput';
import { exhibit, makePdf, packetInput } from './packetFixtures';
import { pageTexts, qpdfCheck, renderGray } from './pdfTools';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function exportOne(input: PacketInput): Promise<{ file: string; result: Awaited<ReturnType<typeof exportPacket>>; pages: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
  dirs.push(dir);
  const file = path.join(dir, 'packet.pdf');
  const result = await exportPacket(input, file);
  expect(qpdfCheck(file).status).toBe(0);
  return { file, result, pages: pageTexts(file) };
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('text exhibits', () => {
  it('caps long text at the page limit and says where it stops', async () => {
    const log = Array.from({ length: 2_000 }, (_, i) => `line ${i + 1} GET /solve`).join('\n');
    const { result, pages } = await exportOne(
      packetInput([exhibit({ label: 'Exhibit 1', title: 'Huge log', mediaType: 'text/plain', originalName: 'huge.log', bytes: text(log) }, 1)], {
        sections: ['exhibits'],
        textPageCap: 2,
      }),
    );
    const ex = result.exhibits[0];
    expect(ex?.pageCount).toBe(3); // slip sheet + 2 capped pages
    expect(ex?.note).toMatch(/first 2 pages are shown \(lines 1–\d+ of 2,000\)/);
    expect(result.warnings.map((w) => w.code)).toContain('EXHIBIT_TRUNCATED');
    expect(pages[2]).toContain('[Truncated.');
    expect(pages[2]!.replace(/\s+/g, ' ')).toContain('the complete file is kept unaltered in the case file, from which it can be produced on request');
    expect(pages[0]).toContain('truncated');
    expect(pages.join('\n')).not.toContain('line 2000 GET');
  });

  it('spells out hidden and bidirectional characters and decodes UTF-16', async () => {
    const spoof = 'invoice_\u202Efdp.exe\nexa\u200Bmple.com\n中文';
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Hallo Welt\nZeile 2', 'utf16le')]);
    const { pages } = await exportOne(
      packetInput(
        [
          exhibit({ label: 'Exhibit 1', title: 'Spoofed names', mediaType: 'text/plain', originalName: 'names.txt', bytes: text(spoof) }, 1),
          exhibit({ label: 'Exhibit 2', title: 'Windows notes', mediaType: 'text/plain', originalName: 'notes.txt', bytes: utf16 }, 2),
        ],
        { sections: ['exhibits'] },
      ),
    );
    expect(pages[1]).toContain('invoice_[U+202E]fdp.exe');
    expect(pages[1]).toContain('exa[U+200B]mple.com');
    // CJK is drawn with the bundled Noto CJK face (font fallback), never replaced by U+FFFD.
    expect(pages[1]).toContain('中文');
    expect(pages[1]).not.toContain('\uFFFD');
    // The two hidden characters are spelled out and counted on the slip sheet.
    expect(pages[0]?.replace(/\s+/g, ' ')).toContain('2 hidden characters are spelled out');
    expect(pages[3]).toContain('Hallo Welt');
    expect(pages[3]).toContain('Zeile 2');
    expect(pages[3]).toContain('UTF-16LE');
  });

  it('shows an empty file as such', async () => {
    const { result, pages } = await exportOne(
      packetInput([exhibit({ label: 'Exhibit 1', title: 'Empty', mediaType: 'text/csv', originalName: 'empty.csv', bytes: new Uint8Array(0) }, 1)], { sections: ['exhibits'] }),
    );
    expect(result.exhibits[0]?.pageCount).toBe(2);
    expect(pages[1]).toContain('(The file is empty.)');
  });

  it('shows hidden characters in domain names in the appendix', async () => {
    const input = packetInput([], { sections: ['appendix'] });
    input.domains = [{ domainUnicode: 'ex\u00ADample.com', domainAscii: 'example.com', registry: 'Verisign (.com)', registrarName: 'Example Registrar', registrarIanaId: 1, registrantAsListed: 'Redacted', status: 'identified', order: 1 }];
    const { pages } = await exportOne(input);
    expect(pages[0]).toContain('ex[U+00AD]ample.com');
    expect(pages[0]).toContain('IANA ID 1');
  });
});

describe('PDF exhibits', () => {
  it('honours page rotation: a page stored portrait with /Rotate 90 is shown landscape, turned clockwise', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    // A black block at the top left of the unrotated page; turned 90° clockwise it sits top right.
    page.drawRectangle({ x: 0, y: 592, width: 200, height: 200, color: rgb(0, 0, 0) });
    page.drawText('ROTATED-MARKER', { x: 72, y: 300, size: 18 });
    page.setRotation(degrees(90));
    const bytes = await doc.save();
    const { file, result, pages } = await exportOne(
      packetInput([exhibit({ label: 'Exhibit 1', title: 'Scanned sideways', mediaType: 'application/pdf', originalName: 'scan.pdf', bytes }, 1)], { sections: ['exhibits'] }),
    );
    expect(result.exhibits[0]?.pageCount).toBe(2);
    expect(pages[1]).toContain('ROTATED-MARKER');
    const { width, pixels } = renderGray(file, 2, 36);
    let sumX = 0;
    let sumY = 0;
    let n = 0;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let y = 20; y < 370; y++) {
      for (let x = 0; x < width; x++) {
        if ((pixels[y * width + x] ?? 255) < 40) {
          sumX += x;
          sumY += y;
          n++;
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    expect(n).toBeGreaterThan(100);
    expect(sumX / n).toBeGreaterThan(width * 0.6);
    // Landscape page scaled into the portrait area: the whole page is less tall than wide.
    expect(sumY / n).toBeLessThan(120);
  });

  it('puts landscape evidence on a landscape page, Bates number still bottom right', async () => {
    const wide = await makePdf(1, { landscape: true, title: 'Ledger' });
    const { file, pages } = await exportOne(
      packetInput([exhibit({ label: 'Exhibit 1', title: 'Ledger', mediaType: 'application/pdf', originalName: 'ledger.pdf', bytes: wide }, 1)], { sections: ['exhibits'] }),
    );
    const sizes = [...execFileSync('pdfinfo', ['-f', '1', '-l', '2', file], { encoding: 'utf8' }).matchAll(/Page +\d+ size: +([\d.]+ x [\d.]+)/g)].map((m) => m[1]);
    expect(sizes).toEqual(['612 x 792', '792 x 612']);
    expect(pages[1]?.trimEnd().endsWith('DOSS-000002')).toBe(true);
  });

  it('streams huge exhibits it does not draw in full, holding only their beginning', async () => {
    // 65 MiB each, generated chunk by chunk; readBytes must not be called for them.
    const chunkOf = (i: number, log: boolean): Uint8Array =>
      log ? new TextEncoder().encode(`${String(i).padStart(8, '0')} ${'x'.repeat(1024 * 1024 - 10)}\n`) : new Uint8Array(1024 * 1024).fill(i % 251);
    const streamed = (label: string, mediaType: string, log: boolean, i: number): ExhibitInput => {
      const chunks = async function* (): AsyncIterable<Uint8Array> {
        for (let c = 0; c < 65; c++) yield chunkOf(c, log);
      };
      const h = { sha256: createHash('sha256'), sha1: createHash('sha1'), md5: createHash('md5') };
      for (let c = 0; c < 65; c++) for (const x of Object.values(h)) x.update(chunkOf(c, log));
      return {
        ...exhibit({ label, title: label, mediaType, originalName: 'big', bytes: new Uint8Array(0) }, i),
        size: 65 * 1024 * 1024,
        sha256: h.sha256.digest('hex'),
        sha1: h.sha1.digest('hex'),
        md5: h.md5.digest('hex'),
        readBytes: async () => {
          throw new Error('a huge exhibit must be streamed, not read whole');
        },
        readChunks: chunks,
      };
    };
    const { result, pages } = await exportOne(
      packetInput([streamed('Exhibit 1', 'video/mp4', false, 1), streamed('Exhibit 2', 'text/plain', true, 2)], { sections: ['exhibits'], textPageCap: 1 }),
    );
    expect(result.exhibits.map((e) => e.rendering)).toEqual(['native', 'text']);
    // Only the beginning of the 1 MiB first line fits the capped page: the note says so, never "lines 1–1".
    expect(result.exhibits[1]?.note).toMatch(/\(the beginning of line 1 of 65, not the whole line\)/);
    // Wrapped between words: the line number stands alone, then the 1 MiB word fills the rows.
    expect(pages[2]).toMatch(/\b00000000\s/);
    // One 1 MiB line fills the capped page rather than being dropped as incomplete.
    expect(pages[2]?.split('\n').filter((l) => l.includes('xxxxxxxx')).length).toBeGreaterThan(50);
  });
});
