import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../../src-main/contract/errors';
import { listCustody } from '../../../src-main/evidence/custody';
import { extractEvidence } from '../../../src-main/evidence/extractEvidence';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { writeOutputFile } from '../../../src-main/outputs/writeOutputFile';
import { exportCasePacket } from '../../../src-main/packet/exportCasePacket';
import { fileSha256 } from '../../helpers/fileHash';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, newTestCase } from '../../helpers/testCase';
import { writeBulkFile } from '../evidence/evidenceFiles';
import { shareCase } from '../../../src-main/share/shareCase';
import { makeTeam } from '../share/shareFixtures';
import { teamCase } from '../share/teamFixtures';

async function failure(promise: Promise<unknown>): Promise<DossierError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DossierError);
  return error as DossierError;
}

async function caseWithExhibit() {
  const cf = newTestCase();
  const { items } = await importEvidence(cf, [writeBulkFile(tempDir(), 'capture.bin', 16 * 1024, 3)]);
  return { cf, exhibit: items[0]!.evidence };
}

/** The names SQLite gives the files beside a database: rollback journal, WAL, shared memory, super-journal. */
const SIDE_SUFFIXES = ['-journal', '-wal', '-shm', '-mj0A1B2C3D'];

describe("outputs never take the name of the case file's SQLite side files", () => {
  it('extract onto <case>-journal, -wal, -shm or a super-journal name is refused with OUTPUT_IS_CASE_FILE, with or without overwrite; nothing is written or recorded', async () => {
    const { cf, exhibit } = await caseWithExhibit();
    const before = fileSha256(cf.path);
    for (const suffix of SIDE_SUFFIXES) {
      for (const overwrite of [false, true]) {
        const error = await failure(extractEvidence(cf, exhibit.id, `${cf.path}${suffix}`, { overwrite }));
        expect(error.code).toBe('OUTPUT_IS_CASE_FILE');
        expect(error.message).toContain(suffix);
        expect(fs.existsSync(`${cf.path}${suffix}`)).toBe(false);
      }
    }
    expect(fileSha256(cf.path)).toBe(before);
    expect(listCustody(cf, exhibit.id).filter((e) => e.action === 'extracted')).toEqual([]);
    expect(fs.readdirSync(path.dirname(cf.path)).sort()).toEqual([path.basename(cf.path)]);
  });

  it('the journal name reached through a symlinked folder is refused too', async () => {
    const { cf, exhibit } = await caseWithExhibit();
    const alias = path.join(tempDir(), 'alias');
    fs.symlinkSync(path.dirname(cf.path), alias);
    const error = await failure(extractEvidence(cf, exhibit.id, path.join(alias, `${path.basename(cf.path)}-journal`), { overwrite: true }));
    expect(error.code).toBe('OUTPUT_IS_CASE_FILE');
    expect(listCustody(cf, exhibit.id).filter((e) => e.action === 'extracted')).toEqual([]);
  });

  it('a case opened through a symlink: the journal beside the real file is refused (SQLite writes it there)', async () => {
    const { cf } = await caseWithExhibit();
    const link = path.join(tempDir(), 'link.dossier');
    fs.symlinkSync(cf.path, link);
    const opened = { ...cf, path: link } as typeof cf;
    const error = await failure(writeOutputFile(`${cf.path}-journal`, { caseFile: opened }, async (sink) => sink.write(Buffer.from('x'))));
    expect(error.code).toBe('OUTPUT_IS_CASE_FILE');
    expect((await failure(writeOutputFile(`${link}-journal`, { caseFile: opened }, async (sink) => sink.write(Buffer.from('x'))))).code).toBe('OUTPUT_IS_CASE_FILE');
  });

  it('a packet and a plain output onto the journal name are refused', async () => {
    const { cf } = await caseWithExhibit();
    expect((await failure(exportCasePacket(cf, `${cf.path}-journal`, { profile: 'generic-50mb', declarant: { name: 'Jane Roe' } }, { overwrite: true }))).code).toBe('OUTPUT_IS_CASE_FILE');
    expect((await failure(writeOutputFile(`${cf.path}-wal`, { caseFile: cf, overwrite: true }, async (sink) => sink.write(Buffer.from('x'))))).code).toBe('OUTPUT_IS_CASE_FILE');
    expect(fs.readdirSync(path.dirname(cf.path)).sort()).toEqual([path.basename(cf.path)]);
  });

  it('a share onto the journal name is refused', async () => {
    const [alice, bob] = await makeTeam('Alice Example', 'Bob Builder');
    const aliceCase = teamCase(ALICE, [alice!, bob!], 1);
    const error = await failure(shareCase(aliceCase, { sender: alice!, to: ['Bob'] }, `${aliceCase.path}-journal`));
    expect(error.code).toBe('OUTPUT_IS_CASE_FILE');
    expect(fs.existsSync(`${aliceCase.path}-journal`)).toBe(false);
  });

  it('the journal name in other letter case is refused (on a FAT/exFAT stick it is the same file)', async () => {
    const { cf, exhibit } = await caseWithExhibit();
    const upper = path.join(path.dirname(cf.path), `${path.basename(cf.path).toUpperCase()}-JOURNAL`);
    expect((await failure(extractEvidence(cf, exhibit.id, upper, { overwrite: true }))).code).toBe('OUTPUT_IS_CASE_FILE');
  });

  it('a name that only starts like a side file is an ordinary output', async () => {
    const { cf, exhibit } = await caseWithExhibit();
    const out = `${cf.path}-journal.bin`;
    const written = await extractEvidence(cf, exhibit.id, out);
    expect(fileSha256(out)).toBe(written.sha256);
  });
});

describe('an output is reported written only if it is still on disk after the case saved', () => {
  it('a name SQLite deletes at commit that the name check did not foresee gives OUTPUT_VERIFY_FAILED, never "written"', async () => {
    const { cf, exhibit } = await caseWithExhibit();
    // The case as if opened under a name whose journal is not this one: the name check cannot see
    // that the target is the live journal, as with a side-file name nobody foresaw.
    const elsewhere = path.join(tempDir(), 'elsewhere.dossier');
    fs.copyFileSync(cf.path, elsewhere);
    const unforeseen = Object.create(cf, { path: { value: elsewhere } }) as typeof cf;
    const target = `${cf.path}-journal`;
    const error = await failure(extractEvidence(unforeseen, exhibit.id, target, { overwrite: true }));
    expect(error.code).toBe('OUTPUT_VERIFY_FAILED');
    expect(error.message).toContain(target);
    expect(error.message).toMatch(/no longer there/);
    expect(fs.existsSync(target)).toBe(false);
  });
});
