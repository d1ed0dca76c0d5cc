import type Database from 'better-sqlite3';
import type { ContentFinding } from './verifyRecordSeals';

interface PacketExportRow {
  id: string;
  exported_at: string;
  exported_by: string;
  file_name: string;
  volumes: string;
  options: string;
  bates_first: string;
  bates_last: string;
  total_pages: number;
  case_file_sha256: string;
}

interface PacketEntry {
  chain: string;
  seq: number;
  at: string;
  actor: string;
  detail: string;
}

interface PacketEntryDetail {
  packet?: unknown;
  production?: unknown;
  file?: unknown;
  volumes?: unknown;
  pages?: unknown;
  case_file_sha256?: unknown;
}

interface PacketExhibitRow {
  evidence_id: string;
  exhibit_label: string;
  bates_first: string;
  bates_last: string;
  rendering: string;
  sha256: string;
}

/**
 * Checks the record of what was filed (packet_export, packet_exhibit: migration 0040) against the
 * audit log, which is not kept in those rows: a production's re-export is refused when its Bates
 * numbers moved from its FIRST recorded export (packet/refuseMovedBates.ts), so a row added with
 * sqlite3 would decide that. Each export writes, in the same transaction, one 'packet.export'
 * entry naming the packet id, file, volumes' SHA-256, pages, case file hash and (schema 9 on) the
 * production, and one 'exported' custody event per exhibit naming the file, its Bates range and
 * rendering (packet/exportCasePacket.ts: change together). A packet row must match its entry
 * (actor, and exported no later than the entry was written), an exhibit row must belong to such a
 * packet and match a custody event of its exhibit; the entry and the events are vouched for by
 * the audit chain and its seals. Not held: the exhibit label and the packet's own first and last
 * Bates labels (only in the rows). `only` limits the
 * check to some packets (a merge: those it would take in). Returns the packets checked.
 */
export function verifyPacketExports(db: Database.Database, report: (finding: ContentFinding) => void, only?: ReadonlySet<string>): number {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'packet_export'").get() === undefined) return 0;
  const entriesOf = db.prepare(
    "SELECT chain, seq, at, actor, detail FROM audit_entry WHERE action = 'packet.export' AND json_extract(detail, '$.packet') = ? ORDER BY chain, seq",
  );
  const exhibitsOf = db.prepare('SELECT evidence_id, exhibit_label, bates_first, bates_last, rendering, sha256 FROM packet_exhibit WHERE packet_id = ? ORDER BY evidence_id');
  const custodyEvent = db.prepare(
    `SELECT 1 FROM custody_event WHERE evidence_id = ? AND action = 'exported' AND hash_seen = ?
        AND instr(details, ?) > 0 AND instr(details, ?) > 0 AND instr(details, ?) > 0 LIMIT 1`,
  );
  let checked = 0;
  for (const packet of db.prepare('SELECT * FROM packet_export ORDER BY exported_at, id').iterate() as IterableIterator<PacketExportRow>) {
    if (only && !only.has(packet.id)) continue;
    checked += 1;
    const entries = entriesOf.all(packet.id) as PacketEntry[];
    if (entries.length === 0) {
      report({
        kind: 'record_unaudited',
        table: 'packet_export',
        id: packet.id,
        fields: [],
        message: `packet_export ${packet.id} (${packet.file_name}, ${packet.bates_first}–${packet.bates_last}, exported ${packet.exported_at} by ${packet.exported_by}) is in the case file but no audit entry recorded that export: it was added behind the app's back.`,
      });
    } else if (!entries.some((e) => differingFields(packet, e).length === 0)) {
      const fields = differingFields(packet, entries[0]!);
      report({
        kind: 'record_changed',
        table: 'packet_export',
        id: packet.id,
        fields,
        message: `packet_export ${packet.id} (${packet.file_name}) differs from what audit entry ${entries[0]!.chain} #${entries[0]!.seq} recorded of that export (${fields.join(', ')}): it was changed behind the app's back.`,
      });
    }
    for (const exhibit of exhibitsOf.all(packet.id) as PacketExhibitRow[]) {
      const range = ` as ${exhibit.bates_first}–${exhibit.bates_last}`;
      if (custodyEvent.get(exhibit.evidence_id, exhibit.sha256, packet.file_name, range, `shown as ${exhibit.rendering}`) !== undefined) continue;
      report({
        kind: 'record_unaudited',
        table: 'packet_exhibit',
        id: `${packet.id}/${exhibit.evidence_id}`,
        fields: [],
        message: `packet_exhibit ${packet.id}/${exhibit.evidence_id} (${exhibit.exhibit_label}, ${exhibit.bates_first}–${exhibit.bates_last}) matches no custody event recording that exhibit's export in ${packet.file_name}: it was added or changed behind the app's back.`,
      });
    }
  }
  return checked;
}

/** The columns of a packet_export row that differ from what its audit entry recorded. */
function differingFields(packet: PacketExportRow, entry: PacketEntry): string[] {
  let detail: PacketEntryDetail;
  let volumes: unknown;
  let options: Record<string, unknown>;
  try {
    detail = JSON.parse(entry.detail) as PacketEntryDetail;
    volumes = JSON.parse(packet.volumes);
    options = JSON.parse(packet.options) as Record<string, unknown>;
  } catch {
    return ['volumes', 'options'];
  }
  const hashes = Array.isArray(volumes) ? volumes.map((v) => (v as { sha256?: unknown } | null)?.sha256) : null;
  const fields: string[] = [];
  if (packet.exported_by !== entry.actor) fields.push('exported_by');
  if (packet.exported_at > entry.at) fields.push('exported_at');
  if (packet.file_name !== detail.file) fields.push('file_name');
  if (JSON.stringify(hashes) !== JSON.stringify(detail.volumes)) fields.push('volumes');
  if (packet.total_pages !== detail.pages) fields.push('total_pages');
  if (packet.case_file_sha256 !== detail.case_file_sha256) fields.push('case_file_sha256');
  // Exports before productions (schema 9) name none, in the row or the entry.
  if ((options?.productionId ?? null) !== (detail.production ?? null)) fields.push('options');
  return fields;
}
