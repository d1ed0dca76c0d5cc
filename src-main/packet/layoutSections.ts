import { effectiveProfile } from './courtProfiles';
import { generatedPageGeometry } from './ExhibitRenderContext';
import { type LaidOutPage, LayoutFlow } from './LayoutFlow';
import { layoutAuditHeads } from './layoutAuditHeads';
import { layoutCourtOrders } from './layoutCourtOrders';
import { layoutCover } from './layoutCover';
import { layoutCustodyReport } from './layoutCustodyReport';
import { layoutDeclaration } from './layoutDeclaration';
import { layoutDomainAppendix } from './layoutDomainAppendix';
import { layoutExhibitIndex } from './layoutExhibitIndex';
import { layoutToc } from './layoutToc';
import type { PacketSection } from './PacketInput';
import type { FontMetricsSet } from '../fonts/packetFonts';
import { pageLayoutOf } from './pageLayout';
import { type SectionContext, sectionTitle } from './SectionContext';

export type GeneratedSection = Exclude<PacketSection, 'exhibits'>;

const LAYOUTS: Record<GeneratedSection, (flow: LayoutFlow, ctx: SectionContext) => void> = {
  cover: layoutCover,
  toc: layoutToc,
  declaration: layoutDeclaration,
  index: layoutExhibitIndex,
  appendix: layoutDomainAppendix,
  orders: layoutCourtOrders,
  custody: layoutCustodyReport,
  audit: layoutAuditHeads,
};

export interface LaidOutSection {
  section: GeneratedSection;
  title: string;
  /** Index of the section's first page within the laid-out pages. */
  firstPage: number;
  pageCount: number;
}

export interface LaidOutSections {
  pages: LaidOutPage[];
  sections: LaidOutSection[];
}

/** Lays out a run of generated sections, each starting on a new page. */
export function layoutSections(
  sections: GeneratedSection[],
  ctx: SectionContext,
  pageSize: readonly [number, number],
  metrics: FontMetricsSet,
): LaidOutSections {
  const flow = new LayoutFlow(generatedPageGeometry(pageSize, pageLayoutOf(effectiveProfile(ctx.input.options))), metrics);
  const result: LaidOutSection[] = [];
  for (const section of sections) {
    const firstPage = flow.pages.length;
    LAYOUTS[section](flow, ctx);
    result.push({ section, title: sectionTitle(section, ctx), firstPage, pageCount: flow.pages.length - firstPage });
  }
  return { pages: flow.pages, sections: result };
}
