import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkCase, demoCase } from '../../helpers/demoCheck';
import { runCli, runCliJson } from '../../helpers/runCli';

/*
 * Adversarial reproductions (expected to FAIL until fixed). The search index (search_fts) and the
 * text extracted from exhibits (evidence_text) are derived from sealed records and stored bytes,
 * but nothing checks them: a teammate with sqlite3 makes `search` (and the app's palette) show a
 * note or an exhibit "containing" words it does not hold, and hide words it does, while
 * `dossier check` says every check holds. Expected: `check` fails (exit 4) naming the record whose
 * search text differs from what its record / stored bytes give, or search never shows text that
 * is not in the record.
 */

function sql(file: string, statement: string, ...params: unknown[]): void {
  const db = new Database(file);
  try {
    db.prepare(statement).run(...params);
  } finally {
    db.close();
  }
}

function one<T>(file: string, statement: string): T {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(statement).pluck().get() as T;
  } finally {
    db.close();
  }
}

interface Hit {
  id: string;
  snippet: string;
}

describe('search shows only what the case file holds', () => {
  it('a note\'s search text rewritten with sqlite3 is caught by check, not shown as the note\'s words', () => {
    const file = demoCase();
    const note = one<string>(file, "SELECT id FROM note WHERE title = 'Open items'");
    sql(
      file,
      'UPDATE search_fts SET body = ? WHERE rowid = (SELECT rowid FROM search_doc WHERE record_id = ?)',
      'Nothing to do: the case is closed and every domain was seized.',
      note,
    );
    const hits = runCliJson<Hit[]>(['search', file, 'seized']);
    const shownAsNote = hits.find((h) => h.id === note);
    expect(shownAsNote?.snippet, 'search shows the note saying what it does not say').toContain('seized');
    expect(checkCase(file).status, 'check passes a case whose search text no record holds').toBe(4);
  });

  it('an exhibit\'s extracted text rewritten with sqlite3 is caught by check and never reaches search', () => {
    const file = demoCase();
    const exhibit = one<string>(file, "SELECT id FROM evidence WHERE exhibit_label = 'Exhibit 3'");
    sql(
      file,
      'UPDATE evidence_text SET text = ? WHERE content_sha256 = (SELECT content_sha256 FROM evidence WHERE id = ?)',
      'Wire of 50,000 USD to wallet zzplanted approved by counsel.',
      exhibit,
    );
    // Any re-index of the exhibit (here a renumber, an audited ordinary change) takes the planted text.
    expect(runCli(['evidence', 'renumber', file, exhibit, '9']).status).toBe(0);
    const planted = runCliJson<Hit[]>(['search', file, 'zzplanted']);
    const real = runCliJson<Hit[]>(['search', file, 'buyer']);
    expect(planted.map((h) => h.id), 'search says Exhibit 3 holds words its bytes do not').not.toContain(exhibit);
    expect(real.map((h) => h.id), 'search no longer finds words Exhibit 3 does hold').toContain(exhibit);
    expect(checkCase(file).status).toBe(4);
  });
});
