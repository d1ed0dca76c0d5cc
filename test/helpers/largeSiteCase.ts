import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCase } from '../../src-main/case/caseInfo';
import { closeCaseFile } from '../../src-main/casefile/openCaseFile';
import { LATEST_SCHEMA_VERSION } from '../../src-main/casefile/migrations/index';
import { importSiteList } from '../../src-main/websites/importSiteList';

/** The host of site `n` (1-based) in a large case: zero-padded, so list order is number order. */
export function largeCaseHost(n: number): string {
  return `site-${String(n).padStart(6, '0')}.example`;
}

/**
 * A case file holding `count` websites, built once through the product's own bulk import
 * (importSiteList) and kept under the temp folder keyed by schema version and size, so later runs
 * (e2e, bench) copy it instead of importing again. Built under a temporary name and renamed, so a
 * run killed half way never leaves a half-built case to be reused. Callers copy it; never open it.
 */
export async function largeSiteCase(count: number): Promise<string> {
  const dir = path.join(os.tmpdir(), 'dossier-large-cases');
  const cached = path.join(dir, `sites-v${LATEST_SCHEMA_VERSION}-${count}.dossier`);
  if (fs.existsSync(cached)) return cached;
  fs.mkdirSync(dir, { recursive: true });
  const work = fs.mkdtempSync(path.join(dir, 'build-'));
  try {
    const list = path.join(work, 'sites.txt');
    const out = fs.createWriteStream(list);
    for (let n = 1; n <= count; n++) {
      if (!out.write(`${largeCaseHost(n)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));
    const file = path.join(work, 'case.dossier');
    const caseFile = createCase(file, { title: `${count.toLocaleString('en-US')} websites` }, { name: 'fixture', device: 'fixture' });
    try {
      const report = await importSiteList(caseFile, list);
      if (report.imported !== count) throw new Error(`The large case imported ${report.imported} of ${count} sites: ${JSON.stringify(report.errors.slice(0, 3))}`);
    } finally {
      closeCaseFile(caseFile);
    }
    fs.renameSync(file, cached);
    return cached;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
