import type { StagedOutput } from '../outputs/publishOutputs';
import type { PacketSection } from './PacketInput';

/** How an exhibit's content appears in the packet. */
export type ExhibitRendering = 'pdf' | 'image' | 'text' | 'native';

/** Where something landed: volume (1-based), page numbers within that volume, Bates numbers. */
export interface PagePlacement {
  volume: number;
  firstPage: number;
  lastPage: number;
  /** Bates numbers as integers (format with `formatBates`). */
  batesFirst: number;
  batesLast: number;
  /** Bates numbers as printed, e.g. "DOSS-000042". */
  batesFirstLabel: string;
  batesLastLabel: string;
}

/** ECF: one file of an exhibit filed in several ("Part 2 of 3"), with its own pages and Bates range. */
export interface ExhibitPart extends PagePlacement {
  part: number;
  of: number;
  pageCount: number;
}

export interface ExhibitPlacement extends PagePlacement {
  exhibitId: string;
  label: string;
  rendering: ExhibitRendering;
  /** Pages including the slip sheet. */
  pageCount: number;
  /** Why the exhibit is produced natively or truncated, if it is. */
  note?: string;
  /** Active content left out of the reproduced pages (JavaScript, embedded files, links, forms). */
  removed?: string[];
  /** Rule 5.2 redactions burnt in (public packets): how many, and the redacted rendering's SHA-256. */
  redacted?: { places: number; sha256: string };
  /** ECF: the files the exhibit was split into, in order; absent when it is one file. */
  parts?: ExhibitPart[];
}

export interface SectionPlacement extends PagePlacement {
  section: Exclude<PacketSection, 'exhibits'>;
  title: string;
  pageCount: number;
}

export interface PacketVolume {
  path: string;
  pages: number;
  bytes: number;
  sha256: string;
  batesFirst: number;
  batesLast: number;
}

export interface PacketWarning {
  code: string;
  message: string;
  exhibitId?: string;
}

export interface PacketResult {
  volumes: PacketVolume[];
  exhibits: ExhibitPlacement[];
  sections: SectionPlacement[];
  totalPages: number;
  /** True when the output declares PDF/A-2b conformance (every merged source claimed PDF/A). */
  pdfA: boolean;
  warnings: PacketWarning[];
}

export type PacketPhase = 'front-matter' | 'exhibits' | 'back-matter' | 'finishing';

export interface PacketProgress {
  phase: PacketPhase;
  pagesDone: number;
  /** Grows more accurate as exhibits are read; never below `pagesDone`. */
  pagesTotalEstimate: number;
  exhibitsDone: number;
  exhibitsTotal: number;
}

export interface ExportPacketOptions {
  onProgress?: (progress: PacketProgress) => void;
  signal?: AbortSignal;
  /** Folder holding the TTF fonts (defaults to the repository's resources/fonts). */
  fontDir?: string;
  /** Replace existing files at the volumes' names (default: refuse with FILE_EXISTS). */
  overwrite?: boolean;
  /** The open case file the packet comes from: never written over, under any name. */
  caseFilePath?: string;
  /**
   * Gives the finished, verified volumes their names (default: publishOutputs without a case).
   * exportCasePacket passes one that records the packet in the case transaction first.
   */
  publish?: (staged: StagedOutput[], result: PacketResult) => void;
}
