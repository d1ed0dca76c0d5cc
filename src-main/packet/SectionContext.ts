import type { BatesOptions, Declarant, PacketInput, PacketSection } from './PacketInput';

/** Where a section or exhibit starts and ends: volume, page within the volume, Bates numbers. */
export interface Placement {
  volume: number;
  firstPage: number;
  batesFirst: number;
  batesLast: number;
  /** For a PDF exhibit: the active content left out of its reproduced pages (see listActiveContent). */
  removed?: string[];
  /** An exhibit that could not be reproduced as pages: a slip sheet describes it (the declaration says so). */
  native?: boolean;
  /** An exhibit reproduced only in part (a long text cut at the page cap, a capture's pages left out): what its pages say about the rest. */
  partial?: string;
  /** Rule 5.2 redactions burnt in (public packets): how many, and the redacted rendering's SHA-256. */
  redacted?: { places: number; sha256: string };
  /** ECF: an exhibit filed in several parts, volumes (attachments) `volume` to `lastVolume`. */
  filedInParts?: { count: number; lastVolume: number };
}

/**
 * What the generated sections print. Page and Bates numbers are known only after the exhibits are
 * in place, so sections are laid out twice: once with placeholder placements to count pages,
 * then with the real ones (see exportPacket).
 */
export interface SectionContext {
  input: PacketInput;
  bates: BatesOptions;
  declarant: Declarant;
  /** Export time (ISO), the fixed date when one is given. */
  exportDate: string;
  exhibits: Map<string, Placement>;
  sections: Map<PacketSection, Placement>;
  volumeCount: number;
  /** ECF layout: volume 1 is the main document, each later volume one exhibit's attachment. */
  ecf?: boolean;
  /** Bates numbers of the whole packet. */
  packetBates: { first: number; last: number };
}

export function sectionTitle(section: PacketSection, ctx: Pick<SectionContext, 'declarant'>): string {
  switch (section) {
    case 'cover':
      return 'Cover';
    case 'toc':
      return 'Table of Contents';
    case 'declaration':
      return `Declaration of ${ctx.declarant.name}`;
    case 'index':
      return 'Index of Exhibits';
    case 'appendix':
      return 'Appendix A: Domains';
    case 'orders':
      return 'Court Orders';
    case 'custody':
      return 'Chain of Custody';
    case 'audit':
      return 'Audit Chain and Case File Hash';
    case 'exhibits':
      return 'Exhibits';
  }
}

/** ECF: the attachment (or attachments, for an exhibit filed in parts) an exhibit is filed as, "Att. 2" or "Att. 3–5"; volume 1 is the main document. */
export function attachmentRef(p: Placement): string {
  return p.filedInParts ? `Att. ${p.volume - 1}–${p.filedInParts.lastVolume - 1}` : `Att. ${p.volume - 1}`;
}

/** "p. 12" in volume 1 of a single-volume packet, "Vol. 2, p. 3" otherwise. */
export function formatPageRef(p: Placement, volumeCount: number): string {
  return volumeCount > 1 ? `Vol. ${p.volume}, p. ${p.firstPage}` : `p. ${p.firstPage}`;
}
