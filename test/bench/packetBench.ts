import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import PDFDocument from 'pdfkit';
import { exportPacket } from '../../src-main/packet/exportPacket';
import { exhibit, makePdf, packetInput } from '../unit/packet/packetFixtures';

export interface BenchResult {
  name: string;
  value: number;
  baseline: number;
  /** value / baseline */
  ratio: number;
  unit: string;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * Live memory (heap plus array buffers, where evidence bytes and PDF buffers sit) after a full
 * garbage collection, relative to before the run. Sampled at checkpoints, so garbage waiting to
 * be collected does not count: this is what the export holds on to.
 */
function liveMemory(): { sample: () => void; peakMB: () => number } {
  gc();
  const base = memory();
  let peak = base;
  return {
    sample: () => {
      gc();
      peak = Math.max(peak, memory());
    },
    peakMB: () => (peak - base) / 1024 / 1024,
  };
}

function memory(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await run();
  return { result, ms: performance.now() - start };
}

/** Bare pdfkit writing `pages` pages of plain text to a file: the floor for any PDF we generate. */
async function pdfkitPages(file: string, pages: number, sample?: () => void): Promise<void> {
  const doc = new PDFDocument({ size: 'LETTER', autoFirstPage: false });
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  const line = 'The quick brown fox jumps over the lazy dog while the registrar transfers the domain. ';
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    doc.fontSize(9);
    for (let l = 0; l < 60; l++) doc.text(`${p + 1}.${l + 1} ${line}`, 72, 72 + l * 11, { lineBreak: false });
    if (sample && p % 50 === 0) sample();
  }
  doc.end();
  await new Promise<void>((resolve, reject) => {
    out.on('finish', () => resolve());
    out.on('error', reject);
  });
}

/**
 * A 1,000-page filing packet (200 generated exhibits: 150 four-page PDFs, 50 four-page text logs,
 * each behind a slip sheet, plus every generated section), against bare pdfkit writing the same
 * number of plain text pages in the same run. Reports throughput and peak memory.
 */
export async function packetBench(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-'));
  try {
    const exhibits = [];
    for (let i = 1; i <= 200; i++) {
      if (i % 4 === 0) {
        const log = Array.from({ length: 290 }, (_, l) => `2025-02-01T10:${String(l % 60).padStart(2, '0')}:00Z 203.0.113.${i % 250} GET /captcha/solve?session=${i}-${l} 200 ${l * 31}`).join('\n');
        exhibits.push(exhibit({ label: `Exhibit ${i}`, title: `Access log of solver node ${i}`, mediaType: 'text/plain', originalName: `node${i}.log`, bytes: new TextEncoder().encode(log) }, i));
      } else {
        const bytes = await makePdf(4, { title: `Marketplace listing ${i}` });
        exhibits.push(exhibit({ label: `Exhibit ${i}`, title: `Marketplace listing ${i} offering verified accounts`, mediaType: 'application/pdf', originalName: `listing${i}.pdf`, bytes }, i));
      }
    }
    const input = packetInput(exhibits, { profile: 'generic-50mb' });

    // Warm both code paths up (JIT) on a small run, then measure throughput undisturbed, then
    // run both again with memory sampled.
    await exportPacket({ ...input, exhibits: input.exhibits.slice(0, 8) }, path.join(dir, 'warm.pdf'));
    await pdfkitPages(path.join(dir, 'warm-bare.pdf'), 40);
    const packet = await timed(() => exportPacket(input, path.join(dir, 'packet.pdf')));
    const pages = packet.result.totalPages;
    const bare = await timed(() => pdfkitPages(path.join(dir, 'bare.pdf'), pages));
    const packetMem = liveMemory();
    await exportPacket(input, path.join(dir, 'packet2.pdf'), { onProgress: packetMem.sample });
    const bareMem = liveMemory();
    await pdfkitPages(path.join(dir, 'bare2.pdf'), pages, bareMem.sample);

    const packetRate = pages / (packet.ms / 1000);
    const bareRate = pages / (bare.ms / 1000);
    const round = (n: number): number => Math.round(n * 100) / 100;
    return [
      { name: `packet export (${pages} pages, 200 exhibits)`, value: round(packetRate), baseline: round(bareRate), ratio: round(packetRate / bareRate), unit: 'pages/s' },
      {
        name: `packet export live memory (${pages} pages)`,
        value: round(packetMem.peakMB()),
        baseline: round(bareMem.peakMB()),
        ratio: round(packetMem.peakMB() / Math.max(bareMem.peakMB(), 0.5)),
        unit: 'MB',
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
