import type { RedactionBox } from '../contract/redaction';

/** A text to redact wherever it appears in an exhibit, and what stands in its place. */
export interface RedactedValue {
  value: string;
  /** What Rule 5.2(a) keeps ("XXX-XX-6789"); '' when nothing is kept. */
  kept: string;
  /** "REDACTED - FRCP 5.2(a)(1)". */
  label: string;
}

/** A box to black out on a page of a PDF or image exhibit. */
export interface RedactedBox {
  page: number;
  box: RedactionBox;
  kept: string;
  label: string;
}

/**
 * The accepted redactions of one exhibit, as plain data the packet engine applies (it never reads
 * the case file): every value is redacted wherever and however spaced it appears, every box is
 * burnt into its page's pixels.
 */
export interface ExhibitRedactions {
  values: RedactedValue[];
  boxes: RedactedBox[];
  /**
   * The sealed set (Rule 5.2(d)): the exhibit is shown unredacted; the redacted rendering is still
   * made, so both sets list the same hashes and lay out alike (same Bates numbers).
   */
  sealed?: boolean;
}
