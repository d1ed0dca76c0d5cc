import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../helpers/dossierInProcess';
import { type AttachmentRow as Attachment, batesOf, filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';

describe('ECF layout (issue 11)', () => {
  it('writes the declaration as the main PDF, one PDF per exhibit and the attachment list; Bates run on across files; a re-export gives the same files', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const outDir = path.join(dir, 'filing');
    fs.mkdirSync(outDir);
    const main = path.join(outDir, 'declaration.pdf');
    const result = await dossierJson<{ productionId: string; volumes: { path: string; bytes: number }[] }>(['packet', file, '--out', main, ...SIGNED]);
    const written = fs.readdirSync(outDir).sort();
    expect(written).toEqual(['Exhibit 1 - storefront.txt.pdf', 'Exhibit 2 - access.log.pdf', 'attachments.csv', 'attachments.json', 'declaration.pdf']);
    const mainText = execFileSync('pdftotext', ['-layout', main, '-'], { encoding: 'utf8' });
    expect(mainText).toContain('DECLARATION OF JANE ROE');
    // The contents point to each exhibit's attachment, not to volumes.
    expect(mainText).toMatch(/Exhibit 2 — access\.log[ .]*STORM-\d{6}\s+Att\. 2/);
    expect(mainText).not.toMatch(/Vol\. 2/);
    // The exhibits' own pages (slip sheet first) are in their attachments, not in the main document.
    expect(mainText).not.toContain('Exhibit 1 · slip sheet');

    const attachments = JSON.parse(fs.readFileSync(path.join(outDir, 'attachments.json'), 'utf8')) as Attachment[];
    expect(attachments.map((a) => [a.number, a.file])).toEqual([[1, 'Exhibit 1 - storefront.txt.pdf'], [2, 'Exhibit 2 - access.log.pdf']]);
    expect(attachments[0]!.description).toBe(`Exhibit 1 - storefront.txt (${attachments[0]!.batesFirst} – ${attachments[0]!.batesLast})`);
    const csv = fs.readFileSync(path.join(outDir, 'attachments.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('number,file,category,description,bates_first,bates_last,pages');
    expect(csv).toHaveLength(3);

    // One run of numbers: main document, then each attachment in order, no gap, no repeat.
    const numbers = [main, ...attachments.map((a) => path.join(outDir, a.file))].flatMap((f) => batesOf(f));
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => numbers[0]! + i));
    for (const a of attachments) {
      const own = batesOf(path.join(outDir, a.file));
      expect(`STORM-${String(own[0]).padStart(6, '0')}`).toBe(a.batesFirst);
      expect(`STORM-${String(own.at(-1)).padStart(6, '0')}`).toBe(a.batesLast);
    }
    for (const v of result.volumes) expect(v.bytes).toBeLessThan(15 * 1024 * 1024);
    // The top half inch of every page stays blank for the header CM/ECF stamps on filed documents.
    for (const name of [main, ...attachments.map((a) => path.join(outDir, a.file))]) {
      const words = [...execFileSync('pdftotext', ['-bbox', name, '-'], { encoding: 'utf8' }).matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)];
      expect(words.length).toBeGreaterThan(0);
      expect(words.filter((w) => Number(w[1]) < 36).map((w) => w[2]), name).toEqual([]);
    }

    const againDir = path.join(dir, 'again');
    fs.mkdirSync(againDir);
    await dossierJson(['packet', file, '--production', result.productionId, '--out', path.join(againDir, 'declaration.pdf')]);
    expect(fs.readdirSync(againDir).sort()).toEqual(written);
    for (const name of written) expect(fs.readFileSync(path.join(againDir, name)).equals(fs.readFileSync(path.join(outDir, name))), name).toBe(true);
  });

  it('keeps one PDF with --layout combined', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const outDir = path.join(dir, 'filing');
    fs.mkdirSync(outDir);
    await dossierJson(['packet', file, '--out', path.join(outDir, 'packet.pdf'), '--layout', 'combined', ...SIGNED]);
    expect(fs.readdirSync(outDir)).toEqual(['packet.pdf']);
  });
});
