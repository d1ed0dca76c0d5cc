import { formatBates } from './formatBates';
import { GREY, type LayoutFlow } from './LayoutFlow';
import type { PacketSection } from './PacketInput';
import { attachmentRef, formatPageRef, type Placement, type SectionContext, sectionTitle } from './SectionContext';

/**
 * Table of contents with dot leaders: every section after the cover, and every exhibit under
 * "Exhibits", each with its first Bates number and page (volume and page once split).
 */
export function layoutToc(flow: LayoutFlow, ctx: SectionContext): void {
  flow.newPage();
  flow.heading('TABLE OF CONTENTS', 13, 14);
  const pageCol = 74;
  const batesCol = Math.max(92, flow.width(formatBates(ctx.bates, ctx.packetBates.last), 'serif', 9.5) + 16);
  const titleWidth = flow.contentWidth - pageCol - batesCol - 16;
  flow.ensureSpace(20);
  flow.y -= 12;
  flow.text('Bates', flow.right - pageCol - 6, flow.y, { font: 'serifBold', size: 9 }, 'right');
  flow.text('Page', flow.right, flow.y, { font: 'serifBold', size: 9 }, 'right');
  flow.y -= 6;

  const entry = (title: string, placement: Placement | undefined, indent: number, bold: boolean): void => {
    const font = bold ? 'serifBold' : 'serif';
    const size = bold ? 11 : 10.5;
    const leading = size * 1.35;
    const lines = flow.wrap(title, font, size, titleWidth - indent);
    flow.ensureSpace(leading * lines.length + 4);
    flow.y -= 4;
    lines.forEach((line, i) => {
      flow.y -= leading;
      flow.text(line, flow.left + indent, flow.y, { font, size });
      if (i === lines.length - 1 && placement) {
        const end = flow.left + indent + flow.width(line, font, size) + 4;
        const batesStart = flow.right - pageCol - batesCol;
        const dotW = flow.width('.', 'serif', size) * 2;
        const dots = Math.max(0, Math.floor((batesStart - end) / dotW));
        flow.text('. '.repeat(dots).trimEnd(), batesStart - 4, flow.y, { font: 'serif', size, color: GREY }, 'right');
        flow.text(formatBates(ctx.bates, placement.batesFirst), flow.right - pageCol - 6, flow.y, { font: 'serif', size: 9.5 }, 'right');
        // ECF: an exhibit is its own attachment (volume 1 is the main document).
        const where = ctx.ecf && placement.volume > 1 ? attachmentRef(placement) : formatPageRef(placement, ctx.volumeCount);
        flow.text(where, flow.right, flow.y, { font: 'serif', size: 9.5 }, 'right');
      }
    });
  };

  const listed = ctx.input.options.sections.filter((s): s is Exclude<PacketSection, 'cover' | 'toc'> => s !== 'cover' && s !== 'toc');
  for (const section of listed) {
    entry(sectionTitle(section, ctx), ctx.sections.get(section), 0, true);
    if (section === 'exhibits') {
      for (const ex of ctx.input.exhibits) entry(`${ex.label} — ${ex.title}`, ctx.exhibits.get(ex.id), 18, false);
    }
  }
}
