import type { CourtProfile } from './courtProfiles';

/** Margins in inches, as court rules state them. */
export interface MarginsInches {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Where a profile's pages may be printed on, in PDF points (1/72 inch). */
export interface PageLayout {
  /** Margins of the pages the packet writes itself (cover, declaration, index, sections, slip sheets). */
  margins: MarginsInches;
  /** The band at the top of every page left blank for the header the court's e-filing system stamps. */
  headerZone: number;
}

/** One inch all round: what court rules expect of papers when the profile does not say. */
export const DEFAULT_MARGINS_INCHES = 1;
/**
 * CM/ECF stamps "Case ... Document ... Filed ... Page n of m" over the top half inch of every page
 * of a filed document, over whatever is printed there.
 */
export const DEFAULT_HEADER_ZONE_INCHES = 0.5;
/**
 * The top band of exhibit pages is never narrower than this (half an inch), even for a court with
 * no header zone: the one-line page header sits below it, clear of the edge printers cannot reach.
 */
const EXHIBIT_TOP_MIN = 36;

/** One number for all four margins, or each side. */
export function marginsInches(value: number | MarginsInches | undefined): MarginsInches {
  const m = value ?? DEFAULT_MARGINS_INCHES;
  return typeof m === 'number' ? { top: m, right: m, bottom: m, left: m } : m;
}

/** The page layout of a profile in points; the defaults (1 in margins, 0.5 in header zone) when it sets none. */
export function pageLayoutOf(profile: Pick<CourtProfile, 'marginsInches' | 'headerZoneInches'> | undefined): PageLayout {
  const m = marginsInches(profile?.marginsInches);
  return {
    margins: { top: m.top * 72, right: m.right * 72, bottom: m.bottom * 72, left: m.left * 72 },
    headerZone: (profile?.headerZoneInches ?? DEFAULT_HEADER_ZONE_INCHES) * 72,
  };
}

/** The blank band at the top of an exhibit's own pages: the header zone, at least half an inch. */
export function exhibitTopBand(layout: PageLayout): number {
  return Math.max(EXHIBIT_TOP_MIN, layout.headerZone);
}
