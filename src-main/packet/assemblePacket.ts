import type { PDFPage, PDFRef } from 'pdf-lib';
import type { CourtProfile } from './courtProfiles';
import { estimateExhibitPages } from './estimateExhibitPages';
import type { ExhibitRenderContext } from './ExhibitRenderContext';
import { type GeneratedSection, type LaidOutSections, layoutSections } from './layoutSections';
import { type LoadedExhibit, loadExhibit } from './loadExhibit';
import { formatBates } from './formatBates';
import type { BatesOptions, ExhibitInput, PacketInput } from './PacketInput';
import { PacketError } from './PacketError';
import type { ExhibitPart, ExhibitPlacement, PacketProgress, PacketWarning, PagePlacement, SectionPlacement } from './PacketResult';
import type { FontBytes, FontMetricsSet } from '../fonts/packetFonts';
import { pageLayoutOf } from './pageLayout';
import { pageOverLimitMessage, planExhibitParts } from './planExhibitParts';
import { embedLayoutImages } from './embedLayoutImages';
import { paintSections } from './paintSections';
import { type PagePart, PdfVolumeWriter } from './PdfVolumeWriter';
import { type RenderedExhibit, renderExhibit } from './renderExhibit';
import { stampPage } from './stampPage';
import { writeExhibitParts } from './writeExhibitParts';
import type { Placement, SectionContext } from './SectionContext';
import type { SectionPlan } from './SectionPlan';

/** One volume being written. */
export interface VolumeState {
  number: number;
  writer: PdfVolumeWriter;
  /** Volumes after the first open with a cover page, drawn at close when their content is known. */
  cover?: { page: PDFPage; bates: number };
  /** Exhibits and sections in this volume, with the ref of their first page (for bookmarks). */
  exhibits: { exhibit: ExhibitInput; ref: PDFRef }[];
  sections: { section: GeneratedSection; title: string; ref: PDFRef }[];
  /** ECF: one part of an exhibit filed in several files ("Part 1 of 3"). */
  part?: { index: number; count: number };
  /** ECF: why this file cannot be kept under the limit: a page in it too large by itself. */
  overLimit?: string;
}

export interface AssemblyPlan {
  input: PacketInput;
  profile: CourtProfile;
  fonts: { bytes: FontBytes; metrics: FontMetricsSet };
  /** Where the fonts come from (also the stand-ins for fonts exhibit PDFs leave out); the repository's resources/fonts when not set. */
  fontDir?: string;
  pageSize: readonly [number, number];
  sections: SectionPlan;
  /** Front-matter page count the Bates numbers of everything after it are based on. */
  frontPages: number;
  /** Where each front section starts (page index within the front matter), from the last layout. */
  frontStarts: Map<GeneratedSection, number>;
  frontBytesEstimate: number;
  /** Room kept free in each volume for what is written at close: fonts, page tree, bookmarks, cross-reference table. */
  closeReserve: number;
  /** Builds the context the sections print from, for given placements. */
  sectionContext: (exhibits: Map<string, Placement>, sections: Map<string, Placement>, volumeCount: number, lastBates: number) => SectionContext;
  tempPath: (volume: number) => string;
  /** ECF layout: each exhibit in a volume (file) of its own, without a volume cover; the generated sections are the main document. */
  volumePerExhibit?: boolean;
  onProgress?: (p: PacketProgress) => void;
  signal?: AbortSignal;
}

export type AssemblyOutcome =
  | { kind: 'done'; volumes: VolumeState[]; exhibits: ExhibitPlacement[]; sections: SectionPlacement[]; warnings: PacketWarning[]; pdfABlockers: string[]; lastBates: number }
  | { kind: 'retry'; frontPages: number; frontStarts: Map<GeneratedSection, number> };

/**
 * Writes the exhibits (then any sections after them) into volumes, splitting at exhibit boundaries
 * when the court's per-file limit would be exceeded, then lays out and paints the front matter
 * with the real page and Bates numbers. If the front matter then needs a different number of
 * pages than the Bates numbers assumed, returns `retry` with the right count (the caller starts
 * over; output is deterministic, so the second run settles). On failure or cancel the caller
 * discards the volumes' temp files.
 */
export async function assemblePacket(plan: AssemblyPlan, volumes: VolumeState[]): Promise<AssemblyOutcome> {
  const { input, fonts, pageSize } = plan;
  const { bates } = input.options;
  const textPageCap = input.options.textPageCap ?? 50;
  const warnings: PacketWarning[] = [];
  const pdfABlockers: string[] = [];
  const exhibitPlacements: ExhibitPlacement[] = [];
  const sectionPlacements: SectionPlacement[] = [];
  const placeOf = new Map<string, Placement>();

  const newVolume = async (): Promise<VolumeState> => {
    const number = volumes.length + 1;
    const writer = await PdfVolumeWriter.create(plan.tempPath(number), fonts.bytes);
    const vol: VolumeState = { number, writer, exhibits: [], sections: [] };
    if (number > 1 && !plan.volumePerExhibit) {
      // The cover takes the next Bates number now; what it says is drawn at close.
      const page = writer.newPage(pageSize[0], pageSize[1]);
      stampPage(page, writer.fonts, fonts.metrics, { bates: formatBates(bates, nextBates), left: `Case No. ${input.caption.docket} · Volume ${number}`, draft: bates.draft === true, legend: bates.legend });
      writer.holdPage(page.ref);
      vol.cover = { page, bates: nextBates };
      nextBates++;
      pagesDone++;
    }
    volumes.push(vol);
    return vol;
  };
  const pageInVolume = (vol: VolumeState, bodyIndex: number): number => (vol.number === 1 ? plan.frontPages : 0) + bodyIndex + 1;
  const overLimit = (vol: VolumeState): boolean =>
    vol.writer.bytesWritten + vol.writer.pendingBytes() + plan.closeReserve + 300 * vol.exhibits.length + (vol.number === 1 ? plan.frontBytesEstimate : 0) >
    plan.profile.maxVolumeBytes;
  const checkAbort = (): void => {
    if (plan.signal?.aborted) throw new PacketError('CANCELLED', 'The packet export was cancelled; no file was written.');
  };

  let nextBates = bates.start + plan.frontPages;
  let pagesDone = 0;
  let current = await newVolume();
  const exhibitsToRender = plan.sections.includeExhibits ? input.exhibits : [];
  const estimates = exhibitsToRender.map((ex) => estimateExhibitPages(ex, textPageCap));
  const backEstimate = plan.sections.back.length * 2;
  const progress = (phase: PacketProgress['phase'], exhibitsDone: number): void => {
    const remaining = estimates.slice(exhibitsDone).reduce((s, n) => s + n, 0);
    const total = plan.frontPages + pagesDone + remaining + (phase === 'exhibits' || phase === 'front-matter' ? backEstimate : 0);
    plan.onProgress?.({ phase, pagesDone, pagesTotalEstimate: Math.max(total, pagesDone), exhibitsDone, exhibitsTotal: exhibitsToRender.length });
  };
  progress('exhibits', 0);

  for (const [i, exhibit] of exhibitsToRender.entries()) {
    checkAbort();
    let loaded: LoadedExhibit | undefined = await loadExhibit(exhibit);
    // ECF: the main document holds the sections; every exhibit is an attachment of its own.
    if (plan.volumePerExhibit && (current.exhibits.length > 0 || (current.number === 1 && plan.frontPages > 0))) current = await newVolume();
    const render = async (vol: VolumeState, part?: { index: number; count: number }) => {
      const ctx: ExhibitRenderContext = {
        writer: vol.writer,
        metrics: fonts.metrics,
        pageSize,
        layout: pageLayoutOf(plan.profile),
        bates,
        firstBates: nextBates,
        exhibit,
        pdfAPolicy: plan.profile.pdfA,
        textPageCap,
        ...(plan.fontDir ? { fontDir: plan.fontDir } : {}),
        ...(part ? { part } : {}),
      };
      const bodyIndex = vol.writer.bodyPageCount;
      return { rendered: await renderExhibit(ctx, loaded as LoadedExhibit), bodyIndex };
    };
    const checkpoint = current.writer.checkpoint();
    let { rendered, bodyIndex } = await render(current);
    if (current.exhibits.length > 0 && overLimit(current)) {
      current.writer.rollback(checkpoint);
      current = await newVolume();
      ({ rendered, bodyIndex } = await render(current));
    }
    // ECF: an exhibit too large for one file is filed in parts, split between pages as measured on
    // the objects to be written; the real sizes are checked when the files close (exportPacket).
    const parts = plan.volumePerExhibit && overLimit(current)
      ? planExhibitParts(current.writer, bodyIndex, { maxVolumeBytes: plan.profile.maxVolumeBytes, closeReserve: plan.closeReserve, alreadyUsed: current.number === 1 ? plan.frontBytesEstimate : 0 })
      : [];
    const partPlacements: ExhibitPart[] = [];
    if (parts.length > 1) {
      const written = await writeExhibitParts(current, parts, bodyIndex, rendered.pages, {
        label: exhibit.label,
        freshWriter: () => PdfVolumeWriter.create(plan.tempPath(current.number), fonts.bytes),
        newVolume,
        render: async (vol, part) => {
          const again = await render(vol, part);
          return { pages: again.rendered.pages, bodyIndex: again.bodyIndex };
        },
      });
      written.forEach(({ vol, bodyIndex: at }, k) => {
        const part = parts[k] as PagePart;
        vol.exhibits.push({ exhibit, ref: vol.writer.bodyPageRef(at) });
        partPlacements.push({ ...placementOf(vol.number, pageInVolume(vol, at), nextBates + part.start - bodyIndex, part.end - part.start, bates), part: k + 1, of: parts.length, pageCount: part.end - part.start });
        current = vol;
      });
    } else {
      current.exhibits.push({ exhibit, ref: current.writer.bodyPageRef(bodyIndex) });
      await current.writer.flush();
    }
    // Filed anyway (export over the check's error with --force, or a production re-exported): in a file of its own, named in a warning.
    parts.forEach((part, k) => {
      if (part.fits) return;
      const message = pageOverLimitMessage(exhibit.label, part, bodyIndex, plan.profile.maxVolumeBytes, plan.profile.name);
      (volumes[current.number - parts.length + k] as VolumeState).overLimit = message;
      warnings.push({ code: 'EXHIBIT_PAGE_OVER_LIMIT', exhibitId: exhibit.id, message });
    });
    loaded = undefined; // the exhibit's bytes can go before the next one is read

    const first = partPlacements[0];
    const placement = {
      ...placementOf(first?.volume ?? current.number, first?.firstPage ?? pageInVolume(current, bodyIndex), nextBates, rendered.pages, bates),
      ...(rendered.removed ? { removed: rendered.removed } : {}),
      ...(rendered.rendering === 'native' ? { native: true } : {}),
      ...(partialNote(rendered) !== '' ? { partial: partialNote(rendered) } : {}),
      ...(rendered.redacted ? { redacted: rendered.redacted } : {}),
      ...(first ? { filedInParts: { count: partPlacements.length, lastVolume: current.number } } : {}),
    };
    placeOf.set(exhibit.id, placement);
    const { filedInParts: _parts, ...placed } = placement;
    exhibitPlacements.push({ ...placed, exhibitId: exhibit.id, label: exhibit.label, rendering: rendered.rendering, pageCount: rendered.pages, ...(rendered.note ? { note: rendered.note } : {}), ...(first ? { parts: partPlacements } : {}) });
    if (rendered.rendering === 'native') {
      const detail = rendered.detail ? ` [${rendered.detail}]` : '';
      warnings.push({ code: 'EXHIBIT_PRODUCED_NATIVELY', exhibitId: exhibit.id, message: `${exhibit.label} is not reproduced as pages (slip sheet only; the file stays in the case file): ${rendered.note}${detail}` });
    } else if (rendered.note) {
      warnings.push({ code: 'EXHIBIT_TRUNCATED', exhibitId: exhibit.id, message: `${exhibit.label}: ${rendered.note}` });
    }
    if (rendered.rendering !== 'native' && rendered.removedNote) {
      warnings.push({ code: 'EXHIBIT_CONTENT_REMOVED', exhibitId: exhibit.id, message: `${exhibit.label}: ${rendered.removedNote}` });
    }
    if (rendered.blocksPdfA) pdfABlockers.push(`${exhibit.label} (${rendered.blocksPdfA})`);
    nextBates += rendered.pages;
    pagesDone += rendered.pages;
    estimates[i] = 0;
    progress('exhibits', i + 1);
  }

  // The declaration certifies every listed exhibit's hash, so exhibits left out of the pages are
  // still read and checked.
  if (!plan.sections.includeExhibits) {
    for (const exhibit of input.exhibits) {
      checkAbort();
      await loadExhibit(exhibit);
    }
  }

  const sectionMap = new Map<string, Placement>();
  const firstExhibit = exhibitPlacements[0];
  if (firstExhibit) sectionMap.set('exhibits', firstExhibit);
  const frontPlacement = (starts: Map<GeneratedSection, number>, laid?: LaidOutSections): void => {
    for (const [section, start] of starts) {
      const count = laid?.sections.find((s) => s.section === section)?.pageCount ?? 1;
      sectionMap.set(section, placementOf(1, start + 1, bates.start + start, count, bates));
    }
  };
  frontPlacement(plan.frontStarts);

  // Sections after the exhibits, in the last volume (or a new one when they would not fit).
  if (plan.sections.back.length > 0) {
    checkAbort();
    progress('back-matter', exhibitsToRender.length);
    for (;;) {
      const vol = current;
      const bodyStart = vol.writer.bodyPageCount;
      const laid = layoutUntilStable(plan.sections.back, (starts, total) => {
        for (const [section, start] of starts) {
          sectionMap.set(section, placementOf(vol.number, pageInVolume(vol, bodyStart + start), nextBates + start, 1, bates));
        }
        return plan.sectionContext(placeOf, sectionMap, volumes.length, nextBates - 1 + total);
      }, pageSize, fonts.metrics);
      const checkpoint = vol.writer.checkpoint();
      const images = await embedLayoutImages(vol.writer.doc, laid.pages);
      const refs = paintSections(vol.writer, laid, { front: false, firstBates: nextBates, bates, docket: input.caption.docket, metrics: fonts.metrics, pageSize, images });
      if (vol.exhibits.length + vol.sections.length > 0 && overLimit(vol)) {
        vol.writer.rollback(checkpoint);
        current = await newVolume();
        continue;
      }
      laid.sections.forEach((s, k) => {
        const p = placementOf(vol.number, pageInVolume(vol, bodyStart + s.firstPage), nextBates + s.firstPage, s.pageCount, bates);
        sectionPlacements.push({ ...p, section: s.section, title: s.title, pageCount: s.pageCount });
        vol.sections.push({ section: s.section, title: s.title, ref: refs[k] as PDFRef });
      });
      await vol.writer.flush();
      nextBates += laid.pages.length;
      pagesDone += laid.pages.length;
      break;
    }
  }

  // Front matter last: now every page and Bates number it prints is known.
  checkAbort();
  progress('front-matter', exhibitsToRender.length);
  const lastBates = nextBates - 1;
  if (plan.sections.front.length > 0) {
    const frontLaid = layoutUntilStable(plan.sections.front, (starts) => {
      frontPlacement(starts);
      return plan.sectionContext(placeOf, sectionMap, volumes.length, lastBates);
    }, pageSize, fonts.metrics, plan.frontStarts);
    const starts = new Map(frontLaid.sections.map((s) => [s.section, s.firstPage]));
    if (frontLaid.pages.length !== plan.frontPages) return { kind: 'retry', frontPages: frontLaid.pages.length, frontStarts: starts };
    const vol1 = volumes[0] as VolumeState;
    const images = await embedLayoutImages(vol1.writer.doc, frontLaid.pages);
    const refs = paintSections(vol1.writer, frontLaid, { front: true, firstBates: bates.start, bates, docket: input.caption.docket, metrics: fonts.metrics, pageSize, images });
    const frontEntries = frontLaid.sections.map((s, k) => {
      sectionPlacements.push({ ...placementOf(1, s.firstPage + 1, bates.start + s.firstPage, s.pageCount, bates), section: s.section, title: s.title, pageCount: s.pageCount });
      return { section: s.section, title: s.title, ref: refs[k] as PDFRef };
    });
    vol1.sections = [...frontEntries, ...vol1.sections];
    await vol1.writer.flush();
    pagesDone += frontLaid.pages.length;
  } else if (plan.frontPages !== 0) {
    return { kind: 'retry', frontPages: 0, frontStarts: new Map() };
  }
  if (pagesDone === 0) {
    throw new PacketError('INVALID_REQUEST', 'The packet would have no pages: select at least one section, or include exhibits.');
  }
  sectionPlacements.sort((a, b) => a.batesFirst - b.batesFirst);
  return { kind: 'done', volumes, exhibits: exhibitPlacements, sections: sectionPlacements, warnings, pdfABlockers, lastBates };
}

/**
 * Lays out sections whose content refers to their own page numbers (the table of contents lists
 * itself and its neighbours): repeat with the starts of the previous layout until they agree.
 */
function layoutUntilStable(
  sections: GeneratedSection[],
  contextFor: (starts: Map<GeneratedSection, number>, totalPages: number) => SectionContext,
  pageSize: readonly [number, number],
  metrics: FontMetricsSet,
  initial?: Map<GeneratedSection, number>,
): LaidOutSections {
  let starts = initial ?? new Map(sections.map((s, i) => [s, i]));
  let total = Math.max(0, ...starts.values()) + 1;
  for (let round = 0; round < 5; round++) {
    const laid = layoutSections(sections, contextFor(starts, total), pageSize, metrics);
    const next = new Map(laid.sections.map((s) => [s.section, s.firstPage]));
    if (laid.pages.length === total && sections.every((s) => next.get(s) === starts.get(s))) return laid;
    starts = next;
    total = laid.pages.length;
  }
  throw new PacketError('PACKET_FAILED', 'The table of contents did not settle on stable page numbers; please report this packet.');
}

function placementOf(volume: number, firstPage: number, batesFirst: number, pages: number, bates: BatesOptions): PagePlacement {
  const batesLast = batesFirst + pages - 1;
  return {
    volume,
    firstPage,
    lastPage: firstPage + pages - 1,
    batesFirst,
    batesLast,
    batesFirstLabel: formatBates(bates, batesFirst),
    batesLastLabel: formatBates(bates, batesLast),
  };
}

/**
 * Why an exhibit reproduced as pages is not there as stored, if it is not: cut short (its note)
 * and what was removed from its pages (active content). The declaration names it "only in part"
 * with these words, and --json gives them as `partial`.
 */
function partialNote(rendered: RenderedExhibit): string {
  if (rendered.rendering === 'native') return '';
  return [rendered.note, rendered.removedNote].filter((s): s is string => !!s).join(' ');
}
