import type { RecordsNotShown } from './recordsNotShown';

/**
 * A web capture exhibit as the packet shows it (filled from the case by src-main/captures): per
 * captured page, the facts a court needs (URL, time, IP, HTTP status, record id, digests), then the
 * page itself: the capture's own screenshot, a rendering of the archived page, or its text.
 */
export interface CapturePageExhibit {
  url: string;
  title: string | null;
  capturedAt: string | null;
  ip: string | null;
  httpStatus: number | null;
  recordId: string | null;
  payloadSha256: string | null;
  payloadSha1: string | null;
  blockSha256: string | null;
  declaredDigests: string[];
  /** e.g. "verified: the declared WARC digests match the stored bytes". */
  digestCheck: string;
  /** PNG or JPEG of the page, and where it came from. */
  image: { bytes: Uint8Array; source: 'screenshot' | 'rendering'; recordId: string | null } | null;
  /** Said on the page when there is no image (why, and that the text follows). */
  noImageReason: string | null;
  text: string;
  /** With the text: what was checked about text the page hid (null when an image is shown). */
  textNote: string | null;
}

export interface CaptureExhibitInput {
  format: string;
  tool: string | null;
  importStatus: string;
  recordCount: number;
  problemCount: number;
  pages: CapturePageExhibit[];
  /** Pages of the capture not shown (past the packet's limit per exhibit). */
  pagesOmitted: number;
  /** The archive's records that no page shows (all but the shown pages' responses and screenshots). */
  recordsNotShown: RecordsNotShown;
}
