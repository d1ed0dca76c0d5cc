import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';

// Adversarial finding (expected to fail until fixed): the declarant's signature photographed with
// a phone is a JPEG with EXIF (GPS of where it was taken, usually home; the phone's serial) and
// comments. Exhibit JPEGs are stripped to their pixels (jpegPixelsOnly), the --signature-image
// JPEG is not: its metadata segments are embedded verbatim in the filed, public packet.

/** A JPEG of a stroke with a COM segment and an EXIF (APP1) segment carrying text, after SOI. */
function signatureJpegWithMetadata(): Buffer {
  const width = 240;
  const height = 80;
  const data = Buffer.alloc(width * height * 4, 255);
  for (let x = 10; x < width - 10; x++) {
    const y = Math.round(20 + 40 * Math.abs(Math.sin(x / 20)));
    data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  }
  const pixels = jpeg.encode({ data, width, height }, 90).data;
  const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255]), body]);
  const comment = segment(0xfe, Buffer.from('HOME-GPS 47.6740 N 122.1215 W'));
  const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('MM\0*\0\0\0\x08\0\0', 'latin1'), Buffer.from('PHONE-SERIAL-F17QX2'.padEnd(24, '\0'))]));
  return Buffer.concat([pixels.subarray(0, 2), comment, exif, pixels.subarray(2)]);
}

/** A PNG signature with a tEXt chunk (what phone editors write: the device, the place) before IEND. */
function signaturePngWithText(): Buffer {
  const png = new PNG({ width: 240, height: 80 });
  png.data.fill(255);
  const bytes = PNG.sync.write(png);
  const body = Buffer.concat([Buffer.from('tEXtComment\0', 'latin1'), Buffer.from('HOME-GPS 47.6740 N PHONE-SERIAL-F17QX2')]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(zlib.crc32(body), body.length + 4);
  return Buffer.concat([bytes.subarray(0, bytes.length - 12), chunk, bytes.subarray(bytes.length - 12)]);
}

/** The packet with `signature` drawn on its declaration, every object uncompressed (qpdf --qdf) so a string in any stream is found. */
async function flatPacketWith(signature: Buffer, name: string): Promise<string> {
  const dir = tempDir();
  const { file } = await filingCase(dir);
  const image = path.join(dir, name);
  fs.writeFileSync(image, signature);
  const out = path.join(dir, 'p.pdf');
  await dossierJson(['packet', file, '--out', out, '--layout', 'combined', '--signature-image', image, ...SIGNED]);
  const flat = path.join(dir, 'flat.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', out, flat]);
  return fs.readFileSync(flat).toString('latin1');
}

describe('the signature image of a declaration', () => {
  it('a PNG is embedded as pixels only: its text chunks do not reach the packet', async () => {
    const bytes = await flatPacketWith(signaturePngWithText(), 'signature.png');
    expect(bytes).not.toContain('HOME-GPS');
    expect(bytes).not.toContain('PHONE-SERIAL');
  });

  it('is embedded as pixels only: none of its JPEG metadata reaches the packet', async () => {
    const bytes = await flatPacketWith(signatureJpegWithMetadata(), 'signature.jpg');
    expect(bytes).not.toContain('HOME-GPS');
    expect(bytes).not.toContain('PHONE-SERIAL');
  });
});
