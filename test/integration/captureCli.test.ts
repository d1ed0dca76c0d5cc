import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaptureImportResult, CapturePageDetail, CapturePageInfo, CaptureSummary } from '../../src-main/contract/captures';
import { captureRecords, SITE_PATHS, startCapturedSite } from '../helpers/captureFixtures';
import { runCli, runCliJson } from '../helpers/runCli';
import { handMadeWarc } from '../helpers/handMadeWarc';
import { tempDir } from '../helpers/tempDir';
import { writeCaptureFixtures } from '../helpers/writeCaptureFixtures';

const PROBE = path.resolve(import.meta.dirname, '../helpers/captureImportRss.ts');
const TSX = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

let fixtures: Awaited<ReturnType<typeof writeCaptureFixtures>>;
let tampered: string;
const fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-capture-cli-'));

beforeAll(async () => {
  fs.rmSync(fixtureDir, { recursive: true, force: true });
  fixtures = await writeCaptureFixtures(fixtureDir);
  const site = await startCapturedSite();
  const bytes = Buffer.concat(await captureRecords(site.base, SITE_PATHS));
  await site.close();
  bytes.write('Bulk Hotmail ACCOUNTS', bytes.indexOf('Bulk Hotmail accounts'));
  tampered = path.join(fixtureDir, 'tampered.warc');
  fs.writeFileSync(tampered, bytes);
  return () => fs.rmSync(fixtureDir, { recursive: true, force: true });
});

function newCase(): string {
  const file = path.join(tempDir(), 'case.dossier');
  runCliJson(['new', file, '--title', 'Captures']);
  return file;
}

describe('dossier capture', () => {
  it('imports, lists and shows a capture with --json, through dispatch', () => {
    const file = newCase();
    const imported = runCliJson<CaptureImportResult>(['capture', 'import', file, fixtures.wacz, '--create-sites']);
    expect(imported.capture).toMatchObject({ format: 'wacz', import_status: 'complete', tool: 'Dossier test crawler 1.2' });
    expect(imported.websites).toEqual([expect.objectContaining({ host: '127.0.0.1', created: true })]);
    const listed = runCliJson<(CaptureSummary & { pages: CapturePageInfo[] })[]>(['capture', 'list', file, imported.evidence_id]);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.pages.map((p) => p.url)).toEqual([`${fixtures.base}/`]);
    const page = runCliJson<CapturePageDetail>(['capture', 'show', file, listed[0]!.pages[0]!.id]);
    expect(page.record).toMatchObject({ ip: '127.0.0.1', http_status: 200, digest_status: 'verified' });
    expect(page.record!.record_id).toMatch(/^urn:uuid:/);
    expect(page.text).toContain('CAPTCHA service xyzzy');
    const human = runCli(['capture', 'show', file, page.id]);
    expect(human.stdout).toMatch(new RegExp(`Record id: +${page.record!.record_id}`));
    expect(human.stdout).toMatch(new RegExp(`Payload SHA-256: +${page.record!.payload_sha256}`));
  });

  it('custody names the capture tool from warcinfo', () => {
    const file = newCase();
    const imported = runCliJson<CaptureImportResult>(['capture', 'import', file, fixtures.warc]);
    const { events: custody } = runCliJson<{ events: { action: string; details: string | null; from_party: string | null }[] }>(['custody', file, imported.evidence_id]);
    const note = custody.find((c) => c.action === 'note')!;
    expect(note.details).toMatch(/^Capture tool: Dossier test crawler 1\.2/);
    expect(note.from_party).toBe('Dossier test crawler 1.2');
  });

  it('evidence verify re-checks every capture record and names the one whose digest fails (exit 4)', () => {
    const file = newCase();
    runCliJson(['capture', 'import', file, fixtures.warc]);
    const bad = runCliJson<CaptureImportResult>(['capture', 'import', file, tampered]);
    const badRecord = runCliJson<CapturePageDetail>(['capture', 'show', file, bad.pages[0]!.id]).record!;
    const result = runCli(['evidence', 'verify', file, '--json']);
    expect(result.status).toBe(4);
    const verdicts = JSON.parse(result.stdout) as { ok: boolean; message: string }[];
    expect(verdicts.map((v) => v.ok)).toEqual([true, false]);
    expect(verdicts[0]!.message).toMatch(/All 14 capture records verified/);
    expect(verdicts[1]!.message).toContain(badRecord.record_id);
    expect(verdicts[1]!.message).toContain(`at offset ${badRecord.offset}`);
    expect(verdicts[1]!.message).toContain('1 of 11 capture record(s) FAILED');
  });

  it('fails with one clear line for a missing file and for a file that is not a capture', () => {
    const file = newCase();
    const missing = runCli(['capture', 'import', file, path.join(fixtureDir, 'nope.warc')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/FILE_NOT_FOUND/);
    const text = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(text, 'just text');
    const notCapture = runCli(['capture', 'import', file, text]);
    expect(notCapture.status).toBe(2);
    expect(notCapture.stderr).toMatch(/not a web capture/);
  });

  it('says plainly when a capture states no usable time, and dates no lifecycle event for it', () => {
    const file = newCase();
    const warc = path.join(tempDir(), 'undated.warc');
    fs.writeFileSync(warc, handMadeWarc({ url: 'https://hotmailbox.me/shop', date: 'last thursday', html: '<title>Shop</title>' }));
    const result = runCli(['capture', 'import', file, warc, '--create-sites']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Websites linked as "captured": hotmailbox.me (added) (the capture states no usable time: no "evidence captured" date recorded)');
    const timeline = runCli(['timeline', file]).stdout;
    expect(timeline).not.toContain('last thursday');
  });

  it('exits 4 and says INCOMPLETE for a truncated capture, listing the problem with its offset', () => {
    const file = newCase();
    const bytes = fs.readFileSync(fixtures.warc);
    const cut = path.join(tempDir(), 'cut.warc');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    const result = runCli(['capture', 'import', file, cut]);
    expect(result.status).toBe(4);
    expect(result.stdout).toContain('INCOMPLETE');
    expect(result.stdout).toMatch(/offset \d+: Record urn:uuid:[0-9a-f-]+ at offset \d+ (is cut short|has no valid Content-Length)/);
  });

  it('an import interrupted by a crash shows as interrupted, and "capture reparse" parses it from the stored bytes', () => {
    const file = path.join(tempDir(), 'crashed.dossier');
    // The helper stores the exhibit and commits its capture as 'importing', then exits as a crash mid-parse would.
    const probe = execFileSync(TSX, [PROBE, 'interrupted', file, fixtures.warc], { encoding: 'utf8' });
    const { evidence_id } = JSON.parse(probe) as { evidence_id: string };
    const listed = runCliJson<CaptureSummary[]>(['capture', 'list', file, evidence_id]);
    expect(listed.map((c) => [c.import_status, c.record_count])).toEqual([['importing', 0]]);
    expect(runCli(['capture', 'list', file]).stdout).toContain(`INTERRUPTED: the import stopped before its records were parsed (run "dossier capture reparse FILE ${evidence_id}")`);
    expect(runCli(['info', file]).stdout).toContain(`web capture import INTERRUPTED; run "dossier capture reparse ${file} ${evidence_id}"`);

    const reparsed = runCliJson<CaptureImportResult>(['capture', 'reparse', file, evidence_id]);
    expect(reparsed.capture).toMatchObject({ id: listed[0]!.id, import_status: 'complete', problems: [] });
    expect(reparsed.capture.record_count).toBeGreaterThan(10);
    expect(reparsed.pages.map((p) => p.url)).toContain(`${fixtures.base}/`);
    expect(runCli(['info', file]).stdout).not.toContain('INTERRUPTED');

    // A finished capture is never parsed twice; an exhibit without a capture is named.
    const again = runCli(['capture', 'reparse', file, evidence_id]);
    expect(again.status).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/finished its import \(complete\); only a capture whose import was interrupted is parsed again/);
    const missing = runCli(['capture', 'reparse', file, '01a24f16-42ab-727d-91c4-b1b84de7a0a9']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/holds no web capture/);
  }, 180_000);

  it('refuses to import the same archive twice with one line naming the exhibit; --again records a second capture', () => {
    const file = newCase();
    const first = runCliJson<CaptureImportResult>(['capture', 'import', file, fixtures.warc]);
    const twice = runCli(['capture', 'import', file, fixtures.warc]);
    expect(twice.status).not.toBe(0);
    expect(twice.stderr.trim().split('\n')).toHaveLength(1);
    expect(twice.stderr).toContain(`is already in this case as ${first.capture.exhibit_label} (exhibit ${first.evidence_id}`);
    expect(twice.stderr).toContain('--again');
    const again = runCliJson<CaptureImportResult>(['capture', 'import', file, fixtures.warc, '--again']);
    expect(again.evidence_id).not.toBe(first.evidence_id);
    expect(runCliJson<CaptureSummary[]>(['capture', 'list', file]).map((c) => c.evidence_id)).toEqual([first.evidence_id, again.evidence_id]);
  }, 120_000);
});
