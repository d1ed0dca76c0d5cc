import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCapturePages, listCaptureRecords, listCaptures } from '../../../src-main/captures/captureRows';
import { importCapture } from '../../../src-main/captures/importCapture';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { verifyEvidence } from '../../../src-main/evidence/verifyEvidence';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { searchCase } from '../../../src-main/search/searchCase';
import { captureRecords, SITE_PATHS, startCapturedSite } from '../../helpers/captureFixtures';
import { ALICE, BOB, newTestCase, track } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';

let site: Awaited<ReturnType<typeof startCapturedSite>>;
beforeAll(async () => {
  site = await startCapturedSite();
});
afterAll(() => site.close());

describe('merging web captures', () => {
  it("brings a teammate's capture records and pages across, searchable and verifiable; merging again adds nothing", async () => {
    const dir = tempDir();
    const a = newTestCase(ALICE);
    closeCaseFile(a);
    const bPath = path.join(dir, 'bob.dossier');
    fs.copyFileSync(a.path, bPath);
    const alice = track(openCaseFile(a.path, { actor: ALICE }));
    const bob = track(openCaseFile(bPath, { actor: BOB }));
    const file = path.join(dir, 'shop.warc');
    fs.writeFileSync(file, Buffer.concat(await captureRecords(site.base, SITE_PATHS)));
    const imported = await importCapture(bob, file);
    closeCaseFile(bob);

    const report = mergeCaseFile(alice, bPath);
    expect(report.appended.capture).toBe(1 + imported.capture.record_count + imported.capture.page_count);
    const [capture] = listCaptures(alice.db);
    expect(capture).toMatchObject({ id: imported.capture.id, import_status: 'complete' });
    expect(listCaptureRecords(alice.db, capture!.id)).toHaveLength(imported.capture.record_count);
    expect(listCapturePages(alice.db, { captureId: capture!.id }).map((p) => p.url)).toEqual(imported.pages.map((p) => p.url));
    expect(searchCase(alice, 'xyzzy').map((h) => h.id)).toEqual([imported.evidence_id]);
    expect((await verifyEvidence(alice)).map((r) => r.ok)).toEqual([true]);
    expect(mergeCaseFile(alice, bPath).appended.capture).toBe(0);
  });
});
