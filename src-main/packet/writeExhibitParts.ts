import type { VolumeState } from './assemblePacket';
import { PacketError } from './PacketError';
import type { PagePart, PdfVolumeWriter } from './PdfVolumeWriter';

/**
 * Writes an exhibit planned into parts (planExhibitParts), each part a file of its own: `first`
 * (the file the exhibit opened, started afresh) then new volumes. Each part draws the exhibit
 * again, with the same first Bates number so every page keeps its number and with footers naming
 * the part, and keeps only its own pages: the renderers need not cut an exhibit, at the cost of
 * drawing a split exhibit once per part (and once to plan). `from` is the body index the parts
 * were planned at; `pages` the exhibit's page count then. Returns each part's volume and the body
 * index of its first page.
 */
export async function writeExhibitParts(
  first: VolumeState,
  parts: PagePart[],
  from: number,
  pages: number,
  io: {
    label: string;
    freshWriter: () => Promise<PdfVolumeWriter>;
    newVolume: () => Promise<VolumeState>;
    render: (vol: VolumeState, part: { index: number; count: number }) => Promise<{ pages: number; bodyIndex: number }>;
  },
): Promise<{ vol: VolumeState; bodyIndex: number }[]> {
  // The first part's file starts afresh: it holds nothing else (each exhibit opens a file of its
  // own), and drawing an evidence PDF again into a document rolled back after drawing it fails
  // inside pdf-lib (a copied content stream goes missing).
  if (first.exhibits.length + first.sections.length > 0 || first.cover) throw new Error('An exhibit to split must open its file');
  await first.writer.discard();
  first.writer = await io.freshWriter();
  const written: { vol: VolumeState; bodyIndex: number }[] = [];
  for (const [k, part] of parts.entries()) {
    const vol = k === 0 ? first : await io.newVolume();
    const since = vol.writer.checkpoint();
    const again = await io.render(vol, { index: k + 1, count: parts.length });
    // Drawing is deterministic; a different page count would put pages in the wrong part.
    if (again.pages !== pages) throw new PacketError('PACKET_FAILED', `${io.label} came out with ${again.pages} pages instead of ${pages} when drawn again for part ${k + 1}; please report this packet.`);
    await vol.writer.keepBodyPages(again.bodyIndex + part.start - from, again.bodyIndex + part.end - from, since);
    vol.part = { index: k + 1, count: parts.length };
    written.push({ vol, bodyIndex: since.bodyPages });
  }
  return written;
}
