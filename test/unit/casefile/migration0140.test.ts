import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { verifyRecordSeals } from '../../../src-main/audit/verifyRecordSeals';
import { LATEST_SCHEMA_VERSION } from '../../../src-main/casefile/migrations/index';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { tempDir } from '../../helpers/tempDir';
import { freshDatabase } from './freshDatabase';
import { ALICE } from '../../helpers/testCase';

/** An open edit/edit conflict as version 13 wrote it: no seal. */
function writeAsVersion13(db: Database.Database): void {
  db.prepare(
    `INSERT INTO merge_conflict (id, kind, record_table, record_id, fields, kept_value, lost_value, kept_hlc, lost_hlc, kept_by, lost_by, kept_at, lost_at, hlc)
     VALUES ('c1', 'edit_edit', 'note', 'n1', '["body"]', '{"body":"Bob"}', '{"body":"Alice"}', '1767261600000.0001.bob', '1767261600000.0000.alice',
             'Bob', 'Alice', '2026-01-01T10:00:00.001Z', '2026-01-01T10:00:00.000Z', '1767261600000.0001.bob')`,
  ).run();
}

const conflictFindings = (db: Database.Database) => verifyRecordSeals(db).findings.filter((f) => f.table === 'merge_conflict');

describe('migration 0140 conflict seals', () => {
  it('an older file is not checked for conflict seals its version never wrote, is sealed as it stands at upgrade, and an edit after that is named', () => {
    const file = path.join(tempDir(), 'v13.dossier');
    const old = freshDatabase(file, 13);
    writeAsVersion13(old);
    expect(conflictFindings(old)).toEqual([]);
    old.close();

    const caseFile = openCaseFile(file, { actor: ALICE });
    try {
      const db = caseFile.db as Database.Database;
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const baseline = db.prepare("SELECT detail FROM audit_entry WHERE chain LIKE 'upgrade-v14-%' ORDER BY seq").pluck().all() as string[];
      expect(baseline.map((d) => JSON.parse(d))).toEqual([{ reason: 'baseline at upgrade', table: 'merge_conflict', records: 1 }]);
      expect(verifyAudit(db).ok).toBe(true);
      expect(conflictFindings(db)).toEqual([]);

      db.exec("UPDATE merge_conflict SET resolution = 'acknowledged', resolved_at = '2026-01-02T00:00:00.000Z', resolved_by = 'Alice'");
      expect(conflictFindings(db).map((f) => [f.kind, f.id, f.fields])).toEqual([['record_changed', 'c1', ['resolution', 'resolved_at', 'resolved_by']]]);
    } finally {
      closeCaseFile(caseFile);
    }
  });

  it('a conflict put in behind the app\'s back after the upgrade is named as never recorded', () => {
    const file = path.join(tempDir(), 'v14.dossier');
    const db = freshDatabase(file, LATEST_SCHEMA_VERSION);
    try {
      writeAsVersion13(db);
      expect(conflictFindings(db).map((f) => [f.kind, f.table, f.id])).toEqual([['record_unaudited', 'merge_conflict', 'c1']]);
    } finally {
      db.close();
    }
  });
});
