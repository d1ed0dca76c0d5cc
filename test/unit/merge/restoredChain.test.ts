import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AuditEntry, hashAuditEntry } from '../../../src-main/audit/appendAudit';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { closeCaseFile } from '../../../src-main/casefile/openCaseFile';
import { takeCheckpoint, verifyHistory } from '../../../src-main/integrity/auditCheckpoint';
import { checkCaseFile } from '../../../src-main/integrity/checkCaseFile';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { noteService } from '../../../src-main/notes/noteService';
import { ALICE, BOB } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';
import { codeOf, copies, expectVerified, fileHash, records, reopen } from './mergeCopies';

afterEach(() => {
  vi.unstubAllEnvs();
});

function auditEntries(caseFile: CaseFile): unknown[] {
  return caseFile.db.prepare('SELECT chain, seq, hash FROM audit_entry ORDER BY chain, seq').all();
}

function restoredEntries(caseFile: CaseFile): { chain: string; detail: Record<string, unknown> }[] {
  return (caseFile.db.prepare("SELECT chain, detail FROM audit_entry WHERE action = 'case.restored'").all() as { chain: string; detail: string }[]).map((r) => ({
    chain: r.chain,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}

/**
 * Alice shares with Bob twice; between the shares she keeps a backup. Her file is then replaced by
 * that backup on a computer that never saw her chain (a fresh state folder: the register of chain
 * heads cannot tell), so only Bob's copy knows her chain went further than the file now does.
 */
function restoredAlice(): { a: CaseFile; b: CaseFile; chain: string; sharedHead: number; backupHead: number } {
  const { files, dir } = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]);
  let [a, b] = files as [CaseFile, CaseFile];
  noteService.create(a, { title: 'first share', body: '' });
  const chain = a.chain;
  closeCaseFile(a);
  mergeCaseFile(b, a.path);
  const backup = path.join(dir, 'a.backup.dossier');
  fs.copyFileSync(a.path, backup);
  a = reopen(a, ALICE);
  const backupHead = a.db.prepare('SELECT max(seq) FROM audit_entry WHERE chain = ?').pluck().get(chain) as number;
  noteService.create(a, { title: 'kept working', body: '' });
  noteService.create(a, { title: 'kept working 2', body: '' });
  closeCaseFile(a);
  mergeCaseFile(b, a.path);
  const sharedHead = b.db.prepare('SELECT max(seq) FROM audit_entry WHERE chain = ?').pluck().get(chain) as number;
  vi.stubEnv('DOSSIER_STATE_DIR', path.join(tempDir(), 'fresh-state'));
  const inode = fs.statSync(a.path).ino;
  fs.copyFileSync(backup, a.path);
  expect(fs.statSync(a.path).ino).toBe(inode);
  a = reopen(a, ALICE);
  b = reopen(b, BOB);
  return { a, b, chain, sharedHead, backupHead };
}

describe('a copy restored from a backup, found through a teammate (issue 17)', () => {
  it('written on after the restore: the merge moves it to a new chain, takes the teammate\'s entries, and both copies converge', async () => {
    let { a, b, chain, sharedHead, backupHead } = restoredAlice();
    noteService.create(a, { title: 'after the restore', body: '' });
    expect(a.chain).toBe(chain);
    const forked = a.db.prepare('SELECT seq, hash FROM audit_entry WHERE chain = ? AND seq > ? ORDER BY seq').all(chain, backupHead) as { seq: number; hash: string }[];
    expect(forked.length).toBeGreaterThan(0);
    // A packet exported now certifies the old chain as this copy holds it, fork included.
    const certified = takeCheckpoint(a.db, null, 'packet export');
    const rewritten = { ...certified.checkpoint, heads: certified.checkpoint.heads.map((h) => (h.chain === chain ? { ...h, headHash: 'f'.repeat(64) } : h)) };
    const report = mergeCaseFile(a, b.path);
    expect(a.chain).not.toBe(chain);
    expect(report.restored).toMatchObject({ previousChain: chain, chain: a.chain, forkSeq: backupHead + 1, movedEntries: forked.length });
    expect(report.restored!.message).toMatch(new RegExp(`restored from a backup: the other copy holds entries ${backupHead + 1}–${sharedHead} of .*written others since the restore.*new chain, ${a.chain}; the (entry|\\d+ entries) written here since the restore (was|were) moved onto it whole`));
    const [restored] = restoredEntries(a);
    expect(restored).toBeDefined();
    expect(restored!.chain).toBe(a.chain);
    expect(restored!.detail).toMatchObject({
      previous_chain: chain,
      file_head_seq: backupHead + forked.length,
      teammate_head_seq: sharedHead,
      fork_seq: backupHead + 1,
      from: 'b.dossier',
    });
    // What Alice wrote after the restore is kept, moved onto her new chain, its old positions named.
    expect(restored!.detail.moved).toEqual(forked.map((f) => ({ seq: f.seq, hash: f.hash })));
    expect(a.db.prepare("SELECT count(*) FROM audit_entry WHERE chain = ? AND action = 'note.create'").pluck().get(a.chain)).toBe(1);
    // Her old chain is now exactly what Bob holds of it.
    expect(a.db.prepare('SELECT seq, hash FROM audit_entry WHERE chain = ? ORDER BY seq').all(chain)).toEqual(
      b.db.prepare('SELECT seq, hash FROM audit_entry WHERE chain = ? ORDER BY seq').all(chain),
    );
    expect(noteService.list(a).items.map((n) => n.title).sort()).toEqual(['Second note', 'Shared note', 'after the restore', 'first share', 'kept working', 'kept working 2']);
    expectVerified(a);
    expect((await checkCaseFile(a)).ok).toBe(true);
    // That packet still verifies against the case: its head is proven moved, not lost; a head nobody wrote does not.
    expect(verifyHistory(a.db, certified.checkpoint, null, 'alice.pdf')).toMatchObject({ ok: true, problems: [] });
    expect(verifyHistory(a.db, rewritten, null, 'forged.pdf').problems).toEqual([expect.stringMatching(/the history was rewritten/)]);
    // Alice writes on her new chain; then both ways, twice: same state, then nothing left to do.
    noteService.create(a, { title: 'on the new chain', body: '' });
    expect(codeOf(() => mergeCaseFile(b, a.path))).toBe('done');
    expect(codeOf(() => mergeCaseFile(a, b.path))).toBe('done');
    expect(mergeCaseFile(b, a.path).unchanged).toBe(true);
    expect(mergeCaseFile(a, b.path).unchanged).toBe(true);
    expect(records(a)).toEqual(records(b));
    expect(auditEntries(a)).toEqual(auditEntries(b));
    expectVerified(b);
    expect((await checkCaseFile(b)).ok).toBe(true);
    // Reopened, Alice stays on her new chain.
    const newChain = a.chain;
    a = reopen(a, ALICE);
    noteService.create(a, { title: 'next session', body: '' });
    expect(a.chain).toBe(newChain);
    expect(restoredEntries(a)).toHaveLength(1);
  });

  it('not written on since the restore: the merge continues it on a new chain and brings the teammate\'s entries of the old one', async () => {
    const { a, b, chain, sharedHead, backupHead } = restoredAlice();
    expect(codeOf(() => mergeCaseFile(a, b.path))).toBe('done');
    expect(a.chain).not.toBe(chain);
    expect(restoredEntries(a)).toEqual([
      expect.objectContaining({ chain: a.chain, detail: expect.objectContaining({ previous_chain: chain, file_head_seq: backupHead, teammate_head_seq: sharedHead, moved: [] }) }),
    ]);
    expect(a.db.prepare('SELECT max(seq) FROM audit_entry WHERE chain = ?').pluck().get(chain)).toBe(sharedHead);
    expectVerified(a);
    expect(mergeCaseFile(b, a.path).inserted).toBeDefined();
    expect(mergeCaseFile(a, b.path).unchanged).toBe(true);
    expect(records(a)).toEqual(records(b));
    expect(auditEntries(a)).toEqual(auditEntries(b));
  });

  it('the teammate who receives the restored copy first is told what happened and what to do, and nothing is merged', () => {
    const { a, b, chain, backupHead } = restoredAlice();
    noteService.create(a, { title: 'after the restore', body: '' });
    closeCaseFile(a);
    const before = auditEntries(b);
    let message = '';
    try {
      mergeCaseFile(b, a.path);
    } catch (error) {
      message = (error as Error).message;
      expect((error as { code?: string }).code).toBe('AUDIT_CHAIN_BROKEN');
    }
    expect(message).toContain(`chain ${chain}`);
    expect(message).toContain(`entry ${backupHead + 1}`);
    expect(message).toMatch(/restored from a backup/);
    expect(message).toMatch(/merge .*b\.dossier into .*a\.dossier first/);
    expect(auditEntries(b)).toEqual(before);
  });
});

describe('a teammate copy that claims more of my chain than this computer wrote', () => {
  it('is refused as altered when this computer registered exactly what my file holds: nothing is taken or moved', () => {
    const { files } = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]);
    let [a, b] = files as [CaseFile, CaseFile];
    noteService.create(a, { title: 'mine', body: '' });
    const chain = a.chain;
    a = reopen(a, ALICE);
    mergeCaseFile(b, a.path);
    closeCaseFile(b);
    // Bob's copy gets a forged continuation of Alice's chain, correctly hashed.
    const forged = new Database(b.path);
    forged.exec('DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete;');
    const last = forged.prepare('SELECT * FROM audit_entry WHERE chain = ? ORDER BY seq DESC LIMIT 1').get(chain) as AuditEntry;
    const unhashed = { ...last, seq: last.seq + 1, prev_hash: last.hash, action: 'note.delete', detail: '{}', seal_digest: null };
    const { hash: _h, ...rest } = unhashed;
    forged.prepare('INSERT INTO audit_entry (chain, seq, at, actor, action, record_kind, record_id, detail, prev_hash, hash, seal_digest) VALUES (@chain, @seq, @at, @actor, @action, @record_kind, @record_id, @detail, @prev_hash, @hash, @seal_digest)').run({ ...rest, hash: hashAuditEntry(rest) });
    forged.close();
    const before = auditEntries(a);
    let message = '';
    try {
      mergeCaseFile(a, b.path);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`b\\.dossier holds entries of this copy's own audit chain ${chain} from ${last.seq + 1} on that this computer never wrote.*altered\\. Nothing was merged`));
    expect(auditEntries(a)).toEqual(before);
    expect(a.chain).toBe(chain);
  });
});

describe('a restore found by a merge that then fails', () => {
  it('leaves the copy on its old chain, with no restore entry: the whole merge is undone', () => {
    const { a, b, chain } = restoredAlice();
    closeCaseFile(b);
    const altered = new Database(b.path);
    altered.exec('ALTER TABLE redaction DROP COLUMN reason');
    altered.close();
    const replicaBefore = a.db.prepare("SELECT value FROM device_meta WHERE key = 'replica'").pluck().get();
    expect(codeOf(() => mergeCaseFile(a, b.path))).toBe('CASE_FILE_CORRUPT');
    expect(restoredEntries(a)).toEqual([]);
    expect(a.db.prepare("SELECT value FROM device_meta WHERE key = 'replica'").pluck().get()).toBe(replicaBefore);
    noteService.create(a, { title: 'after the failed merge', body: '' });
    expect(a.chain).toBe(chain);
    expect(a.db.prepare("SELECT action FROM audit_entry WHERE chain = ? ORDER BY seq DESC LIMIT 1").pluck().get(chain)).toBe('note.create');
  });
});

describe('looking for a restore changes nothing by itself', () => {
  it('a fresh copy (never written) merging a copy with nothing new stays byte-identical and says so', () => {
    const { files } = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]);
    const [a, b] = files as [CaseFile, CaseFile];
    const before = fileHash(b.path);
    expect(mergeCaseFile(b, a.path).unchanged).toBe(true);
    expect(fileHash(b.path)).toBe(before);
    closeCaseFile(b);
    expect(fileHash(b.path)).toBe(before);
  });
});
