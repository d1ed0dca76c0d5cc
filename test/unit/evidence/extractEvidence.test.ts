import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../../src-main/contract/errors';
import { listCustody } from '../../../src-main/evidence/custody';
import { extractEvidence } from '../../../src-main/evidence/extractEvidence';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';
import { writeBulkFile, writeFile } from './evidenceFiles';

async function failure(promise: Promise<unknown>): Promise<DossierError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DossierError);
  return error as DossierError;
}

describe('extractEvidence', () => {
  it('writes the original bytes back, identical (cmp), and records custody', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const original = writeBulkFile(dir, 'disk.img', 9 * 1024 * 1024 + 17, 8);
    const { items } = await importEvidence(cf, [original]);
    const exhibit = items[0]!.evidence;
    const out = path.join(tempDir(), 'copy.img');
    const result = await extractEvidence(cf, exhibit.id, out);
    expect(result).toEqual({ path: out, bytes: exhibit.size_bytes, sha256: exhibit.sha256 });
    execFileSync('cmp', [original, out]);
    expect(listCustody(cf, exhibit.id).at(-1)).toMatchObject({ action: 'extracted', result: 'ok', location: out, hash_seen: exhibit.sha256 });
    expect(fs.readdirSync(path.dirname(out))).toEqual(['copy.img']);
  });

  it('never overwrites an existing file unless asked', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const { items } = await importEvidence(cf, [writeFile(dir, 'a.txt', 'evidence bytes')]);
    const id = items[0]!.evidence.id;
    const out = writeFile(tempDir(), 'taken.txt', 'do not clobber');
    expect((await failure(extractEvidence(cf, id, out))).code).toBe('FILE_EXISTS');
    expect(fs.readFileSync(out, 'utf8')).toBe('do not clobber');
    await extractEvidence(cf, id, out, { overwrite: true });
    expect(fs.readFileSync(out, 'utf8')).toBe('evidence bytes');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['taken.txt']);
  });

  it('refuses a missing folder or a folder as the target, and extracts empty files', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const { items } = await importEvidence(cf, [writeFile(dir, 'empty.bin', '')]);
    const id = items[0]!.evidence.id;
    expect((await failure(extractEvidence(cf, id, path.join(dir, 'no-such-folder', 'x.bin')))).code).toBe('FILE_NOT_FOUND');
    expect((await failure(extractEvidence(cf, id, dir))).code).toBe('INVALID_REQUEST');
    const out = path.join(dir, 'out.bin');
    await extractEvidence(cf, id, out);
    expect(fs.statSync(out).size).toBe(0);
  });

  it('refuses to extract bytes that no longer match their hash, leaving no file', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const { items } = await importEvidence(cf, [writeFile(dir, 'doc.txt', 'the original text')]);
    const exhibit = items[0]!.evidence;
    cf.db.exec('DROP TRIGGER evidence_chunk_no_update');
    cf.db.prepare("UPDATE evidence_chunk SET data = CAST('the altered  text' AS BLOB) WHERE content_sha256 = ?").run(exhibit.sha256);
    const outDir = tempDir();
    const error = await failure(extractEvidence(cf, exhibit.id, path.join(outDir, 'doc.txt')));
    expect(error.code).toBe('EVIDENCE_HASH_MISMATCH');
    expect(fs.readdirSync(outDir)).toEqual([]);
    expect(listCustody(cf, exhibit.id).at(-1)).toMatchObject({ action: 'extracted', result: 'mismatch' });
  });
});
