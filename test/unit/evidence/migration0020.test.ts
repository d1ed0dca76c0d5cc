import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DOSSIER_APPLICATION_ID } from '../../../src-main/casefile/CaseFile';
import { openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { initialSchema } from '../../../src-main/casefile/migrations/0010-initial';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, track } from '../../helpers/testCase';

const SHA = 'a'.repeat(64);

describe('migration 0020 evidence-vault', () => {
  it('upgrades a schema-1 file: old chunks stay immutable, pending chunks may be re-keyed once', () => {
    const file = path.join(tempDir(), 'old.dossier');
    const old = new Database(file);
    old.pragma('page_size = 65536');
    old.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    initialSchema.up(old);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO evidence_content VALUES (?, ?, ?, 3, 1, '2024-01-01T00:00:00.000Z')").run(SHA, 'b'.repeat(40), 'c'.repeat(32));
    old.prepare("INSERT INTO evidence_chunk VALUES (?, 0, x'010203')").run(SHA);
    old.close();

    const cf = track(openCaseFile(file, { actor: ALICE }));
    const { db } = cf;
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT hex(data) FROM evidence_chunk').pluck().get()).toBe('010203');
    expect(() => db.prepare("UPDATE evidence_chunk SET data = x'00'").run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE evidence_chunk SET content_sha256 = ?').run('d'.repeat(64))).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM evidence_chunk').run()).toThrow(/append-only/);
    // Content addresses are lower-case hex; chunk keys are hex or pending.
    expect(() => db.prepare("INSERT INTO evidence_content VALUES (?, ?, ?, 0, 0, 'x')").run(`pending-${'0'.repeat(56)}`, 'b'.repeat(40), 'c'.repeat(32))).toThrow(/64 lowercase hex/);
    expect(() => db.prepare("INSERT INTO evidence_chunk VALUES ('nonsense', 0, x'00')").run()).toThrow(/SHA-256 or a pending key/);

    db.exec('BEGIN');
    db.pragma('defer_foreign_keys = ON');
    const pending = `pending-${'1'.repeat(56)}`;
    db.prepare("INSERT INTO evidence_chunk VALUES (?, 0, x'ff')").run(pending);
    expect(() => db.prepare('UPDATE evidence_chunk SET seq = 5 WHERE content_sha256 = ?').run(pending)).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE evidence_chunk SET content_sha256 = 'UPPERCASE' WHERE content_sha256 = ?").run(pending)).toThrow(/append-only/);
    // A pending chunk can never be committed: its key matches no content row.
    expect(() => db.exec('COMMIT')).toThrow(/FOREIGN KEY/);
    db.exec('ROLLBACK');
    expect(db.prepare('SELECT count(*) FROM evidence_chunk').pluck().get()).toBe(1);

    // The one allowed change: pending key -> real content address, in the importing transaction.
    const real = 'e'.repeat(64);
    db.exec('BEGIN');
    db.pragma('defer_foreign_keys = ON');
    db.prepare("INSERT INTO evidence_chunk VALUES (?, 0, x'ff')").run(pending);
    db.prepare("INSERT INTO evidence_content VALUES (?, ?, ?, 1, 1, 'x')").run(real, 'b'.repeat(40), 'c'.repeat(32));
    expect(db.prepare('UPDATE evidence_chunk SET content_sha256 = ? WHERE content_sha256 = ?').run(real, pending).changes).toBe(1);
    db.exec('COMMIT');
    expect(() => db.prepare('UPDATE evidence_chunk SET content_sha256 = ? WHERE content_sha256 = ?').run(SHA, real)).toThrow(/append-only/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'evidence_text'").pluck().get()).toBe(1);
  });
});
