import type { CaptureRecordInfo } from '../contract/captures';

/** Where a problem was found: a byte offset in the stored exhibit (or in a member of a WACZ). */
export interface CaptureProblem {
  offset: number | null;
  member: string | null;
  message: string;
  /** 'digest': a fully read record whose declared digest does not match (the import is still complete). */
  kind?: 'damage' | 'digest';
}

/** How a record's digests came out: declared and matching, computed (none declared), not matching, or cut short. */
export type DigestStatus = CaptureRecordInfo['digest_status'];

/** One record of a capture as read from the stored bytes (a row of capture_record, before it has ids). */
export interface CaptureRecordData extends Omit<CaptureRecordInfo, 'id' | 'capture_id'> {
  /** Where the WACZ member holding the record starts in the exhibit, and how it is stored (0 stored, 8 deflate). */
  member_offset: number | null;
  member_method: 0 | 8 | null;
}

/** What the scan keeps of a record beyond its row: the start of an HTML payload (for the page's title and text), HTTP headers. */
export interface ScannedRecord extends CaptureRecordData {
  /** The start of the payload, decoded from transfer and content encodings, for HTML responses only. */
  html: Buffer | null;
  /** The HTTP Location header (redirects). */
  location: string | null;
  /** `key: value` fields of a warcinfo record. */
  info: Record<string, string> | null;
}

/** The Content-Type without parameters, lower case. */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** Whether a record's payload is an HTML document (a page candidate). */
export function isHtml(contentType: string | null | undefined): boolean {
  const type = mediaTypeOf(contentType);
  return type === 'text/html' || type === 'application/xhtml+xml';
}
