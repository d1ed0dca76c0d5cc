import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { CustodyEventInput, ExhibitInput, PacketInput } from '../../../src-main/packet/PacketInput';

/** A PDF made with pdfkit: `pages` pages, each saying which page it is (searchable text). */
export async function makePdf(pages: number, opts: { title?: string; size?: [number, number]; landscape?: boolean; pdfA?: boolean } = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: opts.size ?? 'LETTER',
    layout: opts.landscape ? 'landscape' : 'portrait',
    autoFirstPage: false,
    // Fixed dates so the fixture bytes do not vary between runs.
    info: { CreationDate: new Date('2025-01-02T03:04:05Z'), Title: opts.title ?? 'Evidence' },
    ...(opts.pdfA ? { subset: 'PDF/A-2b' as const, pdfVersion: '1.7' as const, tagged: true } : {}),
  });
  // PDF/A needs embedded fonts; pdfkit's built-in Helvetica is not embedded.
  if (opts.pdfA) doc.registerFont('Body', path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/fonts/DejaVuSans.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let i = 1; i <= pages; i++) {
    doc.addPage();
    if (opts.pdfA) doc.font('Body');
    doc.fontSize(20).text(`${opts.title ?? 'Evidence document'}`, 72, 72);
    doc.fontSize(12).text(`Source page ${i} of ${pages}. Marker EVIDENCE-PAGE-${i}.`, 72, 120);
    doc.rect(72, 160, 200, 100).stroke();
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A PNG written by hand (zlib + CRC): `rows` of RGB pixels, top row first. */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      const at = y * (width * 3 + 1) + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', zlib.deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** Inserts an EXIF APP1 segment with the given orientation right after a JPEG's SOI marker. */
export function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  // TIFF header (big-endian) + IFD0 with one entry: Orientation (0x0112), SHORT, count 1.
  const tiff = Buffer.from([
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,
    0x00, 0x01,
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return new Uint8Array(Buffer.concat([Buffer.from(jpeg.subarray(0, 2)), header, body, Buffer.from(jpeg.subarray(2))]));
}

export interface ExhibitSpec {
  label: string;
  title: string;
  mediaType: string;
  originalName: string;
  bytes: Uint8Array;
  custody?: CustodyEventInput[];
  description?: string;
}

/** Number of readBytes calls in flight, and the most ever at once (the engine must read one exhibit at a time). */
export const readStats = { inFlight: 0, maxInFlight: 0, calls: 0 };

export function exhibit(spec: ExhibitSpec, i: number): ExhibitInput {
  const hash = (alg: string): string => createHash(alg).update(spec.bytes).digest('hex');
  const sha256 = hash('sha256');
  return {
    id: `ex-${i}`,
    label: spec.label,
    title: spec.title,
    acquiredAt: `2025-02-${String((i % 27) + 1).padStart(2, '0')}T10:15:00.000Z`,
    source: `https://evidence.example/item/${i}`,
    sha256,
    sha1: hash('sha1'),
    md5: hash('md5'),
    size: spec.bytes.length,
    mediaType: spec.mediaType,
    originalName: spec.originalName,
    description: spec.description ?? null,
    custody: spec.custody ?? [
      { at: '2025-02-01T10:15:00.000Z', actor: 'J. Roe', action: 'acquired', location: 'Redmond lab', hashSeen: sha256, result: 'ok' },
      { at: '2025-02-03T08:00:00.000Z', actor: 'A. Analyst', action: 'verified', hashSeen: sha256, result: 'ok' },
    ],
    readBytes: async () => {
      readStats.calls++;
      readStats.inFlight++;
      readStats.maxInFlight = Math.max(readStats.maxInFlight, readStats.inFlight);
      await new Promise((r) => setImmediate(r));
      readStats.inFlight--;
      return new Uint8Array(spec.bytes);
    },
  };
}

export function packetInput(exhibits: ExhibitInput[], options: Partial<PacketInput['options']> = {}): PacketInput {
  return {
    caption: {
      court: 'United States District Court\nSouthern District of New York',
      docket: '1:25-cv-01234 (JMF)',
      caption: 'EXAMPLE CORPORATION,\nPlaintiff,\nv.\nJOHN DOES 1-10, controlling a computer network and thereby injuring Plaintiff and its customers,\nDefendants.',
      title: 'Declaration of Jane Roe in Support of Plaintiff’s Application for an Emergency Temporary Restraining Order',
      preparedBy: 'Jane Roe',
      date: '2025-03-14',
    },
    options: {
      sections: ['cover', 'toc', 'declaration', 'index', 'appendix', 'orders', 'custody', 'audit', 'exhibits'],
      bates: { prefix: 'DOSS-', start: 1, padding: 6 },
      profile: 'generic-50mb',
      fixedDate: '2025-03-14T16:00:00.000Z',
      declarant: { name: 'Jane Roe', role: 'a Senior Investigator in the Digital Crimes Unit of Example Corporation', place: 'Redmond, Washington' },
      ...options,
    },
    exhibits,
    domains: [
      { domainUnicode: 'storm-market.com', domainAscii: 'storm-market.com', registry: 'Verisign (.com)', registrarName: 'NameCheap, Inc.', registrarIanaId: 1068, registrantAsListed: 'Redacted for Privacy', status: 'named_in_order', order: 2 },
      { domainUnicode: 'captcha-solve.com', domainAscii: 'captcha-solve.com', registry: 'Verisign (.com)', registrarName: 'NameCheap, Inc.', registrarIanaId: 1068, registrantAsListed: 'Withheld', status: 'transfer_confirmed', order: 1 },
      { domainUnicode: 'bücher-shop.net', domainAscii: 'xn--bcher-shop-xhb.net', registry: 'Verisign (.net)', registrarName: 'GoDaddy.com, LLC', registrarIanaId: 146, registrantAsListed: 'Domains By Proxy, LLC', status: 'served', order: 1 },
      { domainUnicode: 'storm-1152.org', domainAscii: 'storm-1152.org', registry: 'Public Interest Registry (.org)', registrarName: 'Tucows Domains Inc.', registrarIanaId: 69, registrantAsListed: null, status: 'identified', order: 1 },
    ],
    orders: [
      {
        title: 'Ex Parte Temporary Restraining Order and Order to Show Cause',
        docket: '1:25-cv-01234 (JMF)',
        court: 'S.D.N.Y.',
        judge: 'Hon. Jesse M. Furman',
        type: 'ex_parte_tro',
        filedAt: '2025-03-10',
        grantedAt: '2025-03-12',
        servedAt: '2025-03-13',
        expiresAt: '2025-03-26',
        status: 'served',
        summary: 'Directs the registries and registrars to disable the listed domains, transfer them to Plaintiff and preserve registration records.',
      },
    ],
    auditHeads: [
      { author: 'jroe@laptop-7', seq: 1841, hash: createHash('sha256').update('jroe').digest('hex') },
      { author: 'aanalyst@ws-2', seq: 96, hash: createHash('sha256').update('aanalyst').digest('hex') },
    ],
    caseFileSha256: createHash('sha256').update('case file').digest('hex'),
  };
}
