import fs from 'node:fs';
import { WARCRecord, WARCSerializer } from 'warcio';

const MiB = 1024 * 1024;

/** A WARC of `mib` MiB: 200-KiB responses (HTML every tenth, the rest binary), written record by record. */
export async function writeWarc(file: string, mib: number): Promise<number> {
  const fd = fs.openSync(file, 'w');
  const body = Buffer.alloc(200 * 1024);
  for (let i = 0; i < body.length; i += 1) body[i] = (i * 131 + 7) & 0xff;
  const html = Buffer.from(`<html><head><title>Listing</title></head><body>${'<p>Hotmail accounts for sale, bulk prices.</p>'.repeat(4000)}</body></html>`);
  let written = 0;
  for (let n = 0; written < mib * MiB; n += 1) {
    const isHtml = n % 10 === 0;
    const record = WARCRecord.create(
      {
        url: `https://shop.example/item/${n}${isHtml ? '' : '.bin'}`,
        type: 'response',
        warcVersion: 'WARC/1.1',
        httpHeaders: { 'Content-Type': isHtml ? 'text/html' : 'application/octet-stream' },
      },
      (async function* () {
        yield isHtml ? html : body;
      })(),
    );
    const bytes = await WARCSerializer.serialize(record, { digest: { algo: 'sha-1', prefix: 'sha1:', base32: true } });
    fs.writeSync(fd, bytes);
    written += bytes.length;
  }
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  return written;
}
