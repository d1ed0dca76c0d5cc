import fs from 'node:fs';
import path from 'node:path';
import { captureRecords, samplePng, SITE_PATHS, startCapturedSite, writeWacz } from './captureFixtures';

/**
 * Writes the capture fixtures into `dir` (shop.warc, shop.warc.gz, shop.wacz): for trying the CLI
 * by hand (`npx tsx test/helpers/writeCaptureFixtures.ts DIR`) and for tests that need files.
 */
export async function writeCaptureFixtures(dir: string): Promise<{ warc: string; warcGz: string; wacz: string; base: string }> {
  const site = await startCapturedSite();
  try {
    fs.mkdirSync(dir, { recursive: true });
    const plain = await captureRecords(site.base, [...SITE_PATHS, '/vn'], { screenshot: samplePng() });
    const gz = await captureRecords(site.base, SITE_PATHS, { gzip: true });
    const warc = path.join(dir, 'shop.warc');
    const warcGz = path.join(dir, 'shop.warc.gz');
    const wacz = path.join(dir, 'shop.wacz');
    fs.writeFileSync(warc, Buffer.concat(plain));
    fs.writeFileSync(warcGz, Buffer.concat(gz));
    writeWacz(wacz, Buffer.concat(gz), [{ url: `${site.base}/`, ts: new Date().toISOString(), title: 'Shop front' }]);
    return { warc, warcGz, wacz, base: site.base };
  } finally {
    await site.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const out = await writeCaptureFixtures(process.argv[2] ?? '.');
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
