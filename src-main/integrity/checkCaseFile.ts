import { verifyAudit } from '../audit/verifyAudit';
import { verifyRecordSeals } from '../audit/verifyRecordSeals';
import type { CaseFile } from '../casefile/CaseFile';
import type { CaseCheckReport, CheckFinding, CheckName, CheckSection } from '../contract/integrity';
import type { EvidenceTaskHooks } from '../evidence/EvidenceTaskHooks';
import { verifyEvidenceWithCaptures } from '../captures/verifyEvidenceWithCaptures';
import { findInterruptedImports } from '../websites/interruptedImports';
import { chainBehindFinding, recordedRestores } from './restoreFindings';
import { schemaDifferences } from './schemaDifferences';
import { danglingReferences } from './danglingReferences';
import { DossierError } from '../contract/errors';
import { verifyEvidenceTexts } from '../evidence/verifyEvidenceTexts';
import { verifySearchIndex } from '../search/verifySearchIndex';

const MAX_LISTED = 1000;

/**
 * Everything that must hold for a case file to be relied on, in one report (`dossier check`, the
 * Audit view, and the gate before a packet export or a share): SQLite's integrity_check and
 * foreign_key_check, the schema against the one its version defines, the audit chains, the seals
 * of every record (content edited behind the app's back), custody events, the stored bytes of
 * every exhibit against their recorded hashes, the search index and exhibits' extracted text against
 * what the records and bytes give, and imports that never finished. Writes nothing:
 * evidence is re-hashed without custody events.
 */
export async function checkCaseFile(caseFile: CaseFile, hooks: EvidenceTaskHooks = {}): Promise<CaseCheckReport> {
  const { db } = caseFile;
  const findings: CheckFinding[] = [];
  const sections: CheckSection[] = [];
  const section = (name: CheckName, found: CheckFinding[], okSummary: string, badSummary: string) => {
    findings.push(...found.slice(0, MAX_LISTED));
    sections.push({ name, ok: found.length === 0, summary: found.length === 0 ? okSummary : badSummary });
  };
  // A damaged file is what check is for: where SQLite cannot even read what a check needs
  // (CASE_FILE_CORRUPT), that check fails with the reason and the others still run.
  const guarded = async (names: CheckName[], run: () => void | Promise<void>) => {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof DossierError && error.code === 'CASE_FILE_CORRUPT')) throw error;
      for (const name of names) {
        const message = `The file is damaged: SQLite cannot read the pages the ${name} check needs (SQLITE_CORRUPT). Restore it from a backup or a teammate's copy.`;
        section(name, [{ check: name, message }], '', name === 'integrity' ? 'The file is damaged: integrity_check cannot run over it.' : 'Not checked: the file is damaged where this check reads.');
      }
    }
  };
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;

  await guarded(['integrity'], () => {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== 'ok');
    section('integrity', integrity.map((message) => ({ check: 'integrity', message })), 'SQLite integrity_check: ok.', `SQLite integrity_check found ${integrity.length} problem(s): the file is damaged.`);
  });

  await guarded(['foreign_keys'], () => {
    const orphans = danglingReferences(db);
    section(
      'foreign_keys',
      orphans.map((o) => ({ check: 'foreign_keys', table: o.table, message: o.message })),
      'Every reference points at an existing record.',
      `${orphans.length} reference(s) point at missing records.`,
    );
  });

  await guarded(['schema'], () => {
    const schema = schemaDifferences(db, schemaVersion);
    section('schema', schema.map((message) => ({ check: 'schema', message })), `Schema is exactly version ${schemaVersion}'s (tables, indexes, triggers, CHECKs).`, `The schema differs from version ${schemaVersion}'s in ${schema.length} place(s).`);
  });

  await guarded(['audit'], () => {
    const audit = verifyAudit(db);
    const b = audit.firstBreak;
    const behind = chainBehindFinding(caseFile);
    const restores = recordedRestores(caseFile);
    const restoreNote = restores.length > 0 ? ` Restores recorded: ${restores.join('; ')}.` : '';
    section(
      'audit',
      [...(b ? [{ check: 'audit' as const, table: 'audit_entry', id: `${b.chain}#${b.seq}`, message: `Audit chain ${b.chain} breaks at entry ${b.seq}: ${b.reason}.` }] : []), ...(behind ? [behind] : [])],
      `${audit.entriesChecked} audit entries in ${audit.chains.length} chain(s) verified.${restoreNote}`,
      b ? `The audit log is broken.${restoreNote}` : `The audit log is intact but this copy is behind what this computer wrote on it.${restoreNote}`,
    );
  });

  await guarded(['content', 'custody'], () => {
    const content = verifyRecordSeals(db);
    const asFinding = (f: (typeof content.findings)[number]): CheckFinding => ({ check: f.table === 'custody_event' ? 'custody' : 'content', message: f.message, table: f.table, id: f.id, fields: f.fields });
    const contentFindings = content.findings.map(asFinding);
    const custody = contentFindings.filter((f) => f.check === 'custody');
    const records = contentFindings.filter((f) => f.check === 'content');
    const unverifiable = content.versionsUnsealed > 0 ? ` ${content.versionsUnsealed} old version(s) were never sealed on their own (superseded within the change that made them, or before the file's first seals) and cannot be verified.` : '';
    const packets = content.packetsChecked > 0 ? ` ${content.packetsChecked} packet export(s) match the audit entries that recorded them.` : '';
    section('content', records, `${content.recordsChecked} records and ${content.versionsChecked} old version(s) in their history match their audited state.${unverifiable}${packets}`, `${records.length + (content.moreFindings > 0 ? content.moreFindings : 0)} record(s) differ from their audited state.`);
    section('custody', custody, 'Every custody event is as it was recorded.', `${custody.length} custody event(s) were altered or added behind the app's back.`);
  });

  // Exhibits recorded without stored bytes (metadata only) have nothing to re-hash; a content id
  // removed behind the app's back shows in the content check instead.
  await guarded(['evidence'], async () => {
    const withBytes = new Set(db.prepare('SELECT id FROM evidence WHERE content_sha256 IS NOT NULL').pluck().all() as string[]);
    // Deleted exhibits too: deleting tombstones the record, its bytes stay and can be extracted.
    const deleted = new Set(db.prepare('SELECT id FROM evidence WHERE deleted_at IS NOT NULL').pluck().all() as string[]);
    const evidence = (await verifyEvidenceWithCaptures(caseFile, undefined, hooks, { record: false, includeDeleted: true })).filter((e) => withBytes.has(e.id));
    const failed = evidence.filter((e) => !e.ok);
    section(
      'evidence',
      failed.map((e) => ({
        check: 'evidence',
        table: 'evidence',
        id: e.id,
        message: deleted.has(e.id) ? `(deleted exhibit, its bytes still kept in the case) ${e.message}` : e.message,
      })),
      `${evidence.length} exhibit(s)${deleted.size > 0 ? ` (${[...deleted].filter((id) => withBytes.has(id)).length} of them deleted)` : ''}: stored bytes match the hashes recorded at import.`,
      `${failed.length} of ${evidence.length} exhibit(s) fail verification.`,
    );
  });

  // After the records and the exhibits: the index is compared with what they give.
  await guarded(['search'], () => {
    const found: CheckFinding[] = [];
    const texts = verifyEvidenceTexts(db);
    for (const f of texts.findings) found.push({ check: 'search', table: 'evidence_text', id: f.id, fields: ['text'], message: f.message });
    const indexed = verifySearchIndex(caseFile, (f) => found.push({ check: 'search', table: f.table, id: f.id, fields: f.fields, message: f.message }));
    const unverified = texts.unverifiable > 0 ? ` The text of ${texts.unverifiable} exhibit(s) imported before text digests were recorded cannot be verified.` : '';
    section(
      'search',
      found,
      `The search index matches what its ${indexed} record(s) and captured page(s) say; the text of ${texts.checked} exhibit(s) is the text found in their bytes at import.${unverified}`,
      `${found.length} search index entr${found.length === 1 ? 'y' : 'ies'} or exhibit text(s) differ from what the records and bytes say: search would show words that are not there.${unverified}`,
    );
  });

  let interruptedImports: ReturnType<typeof findInterruptedImports> = [];
  await guarded(['imports'], () => {
    interruptedImports = findInterruptedImports(db);
    section(
      'imports',
      interruptedImports.map((i) => ({
        check: 'imports',
        message: i.running
          ? `The import of ${i.file} started ${i.startedAt} is running now: ${i.batches} batch(es), ${i.rowsWritten} row(s) written so far. Check again when it has finished.`
          : `The import of ${i.file} started ${i.startedAt} did not finish: ${i.batches} batch(es), ${i.rowsWritten} row(s) written. Run "dossier site import FILE ${i.file} --resume" to complete it, or "dossier site import FILE --rollback ${i.id}" to take it back.`,
        id: i.id,
      })),
      'No unfinished imports.',
      `${interruptedImports.length} import(s) did not finish or are still running.`,
    );
  });

  return { ok: sections.every((s) => s.ok), path: caseFile.path, schemaVersion, sections, findings, interruptedImports };
}
