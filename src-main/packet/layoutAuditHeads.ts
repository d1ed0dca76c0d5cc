import { formatTimestamp } from './formatText';
import { type LayoutFlow, SHADE } from './LayoutFlow';
import { layoutTable, TABLE_CELL_PAD_X } from './layoutTable';
import type { SectionContext } from './SectionContext';

const SEQ_WIDTH = 40;
/** The author column keeps at least this much; the hash column takes what it needs of the rest. */
const MIN_AUTHOR_WIDTH = 110;
const HEAD_SIZE = 7;
/** Smallest size a hash is set at before it is cut in two marked halves instead. */
const MIN_HEAD_SIZE = 5;

/**
 * The chain head column: wide enough for 64 digits on one line, since a head broken over two lines
 * without a mark is read or copied as a wrong value. Narrow pages (a court profile's wide margins)
 * get a smaller size, and below MIN_HEAD_SIZE two halves of 32 digits, each marked with "…" where it
 * is cut.
 */
function fitChainHead(flow: LayoutFlow): { width: number; size: number; split: boolean } {
  const pad = 2 * TABLE_CELL_PAD_X + 1;
  const room = flow.contentWidth - SEQ_WIDTH - MIN_AUTHOR_WIDTH;
  const perPoint = flow.width('0'.repeat(64), 'mono', 1);
  const size = Math.min(HEAD_SIZE, Math.floor(((room - pad) / perPoint) * 10) / 10);
  if (size >= MIN_HEAD_SIZE) return { width: perPoint * size + pad, size, split: false };
  const halfSize = Math.min(HEAD_SIZE, Math.max(MIN_HEAD_SIZE, Math.floor(((room - pad) / flow.width(`${'0'.repeat(32)}…`, 'mono', 1)) * 10) / 10));
  return { width: Math.max(room, flow.width(`${'0'.repeat(32)}…`, 'mono', halfSize) + pad), size: halfSize, split: true };
}

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
  const head = fitChainHead(flow);
  layoutTable(
    flow,
    [
      { header: 'Author / device', share: flow.contentWidth - SEQ_WIDTH - head.width },
      { header: 'Seq.', share: SEQ_WIDTH, align: 'right' },
      { header: 'Chain head (SHA-256)', share: head.width, font: 'mono', size: head.size },
    ],
    ctx.input.auditHeads.map((h) => [h.author, String(h.seq), head.split ? `${h.hash.slice(0, 32)}…\n…${h.hash.slice(32)}` : h.hash]),
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
