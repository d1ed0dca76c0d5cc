import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';
import { makePng } from '../unit/packet/packetFixtures';

const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });

interface Placed {
  exhibitId: string;
  label: string;
  batesFirstLabel: string;
  batesLastLabel: string;
}

describe('what a filed packet states (issue 11)', () => {
  it('keeps Bates numbers when the same packet is exported again after an evidence verification', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const first = await dossierJson<{ exhibits: Placed[] }>(['packet', file, '--out', path.join(dir, 'a.pdf'), '--layout', 'combined', ...SIGNED]);
    const productionId = (first as unknown as { productionId: string }).productionId;
    expect((await dossier(['evidence', 'verify', file])).status).toBe(0);
    const again = await dossierJson<{ exhibits: Placed[] }>(['packet', file, '--production', productionId, '--out', path.join(dir, 'b.pdf')]);
    expect(again.exhibits.map((e) => e.batesFirstLabel)).toEqual(first.exhibits.map((e) => e.batesFirstLabel));
    expect(fs.readFileSync(path.join(dir, 'b.pdf')).equals(fs.readFileSync(path.join(dir, 'a.pdf')))).toBe(true);
  });

  it('refuses an execution date that is not a calendar date (exit 2)', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const result = await dossier(['packet', file, '--out', path.join(dir, 'x.pdf'), '--date', '2024-02-30', ...SIGNED]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--date is not a real calendar date/);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });

  it('refuses an execution date before the newest fact the declaration certifies (exit 2), in --check too', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    // The second exhibit was imported today: a declaration dated 2024-03-05 cannot certify it.
    const result = await dossier(['packet', file, '--out', path.join(dir, 'x.pdf'), '--date', '2024-03-05', ...SIGNED]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/before/);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
    const check = await dossier(['packet', file, '--check', '--date', '2024-03-05', ...SIGNED]);
    expect(check.status).toBe(2);
  });

  it('refuses a filing without a declarant instead of declaring as the computer user', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const result = await dossier(['packet', file, '--out', path.join(dir, 'x.pdf')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/declarant/i);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
    const check = await dossier(['packet', file, '--check']);
    expect(check.status).toBe(2);
    expect(check.stdout + check.stderr).toMatch(/declarant/i);
  });

  it('says "acquired" of a hash only where one was recorded at acquisition', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, ...SIGNED]);
    const text = pdftotext(out).replace(/\s+/g, ' ');
    const declaration = text.slice(text.indexOf('DECLARATION OF JANE ROE'), text.indexOf('INDEX OF EXHIBITS'));
    expect(declaration).not.toMatch(/recorded when the exhibit was acquired|has not been altered since it was acquired/);
    expect(declaration).toMatch(/computed when the file was imported into the case on/);
    expect(declaration).not.toMatch(/DECLARATION OF CLI TESTER|DECLARATION OF ROOT/);
    // The exhibit acquired on 2024-03-01 without a hash: the gap is stated, with the person recorded.
    expect(declaration).toMatch(/No hash was recorded when it was obtained on March 1, 2024 by A\. Investigator/);
  });

  it('says the hash matches the one recorded at acquisition when evidence add was given it, and refuses a file that does not match', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const shot = path.join(dir, 'capture.txt');
    fs.writeFileSync(shot, 'captured page\n');
    const sha = execFileSync('sha256sum', [shot], { encoding: 'utf8' }).slice(0, 64);
    const wrong = await dossier(['evidence', 'add', file, shot, '--acquired-at', '2024-03-02', '--acquired-by', 'B. Analyst', '--acquired-sha256', 'f'.repeat(64)]);
    expect(wrong.status).toBe(4);
    expect(wrong.stderr).toMatch(/does not match the SHA-256 recorded at acquisition/);
    expect((await dossierJson<{ items: unknown[] }>(['list', file, 'evidence'])).items).toHaveLength(2);
    const noDate = await dossier(['evidence', 'add', file, shot, '--acquired-sha256', sha]);
    expect(noDate.status).toBe(2);
    await dossierJson(['evidence', 'add', file, shot, '--acquired-at', '2024-03-02', '--acquired-by', 'B. Analyst', '--acquired-sha256', sha.toUpperCase()]);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, ...SIGNED]);
    const text = pdftotext(out).replace(/\s+/g, ' ');
    expect(text).toMatch(/Exhibit 3, “capture\.txt”: the SHA-256 value listed matches the hash recorded at acquisition on March 2, 2024 by B\. Analyst\./);
    expect(text).toMatch(/Exhibit 1, “storefront\.txt”: the SHA-256 value listed was computed when the file was imported into the case on/);
  });

  it('never presents the computer account that imported a file as a person', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const log = path.join(dir, 'root.log');
    fs.writeFileSync(log, 'imported by an account\n');
    await dossierJson(['evidence', 'add', file, log, '--actor', 'root']);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, ...SIGNED]);
    const text = pdftotext(out).replace(/\s+/g, ' ');
    expect(text).not.toMatch(/by root\b/);
    expect(text).toMatch(/For Exhibit 3, the case file records a computer account, not a person, as having imported it/);
    expect(text).toMatch(/recorded by the computer account “root”/);
  });

  it('prints no folder paths in the custody report', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, ...SIGNED]);
    const text = pdftotext(out);
    expect(text).not.toContain(dir);
    expect(text).not.toMatch(/\/tmp\//);
  });

  it('stops the export on what --check calls an error (exit 2), unless --force', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    // A photo of 1.4 MB that does not compress (noise): drawn as a page it makes more than 1 MB. (A
    // big log would not do: it is shown in 50 pages, and the check measures pages, not files.)
    let seed = 2463534242;
    const noise = (): number => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), (seed >>> 0) & 255);
    const photo = path.join(dir, 'photo.png');
    fs.writeFileSync(photo, makePng(700, 700, () => [noise(), noise(), noise()]));
    await dossierJson(['evidence', 'add', file, photo]);
    // One PDF (--layout combined) cannot hold an exhibit over the limit; the ECF layout would split it.
    const check = await dossierJson<{ severity: string; code: string }[]>(['packet', file, '--check', '--max-mb', '1', '--layout', 'combined', ...SIGNED]).catch(() => null);
    const checked = await dossier(['packet', file, '--check', '--max-mb', '1', '--layout', 'combined', ...SIGNED, '--json']);
    expect(check ?? JSON.parse(checked.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', code: 'EXHIBIT_OVER_LIMIT' })]));
    const out = path.join(dir, 'p.pdf');
    const refused = await dossier(['packet', file, '--out', out, '--max-mb', '1', '--layout', 'combined', ...SIGNED]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/EXHIBIT_OVER_LIMIT|more than the 1 MB/);
    expect(fs.existsSync(out)).toBe(false);
    // --force goes ahead and the packet's metadata says over what.
    const forced = await dossier(['packet', file, '--out', out, '--max-mb', '1', '--layout', 'combined', '--force', ...SIGNED, '--json']);
    expect(forced.status, forced.stderr).toBe(0);
    // The photo is in a volume of its own, after the one with the front matter.
    const volumes = (JSON.parse(forced.stdout) as { volumes: { path: string }[] }).volumes;
    expect(execFileSync('pdfinfo', [volumes[0]!.path], { encoding: 'utf8' })).toMatch(/Subject:.*exported with --force over 1 packet check error\(s\): EXHIBIT_OVER_LIMIT/);
    expect((await dossierJson<{ forced: boolean }[]>(['productions', file]))[0]!.forced).toBe(true);
  });
});
