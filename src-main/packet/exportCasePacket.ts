import path from 'node:path';
import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { newId, nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { addCustodyEvent } from '../evidence/custody';
import { type CasePacketOptions, casePacketInput } from './casePacketInput';
import type { PacketProgress, PacketResult } from './PacketResult';
import { publishOutputs } from '../outputs/publishOutputs';
import { takeCheckpoint, serializeCheckpoint } from '../integrity/auditCheckpoint';
import { requirePassingCheck } from '../integrity/requirePassingCheck';
import type { UserIdentity } from '../share/userIdentity';

export interface CasePacketResult extends PacketResult {
  packetId: string;
  caseFileSha256: string;
}

/**
 * Exports a filing packet from the case file and records it: the packet and each exhibit's Bates
 * range (append-only tables), an "exported" custody event per exhibit, and an audit entry with
 * every volume's SHA-256, all in the one transaction that renames the finished volumes into place.
 */
export async function exportCasePacket(
  caseFile: CaseFile,
  outPath: string,
  options: CasePacketOptions,
  hooks: {
    onProgress?: (p: PacketProgress) => void;
    signal?: AbortSignal;
    fontDir?: string;
    overwrite?: boolean;
    /** Export even when `dossier check` fails; the packet then says so on its audit page. */
    force?: boolean;
    /** Signs the packet's audit checkpoint (the user's sharing identity); unsigned without. */
    signer?: UserIdentity | null;
  } = {},
): Promise<CasePacketResult> {
  // A packet certifies the case: one that fails its checks (a broken audit chain, records edited
  // behind the app's back, damaged evidence) is refused unless forced, and then it says so.
  const forcedOver = await requirePassingCheck(caseFile, 'export a packet', hooks.force ?? false, hooks.signal ? { signal: hooks.signal } : {});
  const input = await casePacketInput(caseFile, options);
  const signed = takeCheckpoint(caseFile.db, hooks.signer ?? null, 'packet export', input.options.fixedDate ?? new Date().toISOString());
  input.checkpoint = { json: serializeCheckpoint(signed).trimEnd(), signer: signed.checkpoint.signer ? `${signed.checkpoint.signer.name} (${signed.checkpoint.signer.fingerprint})` : null, signature: signed.signature };
  input.forcedOver = forcedOver;
  const packetId = newId();
  const fileName = path.basename(outPath);
  const labelOf = (n: number) => `${input.options.bates.prefix}${String(n).padStart(input.options.bates.padding, '0')}`;
  // Runs inside the transaction that renames the volumes into place (publishOutputs): the packet
  // exists on disk exactly when the case records it.
  const recordPacket = (result: PacketResult): void => {
    const first = result.volumes[0]!;
    const last = result.volumes[result.volumes.length - 1]!;
    prepareCached(
      caseFile.db,
      `INSERT INTO packet_export (id, exported_at, exported_by, file_name, volumes, options, bates_first, bates_last, total_pages, case_file_sha256, hlc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      packetId, nowIso(), caseFile.actor.name, fileName,
      JSON.stringify(result.volumes.map((v) => ({ file: path.basename(v.path), pages: v.pages, bytes: v.bytes, sha256: v.sha256 }))),
      JSON.stringify({ ...options, declarant: options.declarant ?? null }),
      labelOf(first.batesFirst), labelOf(last.batesLast), result.totalPages, input.caseFileSha256, caseFile.clock.tick(),
    );
    for (const placement of result.exhibits) {
      const exhibit = input.exhibits.find((e) => e.id === placement.exhibitId)!;
      prepareCached(
        caseFile.db,
        `INSERT INTO packet_exhibit (packet_id, evidence_id, exhibit_label, volume, bates_first, bates_last, rendering, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(packetId, placement.exhibitId, placement.label, placement.volume, placement.batesFirstLabel, placement.batesLastLabel, placement.rendering, exhibit.sha256);
      addCustodyEvent(caseFile, {
        evidence_id: placement.exhibitId,
        action: 'exported',
        purpose: 'Court filing packet',
        hash_seen: exhibit.sha256,
        details: `Exported in packet ${fileName} as ${placement.batesFirstLabel}–${placement.batesLastLabel}${result.volumes.length > 1 ? ` (volume ${placement.volume})` : ''}, shown as ${placement.rendering}.`,
      });
    }
    appendAudit(caseFile, {
      action: 'packet.export',
      recordKind: 'case',
      detail: { packet: packetId, file: fileName, volumes: result.volumes.map((v) => v.sha256), pages: result.totalPages, case_file_sha256: input.caseFileSha256 },
    });
  };
  // Loaded here, not at the top: the PDF libraries take longer to load than most commands take
  // to run, and only packet export needs them (the CLI's start time depends on it).
  const { exportPacket } = await import('./exportPacket');
  const result = await exportPacket(input, path.resolve(outPath), {
    ...hooks,
    caseFilePath: caseFile.path,
    publish: (staged, done) => publishOutputs(caseFile, staged, hooks.overwrite ?? false, () => recordPacket(done)),
  });
  return { ...result, packetId, caseFileSha256: input.caseFileSha256 };
}
