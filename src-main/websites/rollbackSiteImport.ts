import { appendAudit } from '../audit/appendAudit';
import { checkKeptVersion, type KeptVersion } from '../audit/verifyHistorySeals';
import type { CaseFile } from '../casefile/CaseFile';
import { newId, nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import type { SealedTable } from '../casefile/recordDigest';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import type { SiteImportRollback } from '../contract/integrity';
import { decodeRow } from '../records/rowCodec';
import { saveHistory } from '../records/saveHistory';
import { indexForSearch, removeFromSearch } from '../records/searchIndex';
import { findInterruptedImports } from './interruptedImports';
import { websiteSpec } from './websiteSpec';

interface Sealed {
  record_table: string;
  record_id: string;
  record_hlc: string;
}

/**
 * The batch entries an import committed: on its chain after its start entry, up to the next
 * import entry on that chain (its own end, which an interrupted import lacks, or the next start).
 */
function batchSeqs(caseFile: CaseFile, chain: string, startSeq: number): number[] {
  const rows = caseFile.db
    .prepare(
      `SELECT seq, action FROM audit_entry WHERE chain = ? AND seq > ?
       AND action IN ('website.import.start', 'website.import.batch', 'website.import') ORDER BY seq`,
    )
    .iterate(chain, startSeq) as IterableIterator<{ seq: number; action: string }>;
  const seqs: number[] = [];
  for (const row of rows) {
    if (row.action !== 'website.import.batch') break;
    seqs.push(row.seq);
  }
  return seqs;
}

/**
 * Takes back what an interrupted site import committed, as audited changes, in one transaction:
 * websites it created are tombstoned (last version kept in history), websites it merged into are
 * put back to the version they had before it, 'covers' links it made are tombstoned. One audit
 * entry ('website.import.rollback', naming the import) seals every row changed, so `dossier check`
 * and `audit verify` hold after, and the import is no longer reported as unfinished.
 * Status events it appended stay (append-only): they belong to tombstoned sites, or are followed
 * by a new event putting a merged site's status back. A kill during the rollback changes nothing
 * (one transaction).
 */
export function rollbackSiteImport(caseFile: CaseFile, importId: string): SiteImportRollback {
  const target = findInterruptedImports(caseFile.db).find((i) => i.id === importId);
  if (!target) {
    throw new DossierError('NOT_FOUND', `No unfinished import with id ${importId} in this case; "dossier info" lists the unfinished imports and their ids.`);
  }
  if (target.running) {
    throw new DossierError('CONFLICT', `The import of ${target.file} (${importId}) is still running on this computer: cancel it or let it finish, then roll it back if it did not finish.`);
  }
  const seqs = batchSeqs(caseFile, target.chain, target.seq);
  const batchKeys = new Set(seqs.map((seq) => `${target.chain}#${seq}`));
  const result: SiteImportRollback = { importId, file: target.file, removed: 0, restored: 0, links: 0, changedSince: 0 };
  const { db, actor } = caseFile;
  return writeTransaction(caseFile, () => {
    const changed: { table: SealedTable; id: string }[] = [];
    const seen = new Set<string>();
    // The import created a website when the first audit entry that ever sealed it is one of its batches.
    const firstSeal = prepareCached(
      db,
      `SELECT e.chain, e.seq FROM audit_seal s JOIN audit_entry e ON e.chain = s.chain AND e.seq = s.seq
       WHERE s.record_id = ? AND s.record_table = ? ORDER BY e.at, e.seq LIMIT 1`,
    );
    const tombstone = (table: 'website' | 'link', kind: string, row: Record<string, unknown>) => {
      const id = String(row.id);
      saveHistory(caseFile, kind, row, 'delete');
      const now = nowIso();
      if (table === 'website') prepareCached(db, 'DELETE FROM host_trigram WHERE rowid = (SELECT rowid FROM website WHERE id = ?)').run(id);
      prepareCached(db, `UPDATE ${table} SET deleted_at = ?, updated_at = ?, updated_by = ?, hlc = ? WHERE id = ?`).run(now, now, actor.name, caseFile.clock.tick(), id);
      removeFromSearch(db, id);
      changed.push({ table, id });
    };
    for (const seq of seqs) {
      const seals = prepareCached(db, 'SELECT record_table, record_id, record_hlc FROM audit_seal WHERE chain = ? AND seq = ?').all(target.chain, seq) as Sealed[];
      for (const seal of seals) {
        if (seal.record_table !== 'website' && seal.record_table !== 'link') continue;
        const key = `${seal.record_table}\u0000${seal.record_id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const row = prepareCached(db, `SELECT * FROM ${seal.record_table} WHERE id = ?`).get(seal.record_id) as Record<string, unknown> | undefined;
        if (!row || row.deleted_at) continue;
        const changedSince = row.hlc !== seal.record_hlc;
        if (seal.record_table === 'link') {
          tombstone('link', 'link', row);
          result.links += 1;
          continue;
        }
        const first = firstSeal.get(seal.record_id, 'website') as { chain: string; seq: number } | undefined;
        if (first && batchKeys.has(`${first.chain}#${first.seq}`)) {
          tombstone('website', 'website', row);
          result.removed += 1;
          if (changedSince) result.changedSince += 1;
          continue;
        }
        // Merged into a site recorded before: the version it had then is the one the merge superseded.
        if (changedSince) {
          result.changedSince += 1; // someone edited it after the import: their version stays
          continue;
        }
        const previous = prepareCached(
          db,
          `SELECT id, record_kind, record_id, hlc, version_json FROM record_history WHERE record_kind = 'website' AND record_id = ? AND reason = 'update' AND superseded_at >= ?
           ORDER BY superseded_at, rowid LIMIT 1`,
        ).get(seal.record_id, target.startedAt) as KeptVersion | undefined;
        if (!previous) continue; // the row brought nothing new: the merge changed nothing
        // Never put back a kept version that differs from its seal: it was edited behind the app's back.
        const verdict = checkKeptVersion(db, previous);
        if (typeof verdict === 'object') {
          throw new DossierError('CASE_CHECK_FAILED', `Refusing to roll back the import: ${verdict.message} Run "dossier check ${caseFile.path}"; nothing was rolled back.`, { failed: ['content'] });
        }
        const old = JSON.parse(previous.version_json) as Record<string, unknown>;
        saveHistory(caseFile, 'website', row, 'restore');
        // Columns from the stored row (never from the JSON's keys), values from the version before.
        const columns = Object.keys(row).filter((c) => !['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'hlc', 'deleted_at'].includes(c) && c in old);
        const next: Record<string, unknown> = { id: row.id, updated_at: nowIso(), updated_by: actor.name, hlc: caseFile.clock.tick() };
        for (const c of columns) next[c] = old[c];
        const assignments = Object.keys(next).filter((c) => c !== 'id').map((c) => `${c} = @${c}`);
        const stored = db.prepare(`UPDATE website SET ${assignments.join(', ')} WHERE id = @id RETURNING *`).get(next) as Record<string, unknown>;
        if (stored.status !== row.status) {
          // The import's status event stays (append-only); this one puts the lifecycle back, dated now.
          const eventId = newId();
          prepareCached(
            db,
            `INSERT INTO website_status_event (id, website_id, status, at, note, created_at, created_by, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(eventId, seal.record_id, stored.status, next.updated_at, `Import of ${target.file} rolled back`, next.updated_at, actor.name, caseFile.clock.tick());
          changed.push({ table: 'website_status_event', id: eventId });
        }
        const searchText = websiteSpec.searchText(decodeRow(websiteSpec, stored));
        if (searchText) indexForSearch(db, 'website', seal.record_id, searchText);
        else removeFromSearch(db, seal.record_id);
        changed.push({ table: 'website', id: seal.record_id });
        result.restored += 1;
      }
    }
    appendAudit(caseFile, {
      action: 'website.import.rollback',
      recordKind: 'case',
      detail: { rollsBack: importId, file: target.file, sha256: target.sha256, removed: result.removed, restored: result.restored, links: result.links, changedSince: result.changedSince },
      seal: changed,
    });
    return result;
  });
}
