import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CaseCheckReport } from '../../src-main/contract/integrity';
import { runCli, runCliJson } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

/*
 * Edits made with sqlite3 behind the app's back, the way adversarial testers made them: where a
 * trigger guards the table, it is dropped, the row edited, and the trigger made again with its
 * very SQL (so the schema check sees nothing). `dossier check` must name each one.
 */

function demo(): string {
  const file = path.join(tempDir(), 'storm.dossier');
  runCliJson(['demo', file]);
  return file;
}

function check(file: string): { status: number | null; report: CaseCheckReport } {
  const result = runCli(['check', file, '--json']);
  return { status: result.status, report: JSON.parse(result.stdout) as CaseCheckReport };
}

/** Runs `sql` on the file with the named triggers dropped for the edit and re-created exactly as they were. */
function editBehindBack(file: string, triggers: string[], sql: string, ...params: unknown[]): void {
  const db = new Database(file);
  try {
    const saved = triggers.map((name) => db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string);
    db.transaction(() => {
      for (const name of triggers) db.exec(`DROP TRIGGER ${name}`);
      db.prepare(sql).run(...params);
      for (const text of saved) db.exec(text);
    })();
  } finally {
    db.close();
  }
}

function one<T>(file: string, sql: string): T {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as T;
  } finally {
    db.close();
  }
}

describe('dossier check notices edits made behind the app\'s back', () => {
  it('re-hashes the bytes of a deleted exhibit too: they stay in the case and can be extracted', () => {
    const file = demo();
    const ex4 = one<string>(file, "SELECT id FROM evidence WHERE exhibit_label = 'Exhibit 4'");
    expect(runCli(['delete', file, ex4]).status).toBe(0);
    expect(check(file).status).toBe(0);
    const content = one<string>(file, `SELECT content_sha256 FROM evidence WHERE id = '${ex4}'`);
    editBehindBack(
      file,
      ['evidence_chunk_no_update'],
      "UPDATE evidence_chunk SET data = CAST(char(unicode(substr(CAST(data AS TEXT), 1, 1)) + 1) || substr(CAST(data AS TEXT), 2) AS BLOB) WHERE content_sha256 = ? AND seq = 0",
      content,
    );
    expect(runCli(['evidence', 'verify', file, ex4]).stdout).toMatch(/FAILED|MISMATCH/i);
    const { status, report } = check(file);
    expect(status).toBe(4);
    const finding = report.findings.find((f) => f.check === 'evidence' && f.id === ex4);
    expect(finding?.message).toContain('Exhibit 4');
    expect(finding?.message).toContain('deleted');
  }, 300_000);
});
