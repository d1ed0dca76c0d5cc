import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import { exhibit, packetInput } from './packetFixtures';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/packet');
const jpeg = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'top-dark.jpg')));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('JPEG bytes that are a view into a larger buffer', () => {
  // Small files come back from Node's buffer pool as views at an offset; pdf-lib 1.17's JPEG
  // reader looks at the start of the whole buffer and called such a photo damaged.
  it.each([['a Uint8Array', (b: Uint8Array) => b], ['a Buffer (whose slice() is a view too)', (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)]])('are drawn, not produced natively as damaged (%s)', async (_kind, as) => {
    const pool = new Uint8Array(jpeg.length + 24);
    pool.set(jpeg, 24);
    const view = as(pool.subarray(24));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
    dirs.push(dir);
    const photo = { ...exhibit({ label: 'Exhibit 1', title: 'Photo', mediaType: 'image/jpeg', originalName: 'photo.jpg', bytes: view }, 1), readBytes: async () => view };
    const result = await exportPacket(packetInput([photo], { sections: ['exhibits'] }), path.join(dir, 'packet.pdf'));
    expect(result.exhibits.map((e) => e.rendering)).toEqual(['image']);
  });
});
