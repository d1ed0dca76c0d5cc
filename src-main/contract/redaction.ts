import type { RecordMeta } from './records';

/**
 * Redaction for public filings (Fed. R. Civ. P. 5.2): the categories of personal identifiers the
 * detectors find, the rule subsection each falls under, and the stored candidate/decision record.
 * Change the category list together with migration 0100-redactions (its CHECK).
 */
export const REDACTION_CATEGORIES = [
  'ssn', 'itin', 'ein', 'payment_card', 'iban', 'account_number', 'birth_date', 'minor_name', 'email', 'phone', 'other',
] as const;
export type RedactionCategory = (typeof REDACTION_CATEGORIES)[number];

/** Categories found only when the user asks (they are not Rule 5.2(a) identifiers). */
export const OPT_IN_CATEGORIES: readonly RedactionCategory[] = ['email', 'phone'];

/**
 * Rule 5.2(a) subsection of each category: (1) social-security and taxpayer-identification
 * numbers, (2) birth dates, (3) minors' names, (4) financial-account numbers. Null: outside 5.2(a)
 * (personal data counsel chose to redact).
 */
export const RULE_SUBSECTION: Readonly<Record<RedactionCategory, string | null>> = {
  ssn: '5.2(a)(1)',
  itin: '5.2(a)(1)',
  ein: '5.2(a)(1)',
  birth_date: '5.2(a)(2)',
  minor_name: '5.2(a)(3)',
  payment_card: '5.2(a)(4)',
  iban: '5.2(a)(4)',
  account_number: '5.2(a)(4)',
  email: null,
  phone: null,
  other: null,
};

/** Category names as counsel say them (review view, lists). */
export const REDACTION_CATEGORY_LABELS: Readonly<Record<RedactionCategory, string>> = {
  ssn: 'SSN', itin: 'ITIN', ein: 'EIN', payment_card: 'Payment card', iban: 'IBAN', account_number: 'Account number',
  birth_date: 'Date of birth', minor_name: "Minor's name", email: 'E-mail address', phone: 'Phone number', other: 'Other',
};

/** What a redacted place says on the page, e.g. "REDACTED - FRCP 5.2(a)(4)". */
export function redactionLabel(category: RedactionCategory): string {
  const rule = RULE_SUBSECTION[category];
  return rule ? `REDACTED - FRCP ${rule}` : 'REDACTED - personal data';
}

export const REDACTION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type RedactionStatus = (typeof REDACTION_STATUSES)[number];

/** A rectangle on a page: PDF points (PDF pages) or pixels (images), from the top-left corner. */
export interface RedactionBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A place in an exhibit to redact: found by a detector ('detected') or added by a user
 * ('manual'), with the review decision (who, when, why). Stored in `redaction` (0100).
 */
export interface Redaction extends RecordMeta {
  evidence_id: string;
  source: 'detected' | 'manual';
  category: RedactionCategory;
  rule: string | null;
  /** 1-based page of a PDF or image exhibit; null for text-like exhibits (offsets into its text). */
  page: number | null;
  span_start: number | null;
  span_end: number | null;
  box: RedactionBox | null;
  /** The identifier as it appears (what must not leak); null for a box drawn on an image. */
  value: string | null;
  /** What a public filing may keep (last four digits, birth year, initials), shown in its place. */
  kept: string;
  context: string | null;
  status: RedactionStatus;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  /** The exhibit's label, in lists (redact.list). */
  exhibit_label?: string;
}

/** A PDF exhibit's page as a picture to draw boxes on (boxes are stored in its points). */
export interface RedactionPageImage {
  pages: number;
  page: number;
  widthPoints: number;
  heightPoints: number;
  /** data:image/png;base64,... */
  imageDataUrl: string;
}

/** What `redact scan` found and stored. */
export interface RedactionScanReport {
  exhibitsScanned: number;
  /** Exhibits whose text could not be read for scanning (native files, images), by label. */
  notScanned: { exhibit: string; reason: string }[];
  found: number;
  added: number;
  /** Candidates found again that were already stored (kept with their decision). */
  alreadyKnown: number;
}
