import type { ReadableDb } from '../casefile/openDatabase';
import { type ContentFinding, recordSealChecks } from '../audit/verifyRecordSeals';
import { verifyFieldStamps } from '../audit/verifyFieldStamps';
import { checkKeptVersion, type KeptVersion } from '../audit/verifyHistorySeals';
import { checkExhibitText, type ExhibitWithBytes } from '../evidence/verifyEvidenceTexts';
import { filingSealedTablesIn, sealedTablesIn, type StoredRow } from '../casefile/recordDigest';
import { recordsAlteredError } from '../audit/recordsAlteredError';

/** How many altered records a refusal names; the rest are counted. */
const MAX_NAMED = 50;

/**
 * Refuses (RECORDS_ALTERED, before anything is written) another copy whose records the merge
 * would take in differ from what that copy's own audit chain sealed: a row edited, rolled back or
 * added with sqlite3, or a seal edited to match. Without this the merge would adopt the row and
 * seal it again in its own 'case.merge' entry, and `dossier check` would then certify the
 * tampering clean. The checks are verifyRecordSeals' (what `dossier check` runs), on what the
 * merge takes only: rows of sealed tables whose version this case does not hold already (same id
 * and stamp), the audit entries that seal them, the entries whose seals are new here, the old
 * versions in record_history this case does not hold (checkKeptVersion: `show` would list a forged
 * one as what the record said), and the field merge stamps (verifyFieldStamps) this case does not
 * hold already: a forged future stamp would make the other copy's older value win the field now
 * and every later merge of it. Also the text kept for exhibits' bytes where this case keeps none
 * (checkExhibitText, against the digest the exhibit's audit entry recorded): the merge copies
 * evidence_text as it is. A merge of a copy mostly the same as this one checks little.
 */
export function assertIncomingSealed(target: ReadableDb, other: ReadableDb, shownAs: string, whatNow: string): void {
  const checks = recordSealChecks(other);
  const findings: ContentFinding[] = [];
  let more = 0;
  const report = (finding: ContentFinding) => {
    if (findings.length < MAX_NAMED) findings.push(finding);
    else more += 1;
  };
  const entriesChecked = new Set<string>();
  const checkEntry = (chain: string, seq: number) => {
    const key = `${chain}#${seq}`;
    if (entriesChecked.has(key)) return;
    entriesChecked.add(key);
    const finding = checks.entry(chain, seq);
    if (finding) report(finding);
  };
  // Productions and the caption too (schema 12): a copy's frozen production would arrive as it is.
  for (const table of [...sealedTablesIn(other), ...filingSealedTablesIn(other)]) {
    const held = target.prepare(`SELECT hlc FROM ${table} WHERE id = ?`).pluck();
    for (const row of other.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<StoredRow>) {
      // The same version is already here (and was checked when it came): the merge takes nothing of it.
      if (held.get(row.id) === row.hlc) continue;
      const result = checks.row(table, row);
      if (result.finding) report(result.finding);
      else for (const { chain, seq } of result.sealedBy) checkEntry(chain, seq);
    }
  }
  // Seals the merge copies (audit_seal is unioned): an entry whose seal rows were edited or added to.
  const heldSeal = target.prepare('SELECT 1 FROM audit_seal WHERE record_id = ? AND record_hlc = ? AND chain = ? AND seq = ?');
  for (const seal of other.prepare('SELECT record_id, record_hlc, chain, seq FROM audit_seal').iterate() as IterableIterator<{ record_id: string; record_hlc: string; chain: string; seq: number }>) {
    if (heldSeal.get(seal.record_id, seal.record_hlc, seal.chain, seal.seq)) continue;
    checkEntry(seal.chain, seal.seq);
  }
  // Old versions the merge copies (unionHistory, by record and stamp); unsealed ones are counted by
  // check, not named, so they pass here as there.
  const heldVersion = target.prepare('SELECT 1 FROM record_history WHERE record_id = ? AND hlc = ?');
  for (const kept of other.prepare('SELECT id, record_kind, record_id, hlc, version_json FROM record_history').iterate() as IterableIterator<KeptVersion>) {
    if (heldVersion.get(kept.record_id, kept.hlc)) continue;
    const verdict = checkKeptVersion(other, kept);
    if (verdict !== 'ok' && verdict !== 'unsealed') report(verdict);
  }
  // Exhibit text the merge copies (evidence_text, by content) or lacks where this case has none.
  const heldText = target.prepare('SELECT 1 FROM evidence_text WHERE content_sha256 = ?');
  for (const exhibit of other.prepare('SELECT id, exhibit_label, content_sha256 FROM evidence WHERE content_sha256 IS NOT NULL').iterate() as IterableIterator<ExhibitWithBytes>) {
    if (heldText.get(exhibit.content_sha256)) continue;
    const verdict = checkExhibitText(other, exhibit);
    if (typeof verdict === 'object') report({ kind: 'record_changed', table: 'evidence_text', id: verdict.id, fields: ['text'], message: verdict.message });
  }
  verifyFieldStamps(other, sealedTablesIn(other), (finding) => {
    if (!holdsSameStamp(target, other, finding)) report(finding);
  });
  if (findings.length > 0) throw recordsAlteredError(findings, more, shownAs, `Nothing was merged. ${whatNow}`);
}

/**
 * Whether this case holds the very stamp a field-stamp finding is about (verifyFieldStamps names
 * it `table/record id`, field): the merge takes nothing of it then. A stamp the other copy lacks
 * is never "held": the record would arrive without it.
 */
function holdsSameStamp(target: ReadableDb, other: ReadableDb, finding: ContentFinding): boolean {
  const slash = finding.id.indexOf('/');
  if (finding.table !== 'field_stamp' || slash < 0 || finding.fields.length !== 1) return false;
  const key = [finding.id.slice(0, slash), finding.id.slice(slash + 1), finding.fields[0]];
  const stampOf = 'SELECT hlc FROM field_stamp WHERE record_table = ? AND record_id = ? AND field = ?';
  const theirs = other.prepare(stampOf).pluck().get(...key) as string | undefined;
  return theirs !== undefined && target.prepare(stampOf).pluck().get(...key) === theirs;
}
