/** Outcome of a bulk site import: what came in, what was merged, and every row that was not taken. */
export interface SiteImportReport {
  file: string;
  sha256: string;
  bytes: number;
  format: 'csv' | 'text';
  /** Rows seen (good and bad), excluding the header and blank/comment lines. */
  rowsRead: number;
  /** New website records. */
  imported: number;
  /** Rows that matched a website already in the case or earlier in the file, merged into it. */
  merged: number;
  errorCount: number;
  /** The row errors (the first 10,000; errorCount has them all). */
  errors: { rowNumber: number; value: string; code: string; reason: string; field: string | null }[];
  /** True when stopped by cancel: whole batches before it are kept. */
  cancelled: boolean;
  /** Set when the file itself was broken (e.g. an unclosed quote): rows before it are kept. */
  stoppedAt: { rowNumber: number | null; reason: string } | null;
}
