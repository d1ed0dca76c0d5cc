/** Web captures (WARC/WACZ/HAR/MHTML) as the UI and the CLI see them (src-main/captures). */

export type CaptureFormat = 'warc' | 'warc.gz' | 'wacz' | 'har' | 'mhtml';
export type CaptureImportStatus = 'importing' | 'complete' | 'partial';

export interface CaptureProblemInfo {
  offset: number | null;
  member: string | null;
  message: string;
}

/** One capture: the exhibit it was read from, how complete the import is, what wrote it. */
export interface CaptureSummary {
  id: string;
  evidence_id: string;
  exhibit_label: string;
  format: CaptureFormat;
  import_status: CaptureImportStatus;
  record_count: number;
  page_count: number;
  problems: CaptureProblemInfo[];
  /** Capture software and version from the warcinfo record (or the WACZ/HAR creator). */
  tool: string | null;
  created_at: string;
}

/** One record of a capture (a WARC record, a HAR entry, an MHTML part). */
export interface CaptureRecordInfo {
  id: string;
  capture_id: string;
  seq: number;
  record_id: string;
  record_type: string;
  target_uri: string | null;
  captured_at: string | null;
  ip: string | null;
  content_type: string | null;
  http_status: number | null;
  member: string | null;
  offset: number | null;
  length: number | null;
  block_sha256: string | null;
  payload_sha1: string | null;
  payload_sha256: string | null;
  payload_length: number | null;
  declared_block_digest: string | null;
  declared_payload_digest: string | null;
  digest_status: 'verified' | 'computed' | 'mismatch' | 'truncated';
  problem: string | null;
}

/** A captured page: what the investigator saw at that URL and time. */
export interface CapturePageInfo {
  id: string;
  capture_id: string;
  evidence_id: string;
  exhibit_label: string;
  url: string;
  host: string | null;
  captured_at: string | null;
  title: string | null;
  http_status: number | null;
  listed: boolean;
  /** The record holding the page's HTML (null when a listed page's HTML is not in the archive). */
  record: CaptureRecordInfo | null;
  /** The capture's own screenshot of the page, when the capture tool recorded one. */
  screenshot_record_id: string | null;
}

export interface CapturePageDetail extends CapturePageInfo {
  text: string;
  text_truncated: boolean;
  capture: CaptureSummary;
}

/** A website a capture import linked the capture to. */
export interface CaptureLinkedWebsite {
  id: string;
  host: string;
  created: boolean;
  /**
   * The capture time dated on the website's lifecycle ("evidence captured"): a UTC instant, or a
   * time as written with no zone. null when the capture states no usable time: the capture is
   * linked, and no lifecycle event is dated (none is invented).
   */
  captured_at: string | null;
}

export interface CaptureImportResult {
  capture: CaptureSummary;
  evidence_id: string;
  pages: CapturePageInfo[];
  /** Websites of the case linked as "captured" (created ones say so). */
  websites: CaptureLinkedWebsite[];
  /** Hosts of captured pages with no website in the case (use --create-sites to add them). */
  unmatched_hosts: string[];
}

/** A resource served to the replay view from the stored archive. */
export interface CaptureResource {
  url: string;
  record_id: string;
  captured_at: string | null;
  http_status: number | null;
  content_type: string;
  /** Body bytes, base64 (the contract carries JSON). */
  body_base64: string;
  /** Where a redirect pointed, resolved against the URL. */
  location: string | null;
}

/** An archived page made self-contained for the replay view (src-main/captures/buildReplayDocument). */
export interface CaptureReplay {
  url: string;
  /** The page with everything it embeds inlined from the archive; null when the archive lacks the page. */
  html: string | null;
  /** URLs the page asked for that the archive does not hold (never fetched). */
  missing: string[];
  embedded: number;
  captured_at: string | null;
  http_status: number | null;
  record_id: string | null;
  /**
   * The page's addresses on the app's dossier-archive: protocol (served from the stored archive by
   * main), with page scripts off and on; null when the page is not in the archive or its URL cannot
   * be carried. Only a shell with that protocol can load them.
   */
  archive_urls: { scripts_off: string; scripts_on: string } | null;
}
