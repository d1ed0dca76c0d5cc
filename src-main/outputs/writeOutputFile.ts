import fs from 'node:fs';
import path from 'node:path';
import type { CaseFile } from '../casefile/CaseFile';
import { FileSink } from './FileSink';
import { checkOutputTarget } from './checkOutputTarget';
import { sweepStaleFiles } from './sweepStaleFiles';
import { outputFileError } from './outputFileError';
import { publishOutputs, sideName } from './publishOutputs';
import { type OutputDigest, verifyLayoutOnDisk, verifyLayoutOnDiskAsync } from './verifyOnDisk';
import { type OutputReservation, WrittenLayout } from './WrittenLayout';

/** Where an output's bytes go while it is written: counted and checksummed as they pass. */
export interface OutputSink {
  write(chunk: Uint8Array): Promise<void>;
  /**
   * Sets `length` bytes aside at the current end (written as zeros for now), for bytes known
   * only later; `fill` must put them in before the producer returns.
   */
  reserve(length: number): Promise<OutputReservation>;
  fill(reservation: OutputReservation, bytes: Uint8Array): Promise<void>;
}

/** The synchronous twin, for writers fed by an open SQLite statement (no await allowed). */
export interface OutputSinkSync {
  write(chunk: Uint8Array): void;
}

export interface OutputFileOptions {
  /** The open case file: never written over, and `record` runs in its transaction. */
  caseFile: CaseFile | null;
  overwrite?: boolean;
  /** Refuses the finished bytes, as read back from disk, before anything is published (throw to refuse). */
  check?: (onDisk: OutputDigest) => void;
  /** Records the output (custody, audit) in the case transaction, before the file gets its name. */
  record?: (written: OutputDigest & { path: string }) => void;
}

export interface WrittenOutput extends OutputDigest {
  path: string;
}

function finish(temp: string, target: string, onDisk: OutputDigest, options: OutputFileOptions): WrittenOutput {
  options.check?.(onDisk);
  const { record } = options;
  publishOutputs(options.caseFile, [{ temp, target }], options.overwrite ?? false, record ? () => record({ ...onDisk, path: target }) : undefined);
  return { ...onDisk, path: target };
}

/**
 * The one way Dossier writes an output file (exhibit extracts, CSVs, reference lists, shares,
 * checkpoints; packet volumes and received cases have their own writers, README "Output files"):
 * a temp file beside the target (mode 0600, created exclusively), fsync, read back and hashed
 * from disk, compared with what was meant (WrittenLayout), recorded in the case transaction,
 * then renamed into place. Never over an existing file without `overwrite`, never onto the open
 * case file (device and inode, so links count too). On any failure the temp file is removed and
 * the error says what happened: DISK_FULL, OUTPUT_PERMISSION_DENIED, OUTPUT_READ_ONLY_FILESYSTEM...
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
    const layout = new WrittenLayout();
    await write({
      async write(chunk) {
        layout.append(chunk);
        await sink.write(chunk);
      },
      async reserve(length) {
        const reservation = layout.reserve(length);
        const zeros = new Uint8Array(Math.min(length, WrittenLayout.PART_BYTES));
        for (let left = length; left > 0; left -= zeros.length) await sink.write(zeros.subarray(0, Math.min(left, zeros.length)));
        return reservation;
      },
      async fill(reservation, bytes) {
        layout.fill(reservation, bytes);
        await sink.writeAt(bytes, reservation.offset);
      },
    });
    layout.assertFilled();
    await sink.close();
    const file = handle;
    await file.close();
    handle = undefined;
    return finish(temp, absolute, await verifyLayoutOnDiskAsync(temp, layout, absolute), options);
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
    const layout = new WrittenLayout();
    write({
      write(chunk) {
        for (let at = 0; at < chunk.length; ) at += fs.writeSync(file, chunk, at, chunk.length - at);
        layout.append(chunk);
      },
    });
    fs.fsyncSync(file);
    fs.closeSync(file);
    fd = undefined;
    return finish(temp, absolute, verifyLayoutOnDisk(temp, layout, absolute), options);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw outputFileError(error, absolute);
  }
}
