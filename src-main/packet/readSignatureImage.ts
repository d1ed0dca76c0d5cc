import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DossierError } from '../contract/errors';
import type { SignatureImageInput } from './PacketInput';
import { readImageInfo } from './readImageInfo';

/** A scanned signature is tens of kilobytes; 2 MB leaves room for a phone photo and keeps the frozen production small. */
export const MAX_SIGNATURE_BYTES = 2 * 1024 * 1024;
/** Pixel bounds: below 16 px nothing legible is drawn; above 6,000 px it is a photograph, not a signature. */
const MIN_SIDE = 16;
const MAX_SIDE = 6000;
/** A signature is wide; a strip thinner than 1:20 (or taller than 4:1) is not one and would draw as a line. */
const MAX_WIDE = 20;
const MAX_TALL = 4;

function refuse(file: string, why: string): never {
  throw new DossierError('INVALID_REQUEST', `The signature image ${path.basename(file)} (${file}) ${why}; give a PNG or JPEG of the signature, at most ${MAX_SIGNATURE_BYTES / 1024 / 1024} MB.`);
}

/**
 * Reads and checks a signature image at the boundary: the file must be a real PNG or JPEG (by its
 * magic bytes, and fully decoded, so a renamed or damaged file is refused here, not half-drawn
 * in a filing), at most 2 MB, with sane pixel dimensions. Returns its bytes for the packet input.
 */
export async function readSignatureImage(file: string): Promise<SignatureImageInput> {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) refuse(file, 'is not a file');
    size = stat.size;
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw new DossierError('FILE_NOT_FOUND', `The signature image ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); give the path of a PNG or JPEG file.`);
  }
  // Checked before reading, so a huge file is never loaded to be refused.
  if (size > MAX_SIGNATURE_BYTES) refuse(file, `is ${(size / 1024 / 1024).toFixed(1)} MB, more than the limit`);
  if (size === 0) refuse(file, 'is empty');
  const bytes = fs.readFileSync(file);
  const info = readImageInfo(bytes);
  if (!info) refuse(file, 'is not a PNG or JPEG image (its first bytes are not a PNG or JPEG signature)');
  let decoded: { width: number; height: number };
  try {
    // Decoding every pixel catches what a header does not: a truncated or corrupt image.
    const { loadImage } = await import('@napi-rs/canvas');
    decoded = await loadImage(bytes);
  } catch (error) {
    refuse(file, `cannot be decoded as a ${info.format.toUpperCase()} image (${(error as Error).message})`);
  }
  if (!decoded.width || !decoded.height) refuse(file, `cannot be decoded as a ${info.format.toUpperCase()} image`);
  if (decoded.width !== info.width || decoded.height !== info.height) refuse(file, 'has a header that does not match its pixels');
  const { width, height } = decoded;
  if (Math.min(width, height) < MIN_SIDE || Math.max(width, height) > MAX_SIDE) {
    refuse(file, `is ${width} x ${height} pixels; each side must be between ${MIN_SIDE} and ${MAX_SIDE}`);
  }
  if (width / height > MAX_WIDE || height / width > MAX_TALL) refuse(file, `is ${width} x ${height} pixels, not the shape of a signature`);
  // EXIF rotation would draw a phone photo on its side; the image is drawn as stored.
  if (info.orientation !== 1) refuse(file, 'carries an EXIF rotation; save it upright without rotation first');
  // CMYK JPEGs print inverted in some viewers; PDF/A needs RGB or grey.
  if (info.format === 'jpeg' && info.components === 4) refuse(file, 'is a CMYK JPEG; save it as RGB');
  return { format: info.format, width, height, sha256: createHash('sha256').update(bytes).digest('hex'), base64: bytes.toString('base64') };
}
