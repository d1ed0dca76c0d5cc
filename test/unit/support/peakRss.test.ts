import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledScript } from '../../helpers/compiledScript';

const MiB = 1024 * 1024;
const CHILD = fileURLToPath(new URL('../../support/peakRssChild.ts', import.meta.url));

describe('peak RSS of a child process (the memory tests and benches compare these)', () => {
  it('is the child’s own, not the memory of the process that spawned it', () => {
    const script = compiledScript(CHILD);
    // This process holds 400 MiB, resident (filled), while it spawns the child.
    const held = Buffer.alloc(400 * MiB, 1);
    const parentRss = process.memoryUsage().rss;
    const { peakRssBytes } = JSON.parse(execFileSync(process.execPath, [script]).toString()) as { peakRssBytes: number };
    expect(held[held.length - 1]).toBe(1);
    expect(parentRss).toBeGreaterThan(400 * MiB);
    // A bare Node process peaks around 40-60 MiB.
    expect(peakRssBytes).toBeGreaterThan(10 * MiB);
    expect(peakRssBytes).toBeLessThan(150 * MiB);
  });
});
