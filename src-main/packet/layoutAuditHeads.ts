import { formatTimestamp } from './formatText';
import { type LayoutFlow, SHADE } from './LayoutFlow';
import { layoutTable } from './layoutTable';
import type { SectionContext } from './SectionContext';

/**
 * The audit chain heads and the case file's SHA-256 at export: with them anyone holding the case
 * file can show it is the one this packet came from, and that its history was not rewritten.
 */
export function layoutAuditHeads(flow: LayoutFlow, ctx: SectionContext): void {
  flow.newPage();
  flow.heading('AUDIT CHAIN AND CASE FILE HASH', 13, 10);
  flow.paragraph(
    'Every change to the case file appends an entry to an audit log. Each entry carries the SHA-256 of the previous entry by the same author or device, forming one hash chain per author or device, and the case file refuses to modify or delete entries. The last entry of each chain (its head) is listed below. Re-computing the chains from the case file must end in these values; any later change to the recorded history would produce different ones.',
    { font: 'serif', size: 11, leading: 15, spaceAfter: 10 },
  );
  layoutTable(
    flow,
    [
      { header: 'Author / device', share: 150 },
      { header: 'Seq.', share: 50, align: 'right' },
      { header: 'Chain head (SHA-256)', share: 268, font: 'mono', size: 7 },
    ],
    ctx.input.auditHeads.map((h) => [h.author, String(h.seq), h.hash]),
    { size: 9 },
  );
  flow.moveDown(22);
  // The time it was actually computed (the production's cut-off), not the execution date.
  const label = `SHA-256 of the case file, computed ${formatTimestamp(ctx.input.caseFileHashedAt ?? ctx.exportDate)} before this production was recorded:`;
  flow.ensureSpace(56);
  const top = flow.y;
  flow.rect(flow.left, top - 44, flow.contentWidth, 44, SHADE);
  flow.text(flow.clean(label, 'serifBold'), flow.left + 10, top - 17, { font: 'serifBold', size: 10 });
  flow.text(ctx.input.caseFileSha256, flow.left + 10, top - 34, { font: 'mono', size: 8.5 });
  flow.y = top - 44;
  const checkpoint = ctx.input.checkpoint;
  if (checkpoint) {
    flow.moveDown(16);
    flow.paragraph(
      checkpoint.signer
        ? `These heads form an audit checkpoint signed with the Ed25519 key of ${checkpoint.signer}; the signed checkpoint is also stored in this PDF's metadata (${'DossierCheckpoint'}). "dossier audit verify CASE --against THIS.pdf" proves whether a case file still holds exactly this history.`
        : `These heads form an audit checkpoint, stored in this PDF's metadata (DossierCheckpoint) but not signed (no identity was given at export). "dossier audit verify CASE --against THIS.pdf" proves whether a case file still holds exactly this history.`,
      { font: 'serif', size: 10, leading: 13, spaceAfter: 4 },
    );
    if (checkpoint.signature) flow.paragraph(`Signature (Ed25519, base64): ${checkpoint.signature}`, { font: 'mono', size: 7, leading: 9, spaceAfter: 4 });
  }
  if (ctx.input.forcedOver) {
    flow.moveDown(10);
    flow.paragraph(`EXPORTED WITH --force over failed checks: ${ctx.input.forcedOver}`, { font: 'serifBold', size: 10, leading: 13, spaceAfter: 4 });
  }
}
