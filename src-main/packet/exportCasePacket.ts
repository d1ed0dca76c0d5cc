import path from 'node:path';
import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { newId, nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { addCustodyEvent } from '../evidence/custody';
import { type CasePacketOptions, casePacketInput, DRAFT_EXPORT_PURPOSE } from './casePacketInput';
import { checkFiling, filingRuleProblems } from './checkFiling';
import type { PacketProblem } from './checkPacket';
import { formatBates } from './formatBates';
import type { PacketInput } from './PacketInput';
import { loadProduction, recordProduction } from './productions';
import { refuseMovedBates } from './refuseMovedBates';
import { refuseSupersededProduction } from './refuseSupersededProduction';
import { DossierError } from '../contract/errors';
import { checkOutputTarget } from '../outputs/checkOutputTarget';
import type { PacketProgress, PacketResult } from './PacketResult';
import { publishOutputs } from '../outputs/publishOutputs';
import { takeCheckpoint, serializeCheckpoint } from '../integrity/auditCheckpoint';
import { requirePassingCheck } from '../integrity/requirePassingCheck';
import { refuseAlteredProduction } from './refuseAlteredProduction';
import type { UserIdentity } from '../share/userIdentity';

export interface CasePacketResult extends PacketResult {
  packetId: string;
  /** The production this export is: a new one, or the one re-exported. */
  productionId: string;
  caseFileSha256: string;
}

/** A check that stops an export: every error, one per line, in the error's message (exit 2). */
function refuseOnErrors(problems: PacketProblem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return;
  throw new DossierError(
    'INVALID_REQUEST',
    `The packet was not exported: ${errors.length} problem(s) --check reports as errors: ${errors.map((e) => `[${e.code}] ${e.message}`).join(' ')} Fix them, or export anyway with --force (the packet then says so).`,
    { problems: errors.map((e) => ({ code: e.code, message: e.message })) },
  );
}

/**
 * Exports a filing packet from the case file and records it as a production: the production with
 * its frozen input and Bates range, the packet and each exhibit's Bates range (append-only
 * tables), an "exported" custody event per exhibit, and an audit entry with every volume's
 * SHA-256, all in the one transaction that renames the finished volumes into place.
 *
 * A new export is checked first with the rules `packet --check` applies (checkFiling); any error
 * stops it unless `force`, and a forced packet says so in its metadata and on its audit page.
 * With `options.productionId` the production is rendered again from its frozen input: the same
 * bytes, whatever happened to the case since.
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
    /** Export even when `dossier check` or the packet check fails; the packet then says so. */
    force?: boolean;
    /** Signs the packet's audit checkpoint (the user's sharing identity); unsigned without. */
    signer?: UserIdentity | null;
  } = {},
): Promise<CasePacketResult> {
  const force = hooks.force ?? false;
  // Where the packet goes is checked before the (long) checks: a wrong folder fails at once.
  checkOutputTarget(path.resolve(outPath), { overwrite: hooks.overwrite ?? false, caseFilePath: caseFile.path });
  let input: PacketInput;
  let productionId: string;
  let isNew: boolean;
  const cutoffAt = nowIso();
  if (options.productionId) {
    const { productionId: id, sealed, ...rest } = options;
    const extra = Object.keys(rest).filter((k) => (rest as Record<string, unknown>)[k] !== undefined);
    if (extra.length) throw new DossierError('INVALID_REQUEST', `A production is re-exported exactly as it was frozen; leave out ${extra.join(', ')} (or start a new production).`);
    // --sealed: the same production unredacted (Rule 5.2(d)), so its Bates numbers are the public set's.
    refuseAlteredProduction(caseFile, id);
    refuseSupersededProduction(caseFile, id);
    input = sealed ? sealedSet(loadProduction(caseFile, id).input) : loadProduction(caseFile, id).input;
    productionId = id;
    isNew = false;
  } else {
    // A packet certifies the case: one that fails its checks (a broken audit chain, records edited
    // behind the app's back, damaged evidence) is refused unless forced, and then it says so.
    const forcedOver = await requirePassingCheck(caseFile, 'export a packet', force, hooks.signal ? { signal: hooks.signal } : {});
    input = await casePacketInput(caseFile, options, cutoffAt);
    const problems = await checkFiling(caseFile, input, hooks.signal ? { signal: hooks.signal } : {});
    const forcedErrors = problems.filter((p) => p.severity === 'error');
    if (!force) refuseOnErrors(problems);
    const signed = takeCheckpoint(caseFile.db, hooks.signer ?? null, 'packet export', input.options.fixedDate ?? cutoffAt);
    input.checkpoint = { json: serializeCheckpoint(signed).trimEnd(), signer: signed.checkpoint.signer ? `${signed.checkpoint.signer.name} (${signed.checkpoint.signer.fingerprint})` : null, signature: signed.signature };
    const forcedCheck = forcedErrors.length ? `exported with --force over ${forcedErrors.length} packet check error(s): ${forcedErrors.map((e) => e.code).join(', ')}` : null;
    input.forcedOver = [forcedOver, forcedCheck].filter(Boolean).join('; ') || null;
    productionId = newId();
    isNew = true;
  }
  const packetId = newId();
  const fileName = path.basename(outPath);
  const { bates } = input.options;
  const labelOf = (n: number) => formatBates(bates, n);
  const draft = bates.draft === true;
  // Runs inside the transaction that renames the volumes into place (publishOutputs): the packet
  // exists on disk exactly when the case records it.
  const recordPacket = (result: PacketResult): void => {
    const first = result.volumes[0]!;
    const last = result.volumes[result.volumes.length - 1]!;
    if (isNew) {
      // The real last number is known only now; the check estimated it (a longer run may reach
      // labels another production stamped, as well as overflow the padding).
      const overflow = filingRuleProblems(caseFile, input, last.batesLast).filter((p) => p.code === 'BATES_OVERFLOWS_PADDING' || p.code === 'BATES_ALREADY_USED');
      if (!force) refuseOnErrors(overflow);
      recordProduction(caseFile, { id: productionId, cutoffAt, input, batesLast: last.batesLast, forced: Boolean(input.forcedOver) });
    } else {
      refuseMovedBates(caseFile, productionId, result, labelOf);
    }
    prepareCached(
      caseFile.db,
      `INSERT INTO packet_export (id, exported_at, exported_by, file_name, volumes, options, bates_first, bates_last, total_pages, case_file_sha256, hlc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      packetId, nowIso(), caseFile.actor.name, fileName,
      JSON.stringify(result.volumes.map((v) => ({ file: path.basename(v.path), pages: v.pages, bytes: v.bytes, sha256: v.sha256 }))),
      JSON.stringify({ ...options, declarant: options.declarant ?? null, productionId, ...(options.signatureImage ? { signatureImage: path.basename(options.signatureImage) } : {}) }),
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
        purpose: draft ? DRAFT_EXPORT_PURPOSE : 'Court filing packet',
        hash_seen: exhibit.sha256,
        details: `Exported in ${draft ? 'draft ' : ''}production ${productionId} (${fileName}) as ${placement.batesFirstLabel}–${placement.batesLastLabel}${result.volumes.length > 1 ? ` (volume ${placement.volume})` : ''}, shown as ${placement.rendering}.`,
      });
    }
    appendAudit(caseFile, {
      action: 'packet.export',
      recordKind: 'case',
      detail: { packet: packetId, production: productionId, new_production: isNew, draft, file: fileName, volumes: result.volumes.map((v) => v.sha256), pages: result.totalPages, case_file_sha256: input.caseFileSha256 },
      // A new production is sealed with the entry (schema 12): its frozen input and Bates range
      // edited behind the app's back show in dossier check and stop a re-export.
      seal: isNew ? [{ table: 'production', id: productionId }] : [],
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
  return { ...result, packetId, productionId, caseFileSha256: input.caseFileSha256 };
}

/**
 * The sealed counterpart of a frozen production: every page says FILED UNDER SEAL and exhibits are
 * shown unredacted. Layout and wording do not depend on it, so the Bates numbers stay the same.
 */
function sealedSet(input: PacketInput): PacketInput {
  const { unreviewedRedactions: _public, identifiersNeverReviewed: _neverReviewed, ...rest } = input;
  return {
    ...rest,
    options: { ...input.options, sealed: true, bates: { ...input.options.bates, legend: 'FILED UNDER SEAL' } },
    exhibits: input.exhibits.map((e) => (e.redactions ? { ...e, redactions: { ...e.redactions, sealed: true } } : e)),
  };
}
