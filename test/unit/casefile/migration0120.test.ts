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


/** A production and a caption as version 11 wrote them: no seal. */
function writeAsVersion11(db: Database.Database): void {
  db.prepare(
    `INSERT INTO production (id, created_at, created_by, cutoff_at, draft, bates_prefix, bates_padding, bates_first, bates_last, exhibit_ids, frozen_input, hlc)
     VALUES ('p1', '2026-01-01T10:00:00.000Z', 'Alice', '2026-01-01T10:00:00.000Z', 0, 'STORM-', 6, 1, 20, '[]', '{"declarant":"J"}', '1767261600000.0000.alice')`,
  ).run();
  db.prepare(
    `INSERT INTO filing_caption (id, court, judge, judge_initials, parties, counsel, updated_at, updated_by, hlc)
     VALUES ('cap1', 'S.D.N.Y.', 'Hon. Paul A. Engelmayer', 'PAE', '[]', '[]', '2026-01-01T10:00:00.000Z', 'Alice', '1767261600000.0001.alice')`,
  ).run();
}

const filingFindings = (db: Database.Database) => verifyRecordSeals(db).findings.filter((f) => f.table === 'production' || f.table === 'filing_caption');

describe('migration 0120 filing seals', () => {
  it('an older file is not checked for filing seals its version never wrote, is sealed as it stands at upgrade, and an edit after that is named', () => {
    const file = path.join(tempDir(), 'v11.dossier');
    const old = freshDatabase(file, 11);
    writeAsVersion11(old);
    // What version 11 wrote has no seals to hold it to: not reported as added behind the app's back.
    expect(filingFindings(old)).toEqual([]);
    old.close();

    const caseFile = openCaseFile(file, { actor: ALICE });
    try {
      const db = caseFile.db as Database.Database;
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const baseline = db.prepare("SELECT chain, detail FROM audit_entry WHERE chain LIKE 'upgrade-v12-%' ORDER BY seq").all() as { chain: string; detail: string }[];
      expect(baseline.map((e) => JSON.parse(e.detail))).toEqual([
        { reason: 'baseline at upgrade', table: 'production', records: 1 },
        { reason: 'baseline at upgrade', table: 'filing_caption', records: 1 },
      ]);
      expect(verifyAudit(db).ok).toBe(true);
      expect(filingFindings(db)).toEqual([]);

      db.exec("DROP TRIGGER production_no_update; UPDATE production SET bates_last = 5; UPDATE filing_caption SET judge = 'Hon. Someone Else'");
      expect(filingFindings(db).map((f) => [f.table, f.id, f.fields])).toEqual([
        ['production', 'p1', ['bates_last']],
        ['filing_caption', 'cap1', ['judge']],
      ]);
    } finally {
      closeCaseFile(caseFile);
    }
  });

  it('a production put in behind the app\'s back after the upgrade is named as never recorded', () => {
    const file = path.join(tempDir(), 'v12.dossier');
    const db = freshDatabase(file, LATEST_SCHEMA_VERSION);
    try {
      writeAsVersion11(db);
      expect(filingFindings(db).map((f) => [f.kind, f.table, f.id])).toEqual([
        ['record_unaudited', 'production', 'p1'],
        ['record_unaudited', 'filing_caption', 'cap1'],
      ]);
    } finally {
      db.close();
    }
  });
});
