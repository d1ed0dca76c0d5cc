import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import { PacketError } from '../../../src-main/packet/PacketError';
import type { PacketProgress } from '../../../src-main/packet/PacketResult';
import type { ExhibitInput } from '../../../src-main/packet/PacketInput';
import { exhibit, makePdf, makePng, packetInput } from './packetFixtures';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function someExhibits(n: number) {
  const pdf = await makePdf(2);
  return Array.from({ length: n }, (_, i) => exhibit({ label: `Exhibit ${i + 1}`, title: `Document ${i + 1}`, mediaType: 'application/pdf', originalName: `d${i + 1}.pdf`, bytes: pdf }, i + 1));
}

describe('exportPacket: determinism, cancel and failure', () => {
  it('gives byte-identical output for the same input and fixed date', async () => {
    const dir = tempDir();
    const input = packetInput(await someExhibits(3));
    const a = await exportPacket(input, path.join(dir, 'a.pdf'));
    const b = await exportPacket(input, path.join(dir, 'b.pdf'));
    expect(fs.readFileSync(path.join(dir, 'a.pdf')).equals(fs.readFileSync(path.join(dir, 'b.pdf')))).toBe(true);
    expect(a.volumes[0]?.sha256).toBe(b.volumes[0]?.sha256);
    // The date is what changes between exports on different days; it must show in the bytes.
    const c = await exportPacket({ ...input, options: { ...input.options, fixedDate: '2025-04-01T09:00:00.000Z' } }, path.join(dir, 'c.pdf'));
    expect(c.volumes[0]?.sha256).not.toBe(a.volumes[0]?.sha256);
  });

  it('reports progress that only grows and ends at the real page count', async () => {
    const dir = tempDir();
    const seen: PacketProgress[] = [];
    const result = await exportPacket(packetInput(await someExhibits(4)), path.join(dir, 'p.pdf'), { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(4);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.pagesDone).toBeGreaterThanOrEqual(seen[i - 1]?.pagesDone ?? 0);
    for (const p of seen) expect(p.pagesTotalEstimate).toBeGreaterThanOrEqual(p.pagesDone);
    expect(seen.at(-1)).toMatchObject({ phase: 'finishing', pagesDone: result.totalPages, pagesTotalEstimate: result.totalPages, exhibitsDone: 4 });
    expect(new Set(seen.map((p) => p.phase))).toEqual(new Set(['exhibits', 'front-matter', 'finishing']));
  });

  it('leaves no file behind when cancelled half-way', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const run = exportPacket(packetInput(await someExhibits(6)), path.join(dir, 'packet.pdf'), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.exhibitsDone === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses evidence whose bytes no longer match the recorded hash, writing nothing', async () => {
    const dir = tempDir();
    const exhibits = await someExhibits(3);
    const tampered = exhibits[1];
    if (!tampered) throw new Error('fixture');
    const original = tampered.readBytes;
    tampered.readBytes = async () => {
      const bytes = await original();
      bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0x01;
      return bytes;
    };
    const error = await exportPacket(packetInput(exhibits), path.join(dir, 'packet.pdf')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PacketError);
    expect(error).toMatchObject({ code: 'EVIDENCE_HASH_MISMATCH', details: { exhibitId: 'ex-2' } });
    expect((error as Error).message).toContain('Exhibit 2');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reports evidence that cannot be read, writing nothing', async () => {
    const dir = tempDir();
    const exhibits = await someExhibits(2);
    (exhibits[0] as { readBytes: () => Promise<Uint8Array> }).readBytes = async () => {
      throw new Error('disk I/O error');
    };
    await expect(exportPacket(packetInput(exhibits), path.join(dir, 'packet.pdf'))).rejects.toMatchObject({ code: 'EVIDENCE_UNREADABLE' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('rejects bad input with a message naming the field', async () => {
    const dir = tempDir();
    const input = packetInput(await someExhibits(1));
    const bad = { ...input, exhibits: [{ ...input.exhibits[0], sha256: 'ABC' }] } as typeof input;
    await expect(exportPacket(bad, path.join(dir, 'x.pdf'))).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('exhibits.0.sha256') });
    await expect(exportPacket({ ...input, options: { ...input.options, profile: 'moon-court' } }, path.join(dir, 'x.pdf'))).rejects.toThrow(/moon-court/);
    await expect(exportPacket({ ...input, options: { ...input.options, sections: ['cover', 'cover'] } }, path.join(dir, 'x.pdf'))).rejects.toThrow(/twice/);
    await expect(exportPacket(input, path.join(dir, 'missing', 'x.pdf'))).rejects.toThrow(/does not exist/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('holds one exhibit at a time: live memory does not grow with the exhibits written', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    // 12 incompressible images of ~750 KB, made on demand so the test holds none of them.
    const noise = (seed: number): Uint8Array => {
      let s = seed;
      const next = (): number => {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        return s >>> 24;
      };
      return makePng(500, 500, () => [next(), next(), next()]);
    };
    const exhibits: ExhibitInput[] = Array.from({ length: 12 }, (_, k) => {
      const bytes = noise(k + 1);
      const h = (alg: string): string => createHash(alg).update(bytes).digest('hex');
      return { ...exhibit({ label: `Exhibit ${k + 1}`, title: 'Noise', mediaType: 'image/png', originalName: 'n.png', bytes: new Uint8Array(0) }, k + 1), sha256: h('sha256'), sha1: h('sha1'), md5: h('md5'), size: bytes.length, readBytes: async () => noise(k + 1) };
    });
    const live: number[] = [];
    const dir = tempDir();
    await exportPacket(packetInput(exhibits, { sections: ['index', 'exhibits'] }), path.join(dir, 'p.pdf'), {
      onProgress: (p) => {
        if (p.phase !== 'exhibits') return;
        gc();
        const m = process.memoryUsage();
        live[p.exhibitsDone] = m.heapUsed + m.arrayBuffers;
      },
    });
    // Medians of three samples at each end: one sample can catch an allocation of something else
    // in the process (test files share a worker), a retained exhibit shows in every later one.
    const median = (...at: number[]): number => at.map((i) => live[i] ?? 0).sort((a, b) => a - b)[1]!;
    const growth = (median(10, 11, 12) - median(3, 4, 5)) / 1024 / 1024;
    // Seven more exhibits of 0.75 MB each went through; keeping them would add ~5 MB.
    expect(growth).toBeLessThan(2.5);
    expect(fs.statSync(path.join(dir, 'p.pdf')).size).toBeGreaterThan(12 * 700 * 1024);
  });
});
