import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { noteService } from '../../../src-main/notes/noteService';
import { ALICE, newTestCase, track } from '../../helpers/testCase';

/**
 * A process killed inside a big write transaction leaves a hot journal beside the file and a
 * file whose header may promise pages that were never written. Opening it must let SQLite roll
 * the journal back, not refuse the file as truncated.
 */
describe('crash recovery', () => {
  it('opens a file left by a process killed mid-transaction, with the committed data intact', () => {
    const caseFile = newTestCase();
    noteService.create(caseFile, { title: 'committed before the crash', body: '' });
    const file = caseFile.path;
    closeCaseFile(caseFile);
    const sizeBefore = fs.statSync(file).size;
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(file)});
      db.pragma('journal_mode = DELETE');
      db.pragma('cache_size = 10');
      db.exec('BEGIN IMMEDIATE');
      const blob = Buffer.alloc(1 << 20, 7);
      db.exec('DROP TRIGGER IF EXISTS evidence_chunk_no_update');
      for (let i = 0; i < 40; i += 1) db.prepare("INSERT INTO device_meta (key, value) VALUES (?, ?)").run('junk' + i, blob.toString('hex'));
      process.kill(process.pid, 'SIGKILL');
    `;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: path.resolve(import.meta.dirname, '../../..') });
    expect(result.signal).toBe('SIGKILL');
    expect(fs.existsSync(`${file}-journal`)).toBe(true);
    // The worst moment to die: the new header (promising the grown size) is on disk, the pages
    // past the old end are not. The journal still holds everything needed to roll back.
    const fd = fs.openSync(file, 'r+');
    const header = Buffer.alloc(100);
    fs.readSync(fd, header, 0, 100, 0);
    header.writeUInt32BE(Math.ceil(fs.statSync(file).size / 65536) + 100, 28);
    header.writeUInt32BE(header.readUInt32BE(24), 92);
    fs.writeSync(fd, header, 0, 100, 0);
    fs.closeSync(fd);
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(sizeBefore);
    const reopened = track(openCaseFile(file, { actor: ALICE }));
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(noteService.list(reopened).items.map((n) => n.title)).toEqual(['committed before the crash']);
    expect(reopened.db.prepare("SELECT count(*) FROM device_meta WHERE key LIKE 'junk%'").pluck().get()).toBe(0);
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
  });
});
