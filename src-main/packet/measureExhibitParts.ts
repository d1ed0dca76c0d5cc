import { type CourtProfile, PAGE_SIZES } from './courtProfiles';
import type { LoadedExhibit } from './loadExhibit';
import type { ExhibitInput, PacketInput } from './PacketInput';
import { loadPacketFonts } from '../fonts/packetFonts';
import { pageLayoutOf } from './pageLayout';
import { PdfVolumeWriter, type PagePart } from './PdfVolumeWriter';
import { initialCloseReserve, planExhibitParts } from './planExhibitParts';
import { renderExhibit } from './renderExhibit';

/**
 * The files an exhibit will be split into under the ECF layout, for `packet --check`: the exhibit
 * is drawn as the export draws it, into a writer that writes nothing, and its pages are split by
 * the export's own rule (planExhibitParts, with the room the export starts with). A part whose
 * `fits` is false is a page too large for any file.
 */
export async function measureExhibitParts(input: PacketInput, exhibit: ExhibitInput, loaded: LoadedExhibit, profile: CourtProfile): Promise<PagePart[]> {
  const fonts = loadPacketFonts();
  const writer = await PdfVolumeWriter.create(null, fonts.bytes);
  try {
    await renderExhibit(
      {
        writer,
        metrics: fonts.metrics,
        pageSize: PAGE_SIZES[profile.pageSize],
        layout: pageLayoutOf(profile),
        bates: input.options.bates,
        firstBates: input.options.bates.start,
        exhibit,
        pdfAPolicy: profile.pdfA,
        textPageCap: input.options.textPageCap ?? 50,
      },
      loaded,
    );
    return planExhibitParts(writer, 0, { maxVolumeBytes: profile.maxVolumeBytes, closeReserve: initialCloseReserve(profile.maxVolumeBytes) });
  } finally {
    await writer.discard();
  }
}
