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
  /**
   * Set by --resume: the websites the killed run(s) had created, counted in `imported` (and not
   * in `merged`) when the resume read the whole list, so it gives the totals of the whole import.
   */
  importedBeforeResume?: number;
  /** Set by --resume: 'whole list' (counts as above), or 'this run' when the resume was cut short too (its own counts only). */
  resumeCovers?: 'whole list' | 'this run';
  errorCount: number;
  /** The row errors (the first 10,000; errorCount has them all). */
  errors: { rowNumber: number; value: string; code: string; reason: string; field: string | null }[];
  /**
   * Values a row offered for a field the site already held differently (recorded in the case, or
   * by an earlier row of the list): left as they were, never overwritten, and each named here.
   */
  valuesNotTaken: number;
  /** Those values (the first 10,000; valuesNotTaken counts them all), in row order. */
  notTaken: SiteValueNotTaken[];
  /** True when stopped by cancel: whole batches before it are kept. */
  cancelled: boolean;
  /** Set when the file itself was broken (e.g. an unclosed quote): rows before it are kept. */
  stoppedAt: { rowNumber: number | null; reason: string; /** The error code (CSV_MALFORMED, NO_SITE_COLUMN ...). */ code: string } | null;
}

/** One value of a list row that the import did not take, because the site already held another. */
export interface SiteValueNotTaken {
  rowNumber: number;
  field: string;
  /** The list's column it came from (its header), or null when it was made of several (notes with unmapped columns). */
  column: string | null;
  kept: string;
  offered: string;
  /** The website as the case shows it (host, and path for a URL). */
  site: string;
}
