import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../../src-main/contract/errors';
import { listCustody } from '../../../src-main/evidence/custody';
import { extractEvidence } from '../../../src-main/evidence/extractEvidence';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { orderService } from '../../../src-main/orders/orderService';
import { writeOutputFile } from '../../../src-main/outputs/writeOutputFile';
import { exportCasePacket } from '../../../src-main/packet/exportCasePacket';
import { writeAppendixCsv } from '../../../src-main/websites/appendixCsv';
import { fileSha256 } from '../../helpers/fileHash';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';
import { tinyDisk } from '../../helpers/tinyDisk';
import { writeBulkFile, writeFile } from '../evidence/evidenceFiles';

async function failure(promise: Promise<unknown>): Promise<DossierError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DossierError);
  return error as DossierError;
}

async function caseWithExhibit(bytes = 64 * 1024) {
  const cf = newTestCase();
  const { items } = await importEvidence(cf, [writeBulkFile(tempDir(), 'capture.bin', bytes, 3)]);
  return { cf, exhibit: items[0]!.evidence };
}

describe('output files on a full disk', () => {
  it('evidence extract onto a 4 KiB disk fails with DISK_FULL, leaves nothing and records no successful custody', async () => {
    const { cf, exhibit } = await caseWithExhibit();
    const disk = tinyDisk();
    const error = await failure(extractEvidence(cf, exhibit.id, path.join(disk, 'copy.bin')));
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toContain('copy.bin');
    expect(fs.readdirSync(disk)).toEqual([]);
    expect(listCustody(cf, exhibit.id).filter((e) => e.action === 'extracted')).toEqual([]);
  });

  it('a packet onto a 4 KiB disk fails with DISK_FULL and leaves nothing', async () => {
    const { cf } = await caseWithExhibit(8 * 1024);
    const disk = tinyDisk();
    const error = await failure(exportCasePacket(cf, path.join(disk, 'packet.pdf'), { profile: 'generic-50mb', declarant: { name: 'Jane Roe' } }));
    expect(error.code).toBe('DISK_FULL');
    expect(fs.readdirSync(disk)).toEqual([]);
    expect(cf.db.prepare('SELECT count(*) FROM packet_export').pluck().get()).toBe(0);
  });

  it('an appendix CSV onto a full disk fails with DISK_FULL and leaves nothing', () => {
    const cf = newTestCase();
    const order = orderService.create(cf, { title: 'TRO', docket: '1:23-cv-1', court: 'SDNY', order_type: 'ex_parte_tro' });
    const disk = tinyDisk();
    fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(4096));
    const error = (() => {
      try {
        writeAppendixCsv(cf, order.id, path.join(disk, 'appendix.csv'));
      } catch (e) {
        return e as DossierError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DossierError);
    expect(error!.code).toBe('DISK_FULL');
    expect(fs.readdirSync(disk)).toEqual(['filler']);
  });
});

describe('output files where writing is not allowed', () => {
  it('a read-only disk gives OUTPUT_READ_ONLY_FILESYSTEM, an immutable folder OUTPUT_PERMISSION_DENIED; nothing is recorded', async () => {
    const { cf, exhibit } = await caseWithExhibit();
    const readOnly = tinyDisk(4096, { readOnly: true });
    expect((await failure(extractEvidence(cf, exhibit.id, path.join(readOnly, 'copy.bin')))).code).toBe('OUTPUT_READ_ONLY_FILESYSTEM');
    const locked = tempDir();
    execFileSync('chattr', ['+i', locked]); // refuses even root, as a locked share or USB stick would
    try {
      const error = await failure(extractEvidence(cf, exhibit.id, path.join(locked, 'copy.bin')));
      expect(error.code).toBe('OUTPUT_PERMISSION_DENIED');
      expect(error.message).toMatch(/nothing was written/);
    } finally {
      execFileSync('chattr', ['-i', locked]);
    }
    expect(fs.readdirSync(locked)).toEqual([]);
    expect(listCustody(cf, exhibit.id).filter((e) => e.action === 'extracted')).toEqual([]);
  });
});

describe('output files never replace the case file or an existing file', () => {
  it('extract onto the open case file is refused even with overwrite, by path, symlink and hard link', async () => {
    const { cf, exhibit } = await caseWithExhibit();
    const before = fileSha256(cf.path);
    const link = path.join(tempDir(), 'alias.dossier');
    fs.symlinkSync(cf.path, link);
    const hard = path.join(path.dirname(cf.path), 'hard.dossier');
    fs.linkSync(cf.path, hard);
    for (const target of [cf.path, link, hard]) {
      const error = await failure(extractEvidence(cf, exhibit.id, target, { overwrite: true }));
      expect(error.code).toBe('OUTPUT_IS_CASE_FILE');
    }
    expect(fileSha256(cf.path)).toBe(before);
    expect(fs.readdirSync(path.dirname(cf.path)).filter((n) => n.endsWith('part'))).toEqual([]);
  });

  it('a packet onto the case file is refused, and over an existing file only with overwrite', async () => {
    const { cf } = await caseWithExhibit(8 * 1024);
    const before = fileSha256(cf.path);
    expect((await failure(exportCasePacket(cf, cf.path, { profile: 'generic-50mb', declarant: { name: 'Jane Roe' } }, { overwrite: true }))).code).toBe('OUTPUT_IS_CASE_FILE');
    expect(fileSha256(cf.path)).toBe(before);
    const taken = writeFile(tempDir(), 'filed.pdf', 'the packet that was filed');
    expect((await failure(exportCasePacket(cf, taken, { profile: 'generic-50mb', declarant: { name: 'Jane Roe' } }))).code).toBe('FILE_EXISTS');
    expect(fs.readFileSync(taken, 'utf8')).toBe('the packet that was filed');
    expect(fs.readdirSync(path.dirname(taken))).toEqual(['filed.pdf']);
    const result = await exportCasePacket(cf, taken, { profile: 'generic-50mb', declarant: { name: 'Jane Roe' } }, { overwrite: true });
    expect(fileSha256(taken)).toBe(result.volumes[0]!.sha256);
    expect(fs.readdirSync(path.dirname(taken))).toEqual(['filed.pdf']);
  });

  it('when custody cannot be recorded, no output file is left and the error says so', async () => {
    const { cf, exhibit } = await caseWithExhibit();
    cf.db.exec("CREATE TEMP TRIGGER custody_blocked BEFORE INSERT ON main.custody_event BEGIN SELECT RAISE(ABORT, 'custody write refused'); END;");
    const dir = tempDir();
    const error = await failure(extractEvidence(cf, exhibit.id, path.join(dir, 'copy.bin')));
    expect(error.message).toMatch(/nothing was written/i);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a packet whose records cannot be written leaves no PDF', async () => {
    const { cf } = await caseWithExhibit(8 * 1024);
    cf.db.exec("CREATE TEMP TRIGGER packet_blocked BEFORE INSERT ON main.packet_export BEGIN SELECT RAISE(ABORT, 'packet record refused'); END;");
    const dir = tempDir();
    await failure(exportCasePacket(cf, path.join(dir, 'p.pdf'), { profile: 'generic-50mb', declarant: { name: 'Jane Roe' } }));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('writes outputs with mode 0600 and the bytes on disk match what custody records', async () => {
    const { cf, exhibit } = await caseWithExhibit();
    const out = path.join(tempDir(), 'copy.bin');
    await extractEvidence(cf, exhibit.id, out);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(listCustody(cf, exhibit.id).at(-1)!.hash_seen).toBe(fileSha256(out));
  });
});

describe('output files from producers that reuse their buffer', () => {
  it('a producer refilling one 2 MiB buffer after each write gets exactly what it wrote, in order', async () => {
    const target = path.join(tempDir(), 'reused.bin');
    const buffer = Buffer.alloc(2 * 1024 * 1024 + 123);
    const expected: Buffer[] = [];
    const written = await writeOutputFile(target, { caseFile: null }, async (sink) => {
      for (let round = 0; round < 8; round += 1) {
        buffer.fill(round + 1);
        expected.push(Buffer.from(buffer));
        await sink.write(buffer); // the buffer is refilled at once: the sink must not still be writing it
      }
    });
    const onDisk = fs.readFileSync(target);
    expect(onDisk.equals(Buffer.concat(expected))).toBe(true);
    expect(written.bytes).toBe(onDisk.length);
  });
});

describe('output files are read back and compared before they get their name', () => {
  /** The temp file writeOutputFile is filling in `dir` (named `<target>.dossier-part...`). */
  function partFile(dir: string): string {
    const parts = fs.readdirSync(dir).filter((name) => name.includes('dossier-part'));
    expect(parts).toHaveLength(1);
    return path.join(dir, parts[0]!);
  }

  it('a byte changed on disk behind the writer gives OUTPUT_VERIFY_FAILED naming where, and leaves nothing', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'flaky.bin');
    const error = await failure(
      writeOutputFile(target, { caseFile: null }, async (sink) => {
        const block = Buffer.alloc(1024 * 1024, 7);
        for (let i = 0; i < 4; i += 1) await sink.write(block);
        // What a flaky stick does: a byte already written reads back different.
        const fd = fs.openSync(partFile(dir), 'r+');
        fs.writeSync(fd, Buffer.from([8]), 0, 1, 1024 * 1024 + 5);
        fs.closeSync(fd);
        await sink.write(block);
      }),
    );
    expect(error.code).toBe('OUTPUT_VERIFY_FAILED');
    expect(error.message).toMatch(/bytes 1,048,576-2,097,151/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a large output is read back with its hash on a worker thread: the same hash, the same refusal', async () => {
    const dir = tempDir();
    const block = randomBytes(1024 * 1024);
    const blocks = 40; // above HASH_THREAD_MIN_BYTES (32 MiB): read back on two threads
    const write = (name: string, alter: boolean) =>
      writeOutputFile(path.join(dir, name), { caseFile: null }, async (sink) => {
        for (let i = 0; i < blocks; i += 1) await sink.write(block);
        if (!alter) return;
        const fd = fs.openSync(partFile(dir), 'r+');
        fs.writeSync(fd, Buffer.from([block[7]! ^ 0xff]), 0, 1, 33 * 1024 * 1024 + 7);
        fs.closeSync(fd);
      });
    const written = await write('large.bin', false);
    expect(written).toMatchObject({ bytes: blocks * block.length, sha256: fileSha256(path.join(dir, 'large.bin')) });
    const error = await failure(write('large-flaky.bin', true));
    expect(error.code).toBe('OUTPUT_VERIFY_FAILED');
    expect(error.message).toMatch(/bytes 34,603,008-35,651,583/);
    expect(fs.readdirSync(dir)).toEqual(['large.bin']);
  });

  it('a reserved part filled at the end lands in place, and is checked like the rest', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'patched.bin');
    const head = Buffer.from('HEAD');
    const body = Buffer.alloc(3 * 1024 * 1024 + 17, 5);
    const late = Buffer.alloc(70_000, 9);
    const written = await writeOutputFile(target, { caseFile: null }, async (sink) => {
      await sink.write(head);
      const reserved = await sink.reserve(late.length);
      await sink.write(body);
      await sink.fill(reserved, late);
    });
    const expected = Buffer.concat([head, late, body]);
    expect(fs.readFileSync(target).equals(expected)).toBe(true);
    expect(written).toMatchObject({ bytes: expected.length, sha256: fileSha256(target) });

    // The filled part is compared too: changed on disk after the fill, the output is refused.
    const error = await failure(
      writeOutputFile(path.join(dir, 'patched-flaky.bin'), { caseFile: null }, async (sink) => {
        await sink.write(head);
        const reserved = await sink.reserve(late.length);
        await sink.write(body);
        await sink.fill(reserved, late);
        const fd = fs.openSync(partFile(dir), 'r+');
        fs.writeSync(fd, Buffer.from([0]), 0, 1, head.length + 100);
        fs.closeSync(fd);
      }),
    );
    expect(error.code).toBe('OUTPUT_VERIFY_FAILED');
    expect(fs.readdirSync(dir)).toEqual(['patched.bin']);
  });

  it('a reserved part never filled, or filled with the wrong length, is an error and leaves nothing', async () => {
    const dir = tempDir();
    await expect(
      writeOutputFile(path.join(dir, 'unfilled.bin'), { caseFile: null }, async (sink) => {
        await sink.reserve(10);
        await sink.write(Buffer.from('tail'));
      }),
    ).rejects.toThrow(/reserved .* never filled/);
    await expect(
      writeOutputFile(path.join(dir, 'short.bin'), { caseFile: null }, async (sink) => {
        const reserved = await sink.reserve(10);
        await sink.fill(reserved, Buffer.alloc(9));
      }),
    ).rejects.toThrow(/10 bytes were reserved, 9 given/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
