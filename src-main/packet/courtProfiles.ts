import type { PacketSection } from './PacketInput';
import type { MarginsInches } from './pageLayout';
import type { CourtProfileFileParsed } from '../contract/courtProfileSchema';

/** Page sizes in PDF points (1/72 inch). */
export const PAGE_SIZES = {
  letter: [612, 792],
  a4: [595.28, 841.89],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * What a court (or its e-filing system) accepts. The checker reports packets that break these
 * rules; the exporter splits volumes at `maxVolumeBytes` and applies the PDF/A policy.
 */
export interface CourtProfile {
  name: string;
  description: string;
  pageSize: keyof typeof PAGE_SIZES;
  /** Per-file upload limit; bigger packets are split into volumes at exhibit boundaries. */
  maxVolumeBytes: number;
  /** Sections the filing is expected to contain. */
  requiredSections: PacketSection[];
  /**
   * `required`: the packet must be PDF/A, so PDF exhibits that do not claim PDF/A are produced
   * natively (slip sheet only). `preferred`: PDF/A is declared only when every merged source claims
   * it; otherwise the packet is plain PDF and a warning says why.
   */
  pdfA: 'required' | 'preferred';
  /** A filing profile: the declaration must name its declarant's title and place (checkFiling). */
  filing?: boolean;
  /** The declaration's body text size in points (default 12) and line spacing as a multiple of it (default 1.6; 2 is double-spaced). */
  bodyFontSize?: number;
  lineSpacing?: number;
  /** How a renumbered filing labels its exhibits: Exhibit 1, 2 ... or Exhibit A, B ... */
  exhibitLabels?: 'numeric' | 'alpha';
  /** How the packet is laid out when the options do not say (see PacketOptions.layout). */
  layout: 'combined' | 'ecf';
  /** Margins of the pages the packet writes itself, in inches (default 1); see pageLayout.ts. */
  marginsInches?: number | MarginsInches;
  /** The band at the top of every page left blank for the court's e-filing stamp, in inches (default 0.5). */
  headerZoneInches?: number;
}

const MB = 1024 * 1024;

export const COURT_PROFILES: readonly CourtProfile[] = [
  {
    name: 'sdny-ecf',
    description: 'S.D.N.Y. CM/ECF: US Letter, 15 MB per file, declaration and exhibit index expected, declaration as main document and one PDF per exhibit (in parts when larger), 1 in margins, top 0.5 in left for the ECF header',
    pageSize: 'letter',
    maxVolumeBytes: 15 * MB,
    requiredSections: ['declaration', 'index', 'exhibits'],
    pdfA: 'preferred',
    filing: true,
    layout: 'ecf',
    marginsInches: 1,
    headerZoneInches: 0.5,
  },
  {
    name: 'generic-50mb',
    description: 'Generic court: US Letter, 50 MB per file',
    pageSize: 'letter',
    maxVolumeBytes: 50 * MB,
    requiredSections: [],
    pdfA: 'preferred',
    layout: 'combined',
    marginsInches: 1,
    headerZoneInches: 0.5,
  },
  {
    name: 'generic-a4-50mb',
    description: 'Generic court outside the US: A4, 50 MB per file',
    pageSize: 'a4',
    maxVolumeBytes: 50 * MB,
    requiredSections: [],
    pdfA: 'preferred',
    layout: 'combined',
    marginsInches: 1,
    headerZoneInches: 0.5,
  },
  {
    name: 'pdfa-strict',
    description: 'Archival filing: US Letter, 50 MB per file, PDF/A-2b only (non-PDF/A PDFs produced natively)',
    pageSize: 'letter',
    maxVolumeBytes: 50 * MB,
    requiredSections: ['cover', 'index', 'exhibits'],
    pdfA: 'required',
    layout: 'combined',
    marginsInches: 1,
    headerZoneInches: 0.5,
  },
];

export function getCourtProfile(name: string): CourtProfile | undefined {
  return COURT_PROFILES.find((p) => p.name === name);
}

/** A profile from the user's JSON file (validated by the contract's courtProfileSchema), as the engine uses it. */
export function userCourtProfile(file: CourtProfileFileParsed): CourtProfile {
  const { maxMb, bodyFontSize, lineSpacing, marginsInches, headerZoneInches, ...rest } = file;
  return {
    ...rest,
    // A fractional limit ("0.5" MB) is a whole number of bytes.
    maxVolumeBytes: Math.round(maxMb * MB),
    ...(bodyFontSize ? { bodyFontSize } : {}),
    ...(lineSpacing ? { lineSpacing } : {}),
    ...(marginsInches !== undefined ? { marginsInches } : {}),
    ...(headerZoneInches !== undefined ? { headerZoneInches } : {}),
  };
}

/** The profile of the options (the user's own, or a built-in one by name), with the options' own size limit applied if set. */
export function effectiveProfile(options: { profile: string; maxVolumeBytes?: number; customProfile?: CourtProfile }): CourtProfile | undefined {
  const profile = options.customProfile ?? getCourtProfile(options.profile);
  if (!profile) return undefined;
  return options.maxVolumeBytes ? { ...profile, maxVolumeBytes: options.maxVolumeBytes } : profile;
}
