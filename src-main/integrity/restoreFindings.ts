import type { CaseFile } from '../casefile/CaseFile';
import { chainIsBehind } from '../casefile/chainRegister';
import { storedReplicaChain } from '../casefile/replicaChain';
import type { CheckFinding } from '../contract/integrity';

/*
 * What the audit log cannot show by itself: a copy restored over the original (or cut back with
 * sqlite3) holds an intact chain that merely ends early. This computer's register of the heads it
 * wrote (casefile/chainRegister) can, for the copy's own chain; other computers' copies show it
 * at merge. A write records the restore (`case.restored`) and goes on on a new chain, after which
 * the copy is sound again, but that it was restored stays worth saying.
 */

/**
 * A finding when this copy's own audit chain is behind what this computer already wrote on it,
 * and nothing in the file has recorded that yet; null otherwise (never written here, a copy that
 * is another file, or up to date).
 */
export function chainBehindFinding(caseFile: CaseFile): CheckFinding | null {
  const chain = storedReplicaChain(caseFile.db, caseFile.path, caseFile.actor);
  if (chain === null) return null;
  const behind = chainIsBehind(caseFile.db, chain);
  if (behind === null) return null;
  const fileSeq = behind.file?.seq ?? 0;
  const where =
    fileSeq >= behind.registered.seq
      ? `holds another entry ${behind.registered.seq} than the one this computer wrote`
      : `ends at entry ${fileSeq}, but this computer wrote up to entry ${behind.registered.seq} on it`;
  return {
    check: 'audit',
    table: 'audit_entry',
    id: `${chain}#${behind.registered.seq}`,
    message:
      `This copy's audit chain ${chain} ${where}: the file was restored from an older copy or its history was cut off, ` +
      'and what was written after that point is not in it. If you restored a backup on purpose, the next change records the restore; otherwise take the newer copy back from a backup or a teammate.',
  };
}

/** One sentence per restore the audit log records (`case.restored`), oldest first. */
export function recordedRestores(caseFile: CaseFile): string[] {
  const rows = caseFile.db
    .prepare("SELECT at, actor, detail FROM audit_entry WHERE action = 'case.restored' ORDER BY at, chain, seq")
    .all() as { at: string; actor: string; detail: string }[];
  return rows.map((row) => {
    const detail = parseDetail(row.detail);
    const ahead = detail.registered_head_seq ?? detail.teammate_head_seq;
    const reach = typeof ahead === 'number' && typeof detail.file_head_seq === 'number' ? ` (its chain ${String(detail.previous_chain)} held ${detail.file_head_seq} of the ${ahead} entries written on it)` : '';
    return `on ${row.at} ${row.actor}'s copy was found restored from an older copy${reach} and went on on a new chain`;
  });
}

function parseDetail(detail: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(detail) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
