/**
 * Application segments a packet keeps in an embedded JPEG: the colour profile (APP2 ICC_PROFILE)
 * and Adobe's colour-transform flag (APP14), both needed to show the pixels as they are.
 */
const KEPT_APP = new Set([0xe2, 0xee]);

/**
 * A JPEG as a packet embeds it: the same compressed pixels (every frame, table and scan byte for
 * byte), without the segments no reader of the page sees: comments (COM), EXIF and XMP (APP1:
 * camera, GPS position, owner, thumbnail), JFIF thumbnails (APP0) and any other application
 * segment but the colour profile. A filing reproduces what the photo shows; what it carries
 * besides (an SSN typed into a comment, where the photo was taken) would be published unreviewed,
 * and the exhibit itself is produced natively, byte for byte. The EXIF orientation is read from
 * the original before this (readImageInfo). Always returns a copy with its own buffer: pdf-lib
 * 1.17's JPEG reader opens `new DataView(bytes.buffer)` and so reads from the start of the whole
 * buffer (a small photo out of Node's buffer pool, or an attachment cut from its message, was
 * called damaged: "SOI not found in JPEG"). A file it cannot walk is returned copied as is, for
 * the JPEG reader to accept or refuse.
 */
export function jpegPixelsOnly(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return new Uint8Array(bytes);
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) {
      // Entropy-coded data of a scan: up to the next marker that is not a stuffed 0xFF00 or a restart marker.
      let end = at;
      while (end + 1 < bytes.length && !(bytes[end] === 0xff && bytes[end + 1] !== 0x00 && !(bytes[end + 1]! >= 0xd0 && bytes[end + 1]! <= 0xd7))) end++;
      if (end + 1 >= bytes.length) end = bytes.length;
      kept.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    const marker = bytes[at + 1];
    if (marker === undefined) return new Uint8Array(bytes);
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      // EOI, TEM and restart markers stand alone; after EOI anything left is not part of the image.
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      if (marker === 0xd9) break;
      continue;
    }
    if (at + 4 > bytes.length) return new Uint8Array(bytes);
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) return new Uint8Array(bytes);
    const dropped = marker === 0xfe || (marker >= 0xe0 && marker <= 0xef && !KEPT_APP.has(marker));
    if (!dropped) kept.push(bytes.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  const out = new Uint8Array(kept.reduce((n, k) => n + k.length, 0));
  let offset = 0;
  for (const k of kept) {
    out.set(k, offset);
    offset += k.length;
  }
  return out;
}
