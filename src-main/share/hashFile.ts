import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { READ_AHEAD_RING, readFileChunks } from './fileChunks';
import { readAhead } from './readAhead';

export interface FileDigest {
  /** lowercase hex */
  readonly sha256: string;
  readonly size: number;
}

/** SHA-256 and size of a file, streamed. */
export async function sha256File(
  filePath: string,
  options: { signal?: AbortSignal; onBytes?: (done: number, total: number) => void } = {},
): Promise<FileDigest> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const hash = createHash('sha256');
    let done = 0;
    // Read ahead: the next read runs on libuv's threads while this one hashes.
    for await (const chunk of readAhead(readFileChunks(handle, 0, size, options.signal, { ring: READ_AHEAD_RING }))) {
      hash.update(chunk);
      done += chunk.length;
      options.onBytes?.(done, size);
    }
    return { sha256: hash.digest('hex'), size };
  } finally {
    await handle.close();
  }
}
