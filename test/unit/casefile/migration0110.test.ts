import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src-main/casefile/migrations/index';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { productionOverlaps } from '../../../src-main/merge/productionOverlaps';
import { tempDir } from '../../helpers/tempDir';
import { freshDatabase } from './freshDatabase';
import { ALICE } from '../../helpers/testCase';

const columns = `id, kind, record_table, record_id, other_record_id, fields, kept_value, lost_value, kept_hlc, lost_hlc, kept_by, lost_by, kept_at, lost_at,
  resolution, resolved_value, resolved_at, resolved_by, hlc`;

function insertConflict(db: Database.Database, id: string, kind: string, resolved: boolean): void {
  db.prepare(`INSERT INTO merge_conflict (${columns}) VALUES (?, ?, 'note', 'n1', NULL, '["body"]', '{"body":"kept"}', '{"body":"lost"}', 'h2', 'h1', 'Alice', 'Bob', 't2', 't1', ?, ?, ?, ?, 'h3')`).run(
    id,
    kind,
    resolved ? 'kept' : null,
    resolved ? '{"body":"kept"}' : null,
    resolved ? 't4' : null,
    resolved ? 'Alice' : null,
  );
}

/** Productions as two copies made them before meeting: p1 and p2 overlap on STORM-, p3 is a draft, p4 another prefix. */
function insertProductions(db: Database.Database): void {
  const insert = db.prepare(
    `INSERT INTO production (id, created_at, created_by, cutoff_at, draft, bates_prefix, bates_padding, bates_first, bates_last, exhibit_ids, frozen_input, hlc)
     VALUES (?, ?, ?, 'x', ?, ?, 6, ?, ?, '[]', '{}', ?)`,
  );
  insert.run('p1', '2024-09-01T10:00:00.000Z', 'Alice', 0, 'STORM-', 1, 12, '1725184800000.0000.alice');
  insert.run('p2', '2024-09-01T11:00:00.000Z', 'Bob', 0, 'STORM-', 1, 30, '1725188400000.0000.bob');
  insert.run('p3', '2024-09-01T12:00:00.000Z', 'Bob', 1, 'STORM-', 1, 30, '1725192000000.0000.bob');
  insert.run('p4', '2024-09-01T12:00:00.000Z', 'Bob', 0, 'OTHER-', 1, 30, '1725192000000.0001.bob');
}


function schemaOf(db: Database.Database, names: readonly string[]): string[] {
  return db.prepare(`SELECT type || ' ' || name FROM sqlite_master WHERE tbl_name IN (${names.map(() => '?').join(', ')}) ORDER BY 1`).pluck().all(...names) as string[];
}

describe('migration 0110 bates-overlap conflicts', () => {
  it('upgrades a version-10 case file holding conflicts: rows, indexes and the no-delete rule kept; bates_overlap accepted, unknown kinds still refused', () => {
    const file = path.join(tempDir(), 'before.dossier');
    const db = freshDatabase(file, 10);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    insertConflict(db, 'c-open', 'edit_edit', false);
    insertConflict(db, 'c-done', 'duplicate', true);
    expect(() => insertConflict(db, 'c-bates', 'bates_overlap', false)).toThrow(/CHECK/);
    const before = db.prepare('SELECT * FROM merge_conflict ORDER BY id').all();
    const objectsBefore = schemaOf(db, ['merge_conflict']);
    db.close();

    const caseFile = openCaseFile(file, { actor: ALICE });
    try {
      const d = caseFile.db;
      expect(d.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(d.prepare('SELECT * FROM merge_conflict ORDER BY id').all()).toEqual(before);
      expect(schemaOf(d, ['merge_conflict'])).toEqual(objectsBefore);
      expect(d.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'merge_conflict_v%'").pluck().get()).toBe(0);
      // The open-conflicts index still answers the badge's question.
      const plan = d.prepare('EXPLAIN QUERY PLAN SELECT count(*) FROM merge_conflict WHERE resolution IS NULL').all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/merge_conflict_open/);
      insertConflict(d as Database.Database, 'c-bates', 'bates_overlap', false);
      expect(() => insertConflict(d as Database.Database, 'c-bad', 'page_overlap', false)).toThrow(/CHECK/);
      expect(() => d.prepare("DELETE FROM merge_conflict WHERE id = 'c-open'").run()).toThrow(/never deleted/);
      expect(d.prepare('SELECT count(*) FROM merge_conflict').pluck().get()).toBe(3);
      expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeCaseFile(caseFile);
    }
  });
});

describe('migration 0110 records overlaps merged before it', () => {
  it('a version-10 file holding two productions with one Bates range gets their bates_overlap conflict, the very row a merge records now', () => {
    const dir = tempDir();
    const old = freshDatabase(path.join(dir, 'v10.dossier'), 10);
    insertProductions(old);
    old.close();
    const caseFile = openCaseFile(path.join(dir, 'v10.dossier'), { actor: ALICE });
    const now = freshDatabase(path.join(dir, 'v11.dossier'), LATEST_SCHEMA_VERSION);
    try {
      const upgraded = caseFile.db.prepare("SELECT * FROM merge_conflict WHERE kind = 'bates_overlap'").all();
      expect(upgraded).toEqual([expect.objectContaining({ record_id: 'p1', other_record_id: 'p2', resolution: null })]);
      expect(JSON.parse((upgraded[0] as { kept_value: string }).kept_value)).toEqual({ production: 'p1', bates_prefix: 'STORM-', bates_first: 1, bates_last: 12, bates_range: 'STORM-000001–STORM-000012' });
      // The same productions arriving by a merge today: the same row, so nothing is recorded twice.
      insertProductions(now);
      expect(productionOverlaps(now, 4, 'v11.dossier').map((c) => c.conflict_id)).toEqual([(upgraded[0] as { id: string }).id]);
      expect(now.prepare("SELECT * FROM merge_conflict WHERE kind = 'bates_overlap'").all()).toEqual(upgraded);
      expect(productionOverlaps(caseFile.db as Database.Database, 1, 'v10.dossier')).toEqual([]);
    } finally {
      now.close();
      closeCaseFile(caseFile);
    }
  });
});
