import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type AssemblyPlan, assemblePacket, type VolumeState } from './assemblePacket';
import { buildOutline } from './buildOutline';
import { staticPacketProblems } from './checkPacket';
import { type CourtProfile, effectiveProfile, PAGE_SIZES } from './courtProfiles';
import { writeDocumentMetadata } from './documentMetadata';
import { formatBatesRange } from './formatBates';
import { formatBytes } from './formatText';
import { type GeneratedSection, layoutSections } from './layoutSections';
import { estimateExhibitPages } from './estimateExhibitPages';
import { layoutVolumeCover } from './layoutVolumeCover';
import { measureSectionsBytes } from './measureSectionsBytes';
import type { PacketInput } from './PacketInput';
import { PacketError } from './PacketError';
import type { ExportPacketOptions, PacketResult, PacketVolume, PacketWarning, PagePlacement } from './PacketResult';
import { loadPacketFonts } from '../fonts/packetFonts';
import { paintPage } from './paintPage';
import { pageLayoutOf } from './pageLayout';
import type { Placement, SectionContext } from './SectionContext';
import { planSections } from './SectionPlan';
import { validatePacketInput } from './validatePacketInput';
import { DossierError } from '../contract/errors';
import { checkOutputTarget } from '../outputs/checkOutputTarget';
import { outputFileError } from '../outputs/outputFileError';
import { publishOutputs } from '../outputs/publishOutputs';
import { sweepStaleFiles } from '../outputs/sweepStaleFiles';
import { verifyOnDisk } from '../outputs/verifyOnDisk';
import { volumeOutline } from './volumeOutline';
import { ecfAttachments, ecfFileName, stageAttachmentLists } from './ecfAttachments';
import { initialCloseReserve } from './planExhibitParts';
import { assertNoLeaks, redactedValues } from '../redaction/assertNoLeaks';

/**
 * Exports a court filing packet: the selected sections in the user's order, every exhibit behind
 * a slip sheet, Bates numbers on every page, split into volumes at exhibit boundaries when the
 * court profile's per-file limit requires. Volumes are written to temp files beside `outPath`
 * (mode 0600, synced), read back and hashed, and published together only when all are complete
 * (opts.publish, by default publishOutputs), so a failure or cancel leaves nothing behind.
 * A single volume is written to `outPath`; several become `<name>-vol1.pdf`, `<name>-vol2.pdf`...
 *
 * With `options.fixedDate`, the same input gives byte-identical files.
 */
export async function exportPacket(input: PacketInput, outPath: string, opts: ExportPacketOptions = {}): Promise<PacketResult> {
  validatePacketInput(input);
  const profile = effectiveProfile(input.options) as CourtProfile;
  const fonts = loadPacketFonts(opts.fontDir);
  const pageSize = PAGE_SIZES[profile.pageSize];
  const ecf = (input.options.layout ?? profile.layout) === 'ecf';
  // ECF: every generated section belongs to the main document, so the exhibits come last.
  const sections = planSections(ecf ? [...input.options.sections.filter((s) => s !== 'exhibits'), ...(input.options.sections.includes('exhibits') ? (['exhibits'] as const) : [])] : input.options.sections);
  const { bates } = input.options;
  const exportDate = input.options.fixedDate ?? new Date().toISOString();
  const declarant = input.options.declarant ?? { name: input.caption.preparedBy };
  const target = path.resolve(outPath);
  const dir = path.dirname(target);
  if (!(await fs.stat(dir).catch(() => undefined))?.isDirectory()) {
    throw new PacketError('FILE_NOT_FOUND', `The folder ${dir} does not exist; choose an existing folder to save the packet in.`, { path: dir });
  }
  // Fail before the work when the name is taken or is the case file; checked again at the rename.
  checkOutputTarget(target, { overwrite: opts.overwrite ?? false, caseFilePath: opts.caseFilePath ?? null });
  sweepStaleFiles(path.dirname(target));
  const sectionContext = (exhibits: Map<string, Placement>, placed: Map<string, Placement>, volumeCount: number, lastBates: number): SectionContext => ({
    input,
    bates,
    declarant,
    exportDate,
    exhibits,
    sections: placed as SectionContext['sections'],
    volumeCount,
    ...(ecf ? { ecf: true } : {}),
    packetBates: { first: bates.start, last: lastBates },
  });

  // Count the front matter's pages before anything else: every later Bates number depends on it.
  // The placeholder numbers have as many digits as the real ones will probably have, and every
  // place that prints numbers is laid out so their values do not change line breaks (see
  // layoutExhibitIndex); if the count still comes out different, assemblePacket asks for a rerun.
  const textPageCap = input.options.textPageCap ?? 50;
  const guess = bates.start + input.exhibits.reduce((n, ex) => n + estimateExhibitPages(ex, textPageCap), 10 + input.exhibits.length);
  const placeholder: Placement = { volume: 1, firstPage: 1, batesFirst: guess, batesLast: guess + 1 };
  const counted = layoutSections(
    sections.front,
    sectionContext(new Map(input.exhibits.map((e) => [e.id, placeholder])), new Map(input.options.sections.map((s) => [s, placeholder])), 1, guess),
    pageSize,
    fonts.metrics,
  );
  let frontPages = counted.pages.length;
  let frontStarts = new Map<GeneratedSection, number>(counted.sections.map((s) => [s.section, s.firstPage]));
  const frontBytesEstimate = await measureSectionsBytes(counted, fonts.bytes, pageSize, fonts.metrics);
  const stem = path.join(dir, `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}`);
  // Fonts are written when a volume closes and grow with every glyph drawn, so room is kept for
  // them; if a volume still ends up over the limit, the export is redone with more room.
  let closeReserve = initialCloseReserve(profile.maxVolumeBytes);

  for (let attempt = 0; attempt < 4; attempt++) {
    const volumes: VolumeState[] = [];
    const listTemps: string[] = [];
    try {
      const plan: AssemblyPlan = {
        input,
        profile,
        fonts,
        pageSize,
        sections,
        frontPages,
        frontStarts,
        frontBytesEstimate,
        ...(opts.fontDir ? { fontDir: opts.fontDir } : {}),
        closeReserve,
        sectionContext,
        tempPath: (n) => `${stem}.vol${n}.tmp`,
        ...(ecf ? { volumePerExhibit: true } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      };
      const outcome = await assemblePacket(plan, volumes);
      if (outcome.kind === 'retry') {
        await discardAll(volumes);
        frontPages = outcome.frontPages;
        frontStarts = outcome.frontStarts;
        continue;
      }
      const total = outcome.lastBates - bates.start + 1;
      opts.onProgress?.({ phase: 'finishing', pagesDone: total, pagesTotalEstimate: total, exhibitsDone: outcome.exhibits.length, exhibitsTotal: outcome.exhibits.length });
      const pdfA = outcome.pdfABlockers.length === 0;
      const firstExhibitVolume = outcome.exhibits[0]?.volume ?? 1;
      const closed: { bytes: number; sha256: string; pages: number }[] = [];
      const placed = [...outcome.exhibits, ...outcome.sections];
      for (const vol of volumes) {
        const inVol = placed.filter((p) => p.volume === vol.number).sort((a, b) => a.batesFirst - b.batesFirst);
        if (vol.cover) {
          const first = inVol[0];
          const last = inVol[inVol.length - 1];
          const name = (p: (typeof placed)[number] | undefined): string => (p ? ('label' in p ? p.label : p.title) : '');
          const cover = layoutVolumeCover(
            {
              caption: input.caption,
              bates,
              volume: vol.number,
              volumeCount: volumes.length,
              firstItem: name(first),
              lastItem: name(last),
              batesFirst: vol.cover.bates,
              batesLast: last?.batesLast ?? vol.cover.bates,
            },
            pageSize,
            pageLayoutOf(profile),
            fonts.metrics,
          );
          paintPage(vol.cover.page, cover, vol.writer.fonts, fonts.metrics);
        }
        const attached = ecf ? vol.exhibits[0]?.exhibit : undefined;
        const title = attached ? `${attached.label}: ${attached.title}${vol.part ? ` (Part ${vol.part.index} of ${vol.part.count})` : ''}` : volumes.length > 1 && !ecf ? `${input.caption.title} — Volume ${vol.number} of ${volumes.length}` : input.caption.title;
        closed.push(
          await vol.writer.close((doc) => {
            const items = volumeOutline(vol, input.options.sections, firstExhibitVolume);
            if (vol.cover) items.unshift({ title: `Volume ${vol.number} of ${volumes.length}`, page: vol.cover.page.ref });
            buildOutline(doc, items);
            return writeDocumentMetadata(doc, {
              title,
              author: input.caption.preparedBy,
              // A forced export and a draft say so where any PDF reader shows it (Document Properties).
              subject: `Filing packet, Case No. ${input.caption.docket}${bates.draft ? ' (DRAFT, not for filing)' : ''}${input.forcedOver ? `; ${input.forcedOver}` : ''}`,
              keywords: `Bates ${formatBatesRange(bates, bates.start, outcome.lastBates)}; SHA-256 of case file ${input.caseFileSha256}`,
              date: exportDate,
              pdfA,
              ...(input.checkpoint ? { checkpoint: input.checkpoint.json } : {}),
            });
          }),
        );
      }
      if (opts.signal?.aborted) throw new PacketError('CANCELLED', 'The packet export was cancelled; no file was written.');
      // What is compared with the limit is the closed file's real size. A file that can be made
      // smaller (several exhibits, or an ECF exhibit whose pages can be split further) is redone
      // with more room kept; a page too large by itself cannot.
      const shrinkable = (vol: VolumeState | undefined): boolean =>
        vol !== undefined && !vol.overLimit && (vol.exhibits.length > 1 || (ecf && vol.exhibits.length === 1 && vol.writer.bodyPageCount > (vol.part && vol.part.index > 1 ? 1 : 2)));
      const over = closed.reduce((worst, c, i) => (c.bytes > profile.maxVolumeBytes && shrinkable(volumes[i]) ? Math.max(worst, c.bytes - profile.maxVolumeBytes) : worst), 0);
      if (over > 0 && attempt < 3) {
        await discardAll(volumes);
        closeReserve += over + 32 * 1024;
        continue;
      }

      const finalPaths = ecf ? ecfPaths(target, volumes) : volumePaths(target, volumes.length);
      const volumeResults: PacketVolume[] = volumes.map((vol, i) => {
        // A split exhibit's parts are each in a volume of their own.
        const inVol = [...outcome.exhibits.flatMap((e): PagePlacement[] => e.parts ?? [e]), ...outcome.sections].filter((p) => p.volume === vol.number);
        const c = closed[i] as { bytes: number; sha256: string; pages: number };
        const cover = vol.cover ? [vol.cover.bates] : [];
        return {
          path: finalPaths[i] as string,
          pages: c.pages,
          bytes: c.bytes,
          sha256: c.sha256,
          batesFirst: Math.min(...cover, ...inVol.map((p) => p.batesFirst)),
          batesLast: Math.max(...cover, ...inVol.map((p) => p.batesLast)),
        };
      });
      const warnings: PacketWarning[] = [
        ...staticPacketProblems(input, profile).filter((p) => p.severity !== 'info').map(({ code, message, exhibitId }) => ({ code, message, ...(exhibitId ? { exhibitId } : {}) })),
        ...outcome.warnings,
      ];
      if (!pdfA) {
        warnings.push({ code: 'PACKET_NOT_PDFA', message: `The packet is a plain PDF, not PDF/A, because ${outcome.pdfABlockers.join('; ')}.` });
      }
      volumeResults.forEach((v, i) => {
        if (v.bytes > profile.maxVolumeBytes) {
          const why = volumes[i]?.overLimit ?? (ecf && i === 0 ? 'the main document alone is larger than the limit' : 'a single exhibit in it is larger than the limit');
          warnings.push({ code: 'VOLUME_OVER_LIMIT', message: `${path.basename(v.path)} is ${formatBytes(v.bytes)}, over the ${formatBytes(profile.maxVolumeBytes)} per-file limit of ${profile.name}: ${why}` });
        }
      });
      const result: PacketResult = { volumes: volumeResults, exhibits: outcome.exhibits, sections: outcome.sections, totalPages: total, pdfA, warnings };
      // What is certified is what the disk holds: each volume is read back before it gets its name.
      const staged = volumes.map((vol, i) => {
        const c = closed[i] as { bytes: number; sha256: string };
        verifyOnDisk(vol.writer.path, { sha256: c.sha256, bytes: c.bytes }, finalPaths[i] as string);
        return { temp: vol.writer.path, target: finalPaths[i] as string };
      });
      if (ecf) {
        checkOutputTarget(path.join(dir, 'attachments.csv'), { overwrite: opts.overwrite ?? false, caseFilePath: opts.caseFilePath ?? null });
        const lists = stageAttachmentLists(dir, stem, ecfAttachments(input, outcome.exhibits, (v) => finalPaths[v - 1] as string));
        listTemps.push(...lists.map((l) => l.temp));
        staged.push(...lists);
      }
      // Rule 5.2: every file of a public packet (ECF lists too) and its name are searched for every
      // value it redacted before anything is published.
      await assertNoLeaks(staged.map((s) => ({ path: s.temp, name: path.basename(s.target) })), redactedValues(input.exhibits));
      if (opts.publish) opts.publish(staged, result);
      else publishOutputs(null, staged, opts.overwrite ?? false);
      return result;
    } catch (err) {
      // publishOutputs removes what it placed when it fails, so only the temp files remain here.
      await discardAll(volumes);
      for (const temp of listTemps) await fs.rm(temp, { force: true });
      if (err instanceof PacketError || err instanceof DossierError) throw err;
      // File system errors (ENOSPC...) and a refused case record get the output codes.
      if (/^(E[A-Z]+|SQLITE_\w+)$/.test(String((err as NodeJS.ErrnoException).code ?? ''))) throw outputFileError(err, target);
      throw new PacketError('PACKET_FAILED', `The packet could not be written: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
    }
  }
  throw new PacketError('PACKET_FAILED', 'The packet layout did not settle (front matter pages or volume sizes); please report this packet.');
}

/**
 * ECF file names: the main document at outPath; each exhibit's file beside it, named after the
 * exhibit ("Exhibit 1 - Title.pdf"). A volume holding a part of the main document only (sections
 * after a split) keeps the -volN name.
 */
function ecfPaths(target: string, volumes: VolumeState[]): string[] {
  const dir = path.dirname(target);
  const fallback = volumePaths(target, volumes.length);
  return volumes.map((vol, i) => {
    const ex = vol.exhibits[0]?.exhibit;
    return i === 0 || !ex ? (i === 0 ? target : (fallback[i] as string)) : path.join(dir, ecfFileName(ex.label, ex.title, vol.part));
  });
}

/** outPath for one volume; "name-vol1.pdf", "name-vol2.pdf"... (zero-padded to sort) for several. */
export function volumePaths(target: string, count: number): string[] {
  if (count === 1) return [target];
  const ext = path.extname(target) || '.pdf';
  const base = target.slice(0, target.length - path.extname(target).length);
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => `${base}-vol${String(i + 1).padStart(width, '0')}${ext}`);
}

async function discardAll(volumes: VolumeState[]): Promise<void> {
  for (const vol of volumes) await vol.writer.discard();
}
