import type { ReadableDb } from '../casefile/openDatabase';
import type { ContentFinding } from '../audit/verifyRecordSeals';
import { verifyPacketExports } from '../audit/verifyPacketExports';
import { recordsAlteredError } from '../audit/recordsAlteredError';

/**
 * Refuses (RECORDS_ALTERED, before anything is written) another copy whose packet exports the
 * merge would take in (APPEND_ONLY_TABLES unions packet_export and packet_exhibit by key) do not
 * match the audit entries and custody events that recorded them in that copy: the check
 * `dossier check` runs (verifyPacketExports). Without it a packet row added with sqlite3 on one
 * copy would land on every teammate's, where the first export of a production decides whether a
 * re-export whose Bates numbers moved is refused. Only packets with a row this case lacks are read.
 */
export function assertIncomingPackets(target: ReadableDb, other: ReadableDb, shownAs: string, whatNow: string): void {
  const heldPacket = target.prepare('SELECT 1 FROM packet_export WHERE id = ?');
  const heldExhibit = target.prepare('SELECT 1 FROM packet_exhibit WHERE packet_id = ? AND evidence_id = ?');
  const incoming = new Set<string>();
  for (const id of other.prepare('SELECT id FROM packet_export').pluck().iterate() as IterableIterator<string>) {
    if (heldPacket.get(id) === undefined) incoming.add(id);
  }
  for (const row of other.prepare('SELECT packet_id, evidence_id FROM packet_exhibit').iterate() as IterableIterator<{ packet_id: string; evidence_id: string }>) {
    if (heldExhibit.get(row.packet_id, row.evidence_id) === undefined) incoming.add(row.packet_id);
  }
  if (incoming.size === 0) return;
  const findings: ContentFinding[] = [];
  verifyPacketExports(other, (finding) => findings.push(finding), incoming);
  if (findings.length > 0) throw recordsAlteredError(findings, 0, shownAs, `Nothing was merged. ${whatNow}`);
}
