import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CaseFile } from '../casefile/CaseFile';
import { FileSink } from './FileSink';
import { checkOutputTarget } from './checkOutputTarget';
import { sweepStaleFiles } from './sweepStaleFiles';
import { outputFileError } from './outputFileError';
import { publishOutputs, sideName } from './publishOutputs';
import { type OutputDigest, verifyOnDisk } from './verifyOnDisk';

/** Where an output's bytes go while it is written: counted and hashed as they pass. */
export interface OutputSink {
  write(chunk: Uint8Array): Promise<void>;
}

/** The synchronous twin, for writers fed by an open SQLite statement (no await allowed). */
export interface OutputSinkSync {
  write(chunk: Uint8Array): void;
}

export interface OutputFileOptions {
  /** The open case file: never written over, and `record` runs in its transaction. */
  caseFile: CaseFile | null;
  overwrite?: boolean;
  /** Refuses the finished bytes before anything is published (throw to refuse). */
  check?: (written: OutputDigest) => void;
  /** Records the output (custody, audit) in the case transaction, before the file gets its name. */
  record?: (written: OutputDigest & { path: string }) => void;
}

export interface WrittenOutput extends OutputDigest {
  path: string;
}

function finish(temp: string, target: string, meant: OutputDigest, options: OutputFileOptions): WrittenOutput {
  options.check?.(meant);
  const onDisk = verifyOnDisk(temp, meant, target);
  const { record } = options;
  publishOutputs(options.caseFile, [{ temp, target }], options.overwrite ?? false, record ? () => record({ ...onDisk, path: target }) : undefined);
  return { ...onDisk, path: target };
}

/**
 * The one way Dossier writes an output file (exhibit extracts, CSVs, shares, received copies):
 * a temp file beside the target (mode 0600, created exclusively), fsync, read back and hashed
 * from disk, compared with what was meant, recorded in the case transaction, then renamed into
 * place. Never over an existing file without `overwrite`, never onto the open case file (device
 * and inode, so links count too). On any failure the temp file is removed and the error says
 * what happened: DISK_FULL, OUTPUT_PERMISSION_DENIED, OUTPUT_READ_ONLY_FILESYSTEM...
 */
export async function writeOutputFile(target: string, options: OutputFileOptions, write: (sink: OutputSink) => Promise<void>): Promise<WrittenOutput> {
  const absolute = path.resolve(target);
  checkOutputTarget(absolute, { overwrite: options.overwrite ?? false, caseFilePath: options.caseFile?.path ?? null });
  sweepStaleFiles(path.dirname(absolute));
  const temp = sideName(absolute, 'dossier-part');
  let handle: fs.promises.FileHandle | undefined;
  let closing: FileSink | undefined;
  try {
    handle = await fs.promises.open(temp, 'wx', 0o600);
    // One 1 MiB write in flight while the producer makes the next (FileSink), and the disk
    // flushed in the background as the file grows (BackgroundSync, inside FileSink).
    const sink = new FileSink(handle, { copyChunks: true });
    closing = sink;
    const hash = createHash('sha256');
    let bytes = 0;
    await write({
      async write(chunk) {
        hash.update(chunk);
        bytes += chunk.length;
        await sink.write(chunk);
      },
    });
    await sink.close();
    const file = handle;
    await file.close();
    handle = undefined;
    return finish(temp, absolute, { sha256: hash.digest('hex'), bytes }, options);
  } catch (error) {
    await closing?.abandon();
    await handle?.close().catch(() => undefined);
    fs.rmSync(temp, { force: true });
    throw outputFileError(error, absolute);
  }
}

/** writeOutputFile for synchronous producers; same steps, same guarantees. */
export function writeOutputFileSync(target: string, options: OutputFileOptions, write: (sink: OutputSinkSync) => void): WrittenOutput {
  const absolute = path.resolve(target);
  checkOutputTarget(absolute, { overwrite: options.overwrite ?? false, caseFilePath: options.caseFile?.path ?? null });
  sweepStaleFiles(path.dirname(absolute));
  const temp = sideName(absolute, 'dossier-part');
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    const file = fd;
    const hash = createHash('sha256');
    let bytes = 0;
    write({
      write(chunk) {
        for (let at = 0; at < chunk.length; ) at += fs.writeSync(file, chunk, at, chunk.length - at);
        hash.update(chunk);
        bytes += chunk.length;
      },
    });
    fs.fsyncSync(file);
    fs.closeSync(file);
    fd = undefined;
    return finish(temp, absolute, { sha256: hash.digest('hex'), bytes }, options);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw outputFileError(error, absolute);
  }
}
