import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Puts the page cache in the same state before each timed run: dirty pages written (sync), the
 * cache dropped where this process may (root on Linux), and the run's input read back into it.
 * Without it each run paid for reclaiming what the run before it wrote (1 GiB shares): identical
 * runs of the same code differed by up to 2x, in system time. Returns false where the cache could
 * not be dropped (the figures are then noisier, not wrong).
 */
export function settlePageCache(...inputs: string[]): boolean {
  execFileSync('sync');
  let dropped = false;
  try {
    fs.writeFileSync('/proc/sys/vm/drop_caches', '3\n');
    dropped = true;
  } catch {
    // not root, or not Linux
  }
  const block = Buffer.allocUnsafe(1 << 20);
  for (const input of inputs) {
    const fd = fs.openSync(input, 'r');
    try {
      while (fs.readSync(fd, block, 0, block.length, null) > 0);
    } finally {
      fs.closeSync(fd);
    }
  }
  return dropped;
}
