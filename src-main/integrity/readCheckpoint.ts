import fs from 'node:fs';
import { DossierError } from '../contract/errors';
import type { SignedCheckpoint } from '../contract/integrity';
import { CHECKPOINT_INFO_KEY } from './checkpointInfoKey';
import { parseCheckpoint } from './auditCheckpoint';

/** The Info dictionary is written last, just before the xref table: the tail of the file holds it. */
const PDF_TAIL_BYTES = 4 * 1024 * 1024;
const CHECKPOINT_FILE_MAX = 1024 * 1024;
const MARKER = Buffer.from(`/${CHECKPOINT_INFO_KEY} <`, 'latin1');

function readRange(filePath: string, start: number, length: number): Buffer {
  const fd = fs.openSync(filePath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const n = fs.readSync(fd, buffer, 0, length, start);
    return buffer.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** The checkpoint a Dossier packet volume carries in its Info dictionary (DossierCheckpoint). */
function fromPdf(filePath: string, size: number): SignedCheckpoint {
  const start = Math.max(0, size - PDF_TAIL_BYTES);
  const tail = readRange(filePath, start, size - start);
  const at = tail.lastIndexOf(MARKER);
  const end = at < 0 ? -1 : tail.indexOf('>', at + MARKER.length);
  if (at < 0 || end < 0) {
    throw new DossierError('CHECKPOINT_NOT_FOUND', `${filePath} carries no Dossier audit checkpoint (a packet exported by an older Dossier, or not a Dossier packet).`);
  }
  const hex = tail.subarray(at + MARKER.length, end).toString('latin1').replace(/\s+/g, '');
  return parseCheckpoint(Buffer.from(hex, 'hex').toString('utf8'), filePath);
}

/**
 * The audit checkpoint an artefact carries: a packet PDF (its metadata) or a checkpoint file
 * written by `dossier audit checkpoint`. Shares carry theirs inside the encryption; see
 * shareCheckpoint.
 */
export function readCheckpoint(filePath: string): SignedCheckpoint {
  let size: number;
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new DossierError('FILE_NOT_FOUND', `No file at ${filePath}.`);
  }
  const head = readRange(filePath, 0, 5).toString('latin1');
  if (head === '%PDF-') return fromPdf(filePath, size);
  if (size > CHECKPOINT_FILE_MAX) throw new DossierError('CHECKPOINT_INVALID', `${filePath} is too large to be an audit checkpoint.`);
  return parseCheckpoint(fs.readFileSync(filePath, 'utf8'), filePath);
}
