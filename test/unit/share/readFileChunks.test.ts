import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_CHUNK_BYTES, READ_AHEAD_RING, readFileChunks } from '../../../src-main/share/fileChunks';
import { readAhead } from '../../../src-main/share/readAhead';
import { tempDir } from '../../helpers/tempDir';

describe('readFileChunks with reused buffers behind readAhead', () => {
  it('gives every byte in order to a consumer that is done with each chunk before the next', async () => {
    // 9.5 chunks: the ring of READ_AHEAD_RING buffers wraps around twice, and the last is short.
    const bytes = randomFillSync(Buffer.alloc(FILE_CHUNK_BYTES * 9 + FILE_CHUNK_BYTES / 2));
    const file = path.join(tempDir(), 'data.bin');
    fs.writeFileSync(file, bytes);
    const handle = await open(file, 'r');
    try {
      const seen: Buffer[] = [];
      const buffers = new Set<ArrayBufferLike>();
      for await (const chunk of readAhead(readFileChunks(handle, 0, bytes.length, undefined, { ring: READ_AHEAD_RING }))) {
        // What the share code does: use the chunk (here copy it) before pulling the next.
        seen.push(Buffer.from(chunk));
        buffers.add(chunk.buffer);
        // Give the reads ahead time to land in their buffers while this one is "in use".
        await new Promise((resolve) => setTimeout(resolve, 2));
        expect(Buffer.from(chunk).equals(seen.at(-1)!)).toBe(true);
      }
      expect(Buffer.concat(seen).equals(bytes)).toBe(true);
      expect(buffers.size).toBe(READ_AHEAD_RING);
    } finally {
      await handle.close();
    }
  });
});
