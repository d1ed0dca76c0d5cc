/** What the packet needs to place an image before decoding any pixels. */
export interface ImageInfo {
  format: 'png' | 'jpeg';
  /** Stored pixel size (before orientation). */
  width: number;
  height: number;
  /** EXIF orientation 1-8 (1 = as stored). */
  orientation: number;
  /** JPEG colour components (1 grey, 3 RGB/YCbCr, 4 CMYK); PNG reports 3. */
  components: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Reads size and EXIF orientation from PNG and JPEG headers. Hand-written because no EXIF library
 * is among our dependencies and only one tag is needed; it reads within bounds and returns
 * undefined for anything it does not understand, so a broken header becomes a slip sheet.
 */
export function readImageInfo(bytes: Uint8Array): ImageInfo | undefined {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return readPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return readJpeg(bytes);
  return undefined;
}

function u16(b: Uint8Array, at: number, little = false): number {
  const x = b[at] ?? 0;
  const y = b[at + 1] ?? 0;
  return little ? x | (y << 8) : (x << 8) | y;
}

function u32(b: Uint8Array, at: number, little = false): number {
  return little ? (u16(b, at, true) + u16(b, at + 2, true) * 0x10000) : u16(b, at) * 0x10000 + u16(b, at + 2);
}

function readPng(b: Uint8Array): ImageInfo | undefined {
  if (b.length < 33 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return undefined;
  const width = u32(b, 16);
  const height = u32(b, 20);
  let orientation = 1;
  // Walk the chunks for an eXIf chunk (PNG 1.5 extension), which carries the same TIFF block as JPEG.
  let at = 8;
  while (at + 8 <= b.length) {
    const length = u32(b, at);
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    if (type === 'eXIf') orientation = tiffOrientation(b.subarray(at + 8, at + 8 + length)) ?? 1;
    if (type === 'IDAT' || type === 'IEND') break;
    at += 12 + length;
  }
  return width > 0 && height > 0 ? { format: 'png', width, height, orientation, components: 3 } : undefined;
}

function readJpeg(b: Uint8Array): ImageInfo | undefined {
  let at = 2;
  let orientation = 1;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = u16(b, at + 2);
    const body = b.subarray(at + 4, at + 2 + length);
    if (marker === 0xe1 && String.fromCharCode(...body.subarray(0, 6)) === 'Exif\0\0') {
      orientation = tiffOrientation(body.subarray(6)) ?? orientation;
    }
    // SOF0-15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = u16(body, 1);
      const width = u16(body, 3);
      const components = body[5] ?? 0;
      return width > 0 && height > 0 ? { format: 'jpeg', width, height, orientation, components } : undefined;
    }
    if (marker === 0xda) return undefined;
    at += 2 + length;
  }
  return undefined;
}

/** The Orientation tag (0x0112) of IFD0 in a TIFF block, if present and valid. */
function tiffOrientation(t: Uint8Array): number | undefined {
  if (t.length < 8) return undefined;
  const little = t[0] === 0x49 && t[1] === 0x49;
  if (!little && !(t[0] === 0x4d && t[1] === 0x4d)) return undefined;
  const ifd = u32(t, 4, little);
  const count = u16(t, ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > t.length) return undefined;
    if (u16(t, entry, little) === 0x0112) {
      const value = u16(t, entry + 8, little);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}
