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
  const magic = isPng(bytes) ? 'PNG' : bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff ? 'JPEG' : null;
  if (!magic) refuse(file, 'is not a PNG or JPEG image (its first bytes are not a PNG or JPEG signature)');
  const info = readImageInfo(bytes);
  if (!info) refuse(file, `starts like a ${magic} image but its header cannot be read: it is cut short or damaged`);
  // Size is checked from the header first, so no huge image is decoded to be refused.
  if (Math.min(info.width, info.height) < MIN_SIDE || Math.max(info.width, info.height) > MAX_SIDE) {
    refuse(file, `is ${info.width} x ${info.height} pixels; each side must be between ${MIN_SIDE} and ${MAX_SIDE}`);
  }
  let decoded: { width: number; height: number };
  try {
    decoded = await decodeImage(bytes, info.format);
  } catch (error) {
    refuse(file, `cannot be decoded as a ${info.format.toUpperCase()} image: it is cut short or damaged (${(error as Error).message})`);
  }
  if (!decoded.width || !decoded.height) refuse(file, `cannot be decoded as a ${info.format.toUpperCase()} image`);
  if (decoded.width !== info.width || decoded.height !== info.height) refuse(file, 'has a header that does not match its pixels');
  const { width, height } = decoded;
  if (width / height > MAX_WIDE || height / width > MAX_TALL) refuse(file, `is ${width} x ${height} pixels, not the shape of a signature`);
  // EXIF rotation would draw a phone photo on its side; the image is drawn as stored.
  if (info.orientation !== 1) refuse(file, 'carries an EXIF rotation; save it upright without rotation first');
  // CMYK JPEGs print inverted in some viewers; PDF/A needs RGB or grey.
  if (info.format === 'jpeg' && info.components === 4) refuse(file, 'is a CMYK JPEG; save it as RGB');
  return { format: info.format, width, height, sha256: createHash('sha256').update(bytes).digest('hex'), base64: bytes.toString('base64') };
}

function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

/**
 * Decodes every pixel, strictly: catches what a header does not (a truncated or corrupt image).
 * Skia (@napi-rs/canvas) is not used here: it reports the header's size for a PNG cut after 60
 * bytes and draws what it can. pngjs checks every chunk's CRC and the pixel data's length;
 * jpeg-js with tolerantDecoding off throws on a damaged or cut scan.
 */
async function decodeImage(bytes: Buffer, format: 'png' | 'jpeg'): Promise<{ width: number; height: number }> {
  if (format === 'png') {
    const pngjs = await import('pngjs');
    const { PNG } = 'PNG' in pngjs ? pngjs : (pngjs as { default: typeof pngjs }).default;
    return PNG.sync.read(bytes);
  }
  const jpegjs = await import('jpeg-js');
  const jpeg = 'decode' in jpegjs ? jpegjs : (jpegjs as { default: typeof jpegjs }).default;
  return jpeg.decode(bytes, { useTArray: true, tolerantDecoding: false, maxResolutionInMP: 40, maxMemoryUsageInMB: 512 });
}
