import { classifyExhibit } from './classifyExhibit';
import type { ExhibitRenderContext } from './ExhibitRenderContext';
import type { LoadedExhibit } from './loadExhibit';
import type { ExhibitRendering } from './PacketResult';
import { preparePdfExhibit } from './preparePdfExhibit';
import { NotRenderable, type PreparedExhibit } from './PreparedExhibit';
import { prepareEmailExhibit } from './prepareEmailExhibit';
import { prepareImageExhibit } from './prepareImageExhibit';
import { prepareTextExhibit } from './prepareTextExhibit';
import { prepareCaptureExhibit } from './prepareCaptureExhibit';
import { renderSlipSheet } from './renderSlipSheet';
import { type BurntIn, burnInExhibit } from '../redaction/burnInExhibit';
import { PacketError } from './PacketError';

export interface RenderedExhibit {
  rendering: ExhibitRendering;
  /** Pages added, slip sheet included. */
  pages: number;
  note?: string;
  /** Technical detail behind `note` (e.g. the parser's message), for the export's warnings only. */
  detail?: string;
  blocksPdfA?: string;
  removed?: string[];
  /** What the pages lack by `removed`, in a sentence (declaration, --json `partial`, a warning). */
  removedNote?: string;
  /** Rule 5.2 redactions burnt in (public packets): how many, and the redacted rendering's SHA-256. */
  redacted?: { places: number; sha256: string };
}

/**
 * Adds one exhibit to the current volume: its slip sheet, then its content as pages. Anything
 * that cannot be reproduced (unknown type, encrypted or damaged PDF, oversized image) gets a slip
 * sheet saying it is produced natively and why; half-built pages of it are rolled back first.
 */
export async function renderExhibit(ctx: ExhibitRenderContext, loaded: LoadedExhibit): Promise<RenderedExhibit> {
  const checkpoint = ctx.writer.checkpoint();
  const { bytes } = loaded;
  const capture = ctx.exhibit.capture ? await ctx.exhibit.capture() : null;
  const kind = classifyExhibit(bytes, ctx.exhibit.mediaType, { capture: capture !== null });
  let reason = kind.reason ?? '';
  let detail: string | undefined;
  let prepared: PreparedExhibit | undefined;
  let burnt: BurntIn | undefined;
  if (kind.kind !== 'native') {
    const prepare = {
      pdf: preparePdfExhibit,
      image: prepareImageExhibit,
      // A streamed text file arrives as its beginning plus its line count.
      text: (c: ExhibitRenderContext, b: Uint8Array) => prepareTextExhibit(c, b, loaded.partial ? { totalLines: loaded.totalLines ?? 0 } : undefined),
      // A mailbox too large to read whole is shown as its source, capped like any long text.
      email: (c: ExhibitRenderContext, b: Uint8Array) =>
        loaded.partial ? prepareTextExhibit(c, b, { totalLines: loaded.totalLines ?? 0 }) : prepareEmailExhibit(c, b),
      capture: (c: ExhibitRenderContext) => prepareCaptureExhibit(c, capture!),
    }[kind.kind];
    try {
      // A public packet reproduces the exhibit with its accepted Rule 5.2 redactions burnt in. A web
      // capture's page images cannot take them: with redactions it is produced natively (both sets, same pages).
      if (ctx.exhibit.redactions && kind.kind === 'capture') {
        throw new NotRenderable('The web capture has Rule 5.2 redactions, which cannot be burnt into its page images; it is not reproduced as pages.');
      }
      if (ctx.exhibit.redactions) burnt = await redactOrFail(ctx, kind.kind, bytes);
      const sealed = ctx.exhibit.redactions?.sealed === true;
      prepared = await prepare(ctx, burnt && !sealed ? burnt.bytes : bytes);
      if (burnt) {
        // Inside the description's sentence, not after its full stop.
        const stop = prepared.presentedAs.endsWith('.') ? '.' : '';
        const note = sealed ? '; UNREDACTED, filed under seal (Fed. R. Civ. P. 5.2(d)); redacted in the public filing' : `; REDACTED under Fed. R. Civ. P. 5.2 (${burnt.summary})`;
        prepared.presentedAs = `${prepared.presentedAs.slice(0, prepared.presentedAs.length - stop.length)}${note}${stop}`;
      }
    } catch (err) {
      if (!(err instanceof NotRenderable)) throw err;
      ctx.writer.rollback(checkpoint);
      reason = err.reason;
      detail = err.detail;
    }
  }
  if (!prepared) {
    renderSlipSheet(ctx, { totalPages: 1, presentedAs: 'Slip sheet only (not reproduced as pages)', nativeReason: reason });
    return { rendering: 'native', pages: 1, note: reason, ...(detail ? { detail } : {}) };
  }
  renderSlipSheet(ctx, {
    totalPages: prepared.contentPages + 1,
    presentedAs: prepared.presentedAs,
    ...(prepared.note ? { partialNote: prepared.note } : {}),
    ...(prepared.missingGlyphs ? { missingGlyphs: prepared.missingGlyphs } : {}),
    ...(prepared.removed ? { removed: prepared.removed } : {}),
  });
  prepared.draw();
  return {
    rendering: prepared.rendering,
    pages: prepared.contentPages + 1,
    ...(prepared.note ? { note: prepared.note } : {}),
    ...(prepared.blocksPdfA ? { blocksPdfA: prepared.blocksPdfA } : {}),
    ...(prepared.removed ? { removed: prepared.removed } : {}),
    ...(prepared.removedNote ? { removedNote: prepared.removedNote } : {}),
    ...(burnt ? { redacted: { places: burnt.places, sha256: burnt.sha256 } } : {}),
  };
}

/**
 * The exhibit with its redactions burnt in; in a public set any failure stops the export (never
 * the unredacted file instead). The sealed set shows the original anyway: there a failure only
 * leaves the redacted rendering's hash out.
 */
async function redactOrFail(ctx: ExhibitRenderContext, form: string, bytes: Uint8Array): Promise<BurntIn | undefined> {
  try {
    return await burnInExhibit(form, bytes, ctx.exhibit.mediaType, ctx.exhibit.redactions!, ctx.fontDir ? { fontDir: ctx.fontDir } : {});
  } catch (err) {
    if (ctx.exhibit.redactions!.sealed) return undefined;
    throw new PacketError('PACKET_FAILED', `${ctx.exhibit.label} could not be redacted (${err instanceof Error ? err.message : String(err)}); nothing was written. File it under seal (--sealed) or leave it out of the public set.`, undefined, { cause: err });
  }
}
