import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendAudit } from '../audit/appendAudit';
import { verifyAudit } from '../audit/verifyAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { inspectHeader } from '../casefile/inspectHeader';
import { openDatabase, type ReadableDb, rollBackInterruptedWrite } from '../casefile/openDatabase';
import type { SealedTable } from '../casefile/recordDigest';
import { closeCaseFile, openCaseFile } from '../casefile/openCaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import type { MergeConflict, MergeReport } from '../contract/MergeReport';
import { copyEvidenceContents, unionAudit, unionByPrimaryKey, unionHistory } from './mergeAppendOnly';
import { mergeMutableTable } from './mergeMutableTable';
import { APPEND_ONLY_TABLES, MUTABLE_TABLES } from './mutableTables';
import { productionOverlaps } from './productionOverlaps';
import { mergeFilingCaption } from './mergeFilingCaption';
import { checkDrift } from '../casefile/HybridLogicalClock';
import { newestStamp } from '../casefile/newestStamp';
import { conflictIds, mergeConflictRows } from './conflictRecords';
import { arrivedConflicts } from './arrivedConflicts';
import { recordExhibitConflicts } from './exhibitConflicts';
import { mergeCaptures } from './mergeCaptures';
import { carryDuplicateLinks } from './carryDuplicateLinks';
import { carryDuplicateStatus } from './carryDuplicateStatus';
import { followDuplicateStatus } from './followDuplicateStatus';
import { reindexMerged } from './reindexMerged';
import { abandonRestoredChain, continueRestoredChain, describeRestore, type RestoredByTeammate } from './restoredChain';
import { holdMergedRosterKeys, liveFingerprints, removedRosterKeys } from '../share/rosterTrust';
import { assertIncomingSealed } from './incomingSeals';
import { assertIncomingPackets } from './incomingPackets';
import { assertOwnFieldStamps } from './keptFieldStamps';

/** Opens the other copy read-only at our schema version (an older copy is upgraded in a temp copy). */
function openOther(otherPath: string, target: CaseFile): { db: ReadableDb; cleanup: () => void } {
  const header = inspectHeader(otherPath);
  rollBackInterruptedWrite(otherPath);
  const ourVersion = target.db.pragma('user_version', { simple: true }) as number;
  if (header.userVersion === ourVersion) {
    return { db: openDatabase(otherPath, { readonly: true }), cleanup: () => {} };
  }
  if (header.userVersion > ourVersion) {
    throw new DossierError('CASE_FILE_FROM_NEWER_VERSION', `${otherPath} was written by a newer Dossier; update Dossier before merging it.`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-merge-'));
  const copy = path.join(dir, 'other.dossier');
  fs.copyFileSync(otherPath, copy);
  // A journal an interrupted writer left (on a copy we may not write) goes with it: the copy is rolled back when opened.
  if (fs.existsSync(`${otherPath}-journal`)) fs.copyFileSync(`${otherPath}-journal`, `${copy}-journal`);
  closeCaseFile(openCaseFile(copy, { actor: target.actor }));
  return { db: openDatabase(copy, { readonly: true }), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Brings another copy of the same case into this one, in one transaction: records unioned by id
 * with the newer version winning (the other kept in history), custody, status events, history,
 * audit chains and evidence bytes unioned. Nothing either side wrote is lost. Merging the same copy
 * twice changes nothing the second time.
 */
export function mergeCaseFile(target: CaseFile, otherPath: string, options: { shownAs?: string; whatNow?: string } = {}): MergeReport {
  const absolute = path.resolve(otherPath);
  const shownAs = options.shownAs ?? absolute;
  const whatNow = options.whatNow ?? `Run "dossier check ${absolute}" to see every finding, and merge a copy that passes it.`;
  if (absolute === target.path) throw new DossierError('INVALID_REQUEST', 'A case file cannot be merged into itself.');
  const other = openOther(absolute, target);
  try {
    const integrity = other.db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') throw new DossierError('CASE_FILE_CORRUPT', `${absolute} is damaged (${String(integrity)}); nothing was merged.`);
    const otherAudit = verifyAudit(other.db);
    if (!otherAudit.ok) {
      const b = otherAudit.firstBreak!;
      throw new DossierError('AUDIT_CHAIN_BROKEN', `${absolute} has a broken audit log (chain ${b.chain} entry ${b.seq}: ${b.reason}); nothing was merged.`);
    }
    const ourCase = prepareCached(target.db, 'SELECT id FROM case_info ORDER BY created_at LIMIT 1').pluck().get() as string;
    const theirCase = other.db.prepare('SELECT id FROM case_info ORDER BY created_at LIMIT 1').pluck().get() as string | undefined;
    if (theirCase !== ourCase) {
      throw new DossierError('INVALID_REQUEST', `${absolute} is a copy of another case (${theirCase ?? 'none'}), not of ${ourCase}; nothing was merged.`);
    }
    // A copy stamped beyond the drift bound is refused before anything is written: adopting its
    // stamps would pin every later edit of the team to its future time.
    const theirNewest = newestStamp(other.db);
    if (theirNewest) checkDrift(theirNewest, absolute, target.clock.now());
    // What the other copy changed behind the app's back is never taken in (and so never re-sealed).
    assertIncomingSealed(target.db, other.db, shownAs, whatNow);
    assertIncomingPackets(target.db, other.db, shownAs, whatNow);
    assertOwnFieldStamps(target.db, target.path, other.db);
    let restored: RestoredByTeammate | null = null;
    try {
      return writeTransaction(target, () => {
        // A teammate who saw more of this copy's own chain than it holds shows it was restored from
        // a backup: it continues on a new chain before anything of theirs is taken (restoredChain).
        restored = continueRestoredChain(target, other.db, absolute);
        const report: MergeReport = { otherPath: absolute, caseId: ourCase, inserted: {}, updated: {}, appended: {}, evidenceContentsCopied: 0, conflicts: [], rosterRemoved: [], unchanged: true };
        if (restored) report.restored = describeRestore(restored);
        const trustedBefore = liveFingerprints(target.db);
        const conflictsBefore = conflictIds(target.db);
        report.evidenceContentsCopied = copyEvidenceContents(target, other.db);
        // Extracted text is derived from the bytes; taking the other side's saves re-parsing them
        // (assertIncomingSealed checked it against the digest its import recorded).
        unionByPrimaryKey(target, other.db, 'evidence_text', ['content_sha256']);
        const touched: { table: string; ids: string[] }[] = [];
        for (const table of MUTABLE_TABLES) {
          const result = mergeMutableTable(target, other.db, table, report.conflicts);
          report.inserted[table.table] = result.inserted;
          report.updated[table.table] = result.updated;
          touched.push({ table: table.table, ids: result.touched });
        }
        for (const { table, key } of APPEND_ONLY_TABLES) report.appended[table] = unionByPrimaryKey(target, other.db, table, key);
        report.updated.filing_caption = mergeFilingCaption(target, other.db, report.conflicts);
        // Conflicts travel: the copy whose value was overwritten sees what the other copy found.
        const conflictsChanged = mergeConflictRows(target.db, other.db);
        report.conflicts.push(...arrivedConflicts(target.db, conflictsBefore, report.conflicts));
        // Links of a domain tombstoned as a duplicate go to the row that stays (an order's coverage).
        const carried = carryDuplicateLinks(target);
        if (carried.length) {
          touched.find((t) => t.table === 'link')!.ids.push(...carried);
          report.updated.link = (report.updated.link ?? 0) + carried.length;
        }
        // And its status history (after the union above, so events that just arrived go too).
        const carriedStatus = carryDuplicateStatus(target);
        if (carriedStatus.length) report.appended.website_status_event = (report.appended.website_status_event ?? 0) + carriedStatus.length;
        // The kept row's current status follows that history (the same on every copy: followDuplicateStatus).
        const followed = followDuplicateStatus(target);
        if (followed.length) {
          touched.find((t) => t.table === 'website')!.ids.push(...followed);
          report.updated.website = (report.updated.website ?? 0) + followed.length;
        }
        // Web captures (src-main/captures): records and pages of exhibits read on the other side.
        report.appended.capture = mergeCaptures(target, other.db);
        report.appended.record_history = unionHistory(target, other.db);
        report.appended.audit_entry = unionAudit(target, other.db, absolute);
        // The seals of the entries just copied (their seal digests are in those entries' hashes).
        report.appended.audit_seal = unionByPrimaryKey(target, other.db, 'audit_seal', ['record_id', 'record_hlc', 'chain', 'seq']);
        reindexMerged(target, touched);
        report.conflicts.push(...recordExhibitConflicts(target.db));
        report.conflicts.push(...productionOverlaps(target.db, report.appended.production ?? 0, target.path));
        // Keys that arrived with the merge wait for the user's confirmation (roster trust).
        report.conflicts.push(...holdMergedRosterKeys(target, trustedBefore, path.basename(absolute)));
        // Keys the merge removed are said plainly (text and --json): whom this copy trusts changed.
        report.rosterRemoved = removedRosterKeys(target.db, trustedBefore);
        const addedConflicts = [...conflictIds(target.db)].filter((id) => !conflictsBefore.has(id));
        const newConflicts = addedConflicts.length;
        const { audit_entry: auditEntries = 0, audit_seal: auditSeals = 0, ...facts } = report.appended;
        // Entries of the other copy's audit chains alone (its own merge entries, say) are copied but
        // get no merge entry of ours: otherwise two copies merged back and forth would each write
        // one for the other's, forever, and never settle (issue 17).
        const changedFacts = [...Object.values(report.inserted), ...Object.values(report.updated), ...Object.values(facts), report.evidenceContentsCopied, conflictsChanged.length, newConflicts];
        report.unchanged = changedFacts.every((n) => n === 0) && auditEntries === 0 && auditSeals === 0 && !restored;
        if (changedFacts.some((n) => n > 0)) {
          appendAudit(target, {
            action: 'case.merge',
            recordKind: 'case',
            recordId: ourCase,
            detail: { from: path.basename(absolute), inserted: report.inserted, updated: report.updated, appended: report.appended, conflicts: report.conflicts.length },
            // Every record the merge changed, as it stands now: the merged state is what is audited.
            seal: [
              ...touched.flatMap((t) => t.ids.map((id) => ({ table: t.table as SealedTable, id }))),
              ...carriedStatus.map((id) => ({ table: 'website_status_event' as const, id })),
              ...(report.updated.filing_caption ? captionIds(target) : []),
              // Conflict rows found here or brought from the other copy (new, or resolved there): a
              // resolution writes their values into records, so they are sealed like records (schema 14).
              ...[...new Set([...addedConflicts, ...conflictsChanged])].map((id) => ({ table: 'merge_conflict' as const, id })),
            ],
          });
        }
        return report;
      });
    } catch (error) {
      abandonRestoredChain(target, restored);
      throw error;
    }
  } finally {
    other.db.close();
    other.cleanup();
  }
}

/** The filing caption as a record to seal (the merge took the other copy's values into it). */
function captionIds(target: CaseFile): { table: SealedTable; id: string }[] {
  return (prepareCached(target.db, 'SELECT id FROM filing_caption').pluck().all() as string[]).map((id) => ({ table: 'filing_caption', id }));
}
