/**
 * What the case file records about the digests a web capture's own tool wrote (WARC-Block-Digest,
 * WARC-Payload-Digest, a WACZ's datapackage.json) and how they compared with the stored bytes when
 * the capture was read into the case. Plain data: a production freezes it with the packet input,
 * so a re-export states the same counts whatever happened to the case since.
 */
export interface CaptureDigestFacts {
  /** warc, warc.gz, wacz, har, mhtml. */
  format: string;
  /** Capture software as the archive names it (warcinfo `software`, WACZ `software`, HAR creator). */
  tool: string | null;
  /** When the capture was read into the case (its digests checked): capture.created_at. */
  checkedAt: string;
  /** Every record of the capture. */
  records: number;
  /** Records whose declared digest(s) all matched their bytes. */
  matched: number;
  /** Records that carry no digest from the capture tool. */
  noDigest: number;
  /** Records carrying a digest in an algorithm or form that could not be checked. */
  uncheckable: number;
  /** Records cut short in the archive (their digest could not be checked). */
  truncated: number;
  /** Records whose declared digest does not match; the first few are named in `mismatches`. */
  mismatched: number;
  /** The digest headers and algorithms of the matched records, e.g. WARC-Payload-Digest with SHA-1. */
  matchedDigests: { header: string; algorithm: string }[];
  /** The first mismatching records, named so a reader can find them. */
  mismatches: { recordId: string; targetUri: string | null; offset: number | null; member: string | null; headers: string[] }[];
  /** WACZ: files whose SHA-256 datapackage.json gives, and those that did not match it. */
  datapackage: { checked: number; failed: string[] } | null;
}
