import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { RedactionCategory } from '../contract/redaction';
import { readStoredBytes } from '../evidence/readEvidenceStream';
import { exhibitScanText } from './exhibitScanText';
import { findIdentifiers } from './findIdentifiers';
import { SCAN_BYTES } from './scanRedactions';
import { acceptedRedactions } from './acceptedRedactions';
import { textHolds } from './valuePattern';

/** An exhibit holding Rule 5.2 identifiers that no redaction record covers, counted by category (never the values). */
export interface IdentifiersNeverReviewed {
  exhibitId: string;
  label: string;
  counts: Partial<Record<RedactionCategory, number>>;
  /**
   * PDF pages carrying text outside their crop box that the public set would hold as it is (no
   * accepted value there, which would have the page reproduced as a picture of its visible area).
   */
  offPagePages?: number[];
}

/**
 * Runs the detectors over the chosen exhibits as `redact scan` would, and keeps the identifiers no
 * redaction record (pending, accepted or rejected) is about. Candidates are only stored by a scan,
 * so without this a case nobody scanned would pass the check with every identifier in the open.
 * Opt-in categories (e-mail, phone) are not looked for: they are not Rule 5.2(a) identifiers.
 * Also lists the PDF pages carrying text outside their visible area that the packet would copy.
 */
export async function identifiersNeverReviewed(
  caseFile: CaseFile,
  exhibits: readonly { id: string; exhibit_label: string; content_sha256: string | null; media_type: string | null }[],
): Promise<IdentifiersNeverReviewed[]> {
  const known = prepareCached(caseFile.db, 'SELECT 1 FROM redaction WHERE evidence_id = ? AND category = ? AND value = ? AND deleted_at IS NULL');
  const found: IdentifiersNeverReviewed[] = [];
  for (const exhibit of exhibits) {
    if (!exhibit.content_sha256) continue;
    const { bytes } = readStoredBytes(caseFile.db, exhibit.content_sha256, SCAN_BYTES);
    const scan = await exhibitScanText(bytes, exhibit.media_type ?? 'application/octet-stream');
    if (scan.kind === 'none') continue;
    const counts: Partial<Record<RedactionCategory, number>> = {};
    const seen = new Set<string>();
    const offPagePages = scan.kind === 'pdf' ? offPageKeptAsIs(scan.parts, acceptedRedactions(caseFile, exhibit.id)?.values ?? []) : [];
    for (const part of scan.parts) {
      for (const hit of findIdentifiers(part.text)) {
        const key = `${hit.category}\u0000${hit.value}`;
        if (seen.has(key) || known.get(exhibit.id, hit.category, hit.value)) continue;
        seen.add(key);
        counts[hit.category] = (counts[hit.category] ?? 0) + 1;
      }
    }
    if (Object.keys(counts).length > 0 || offPagePages.length > 0) found.push({ exhibitId: exhibit.id, label: exhibit.exhibit_label, counts, ...(offPagePages.length > 0 ? { offPagePages } : {}) });
  }
  return found;
}

/** Pages whose off-page text (the parts exhibitScanText adds without positions) holds no accepted value: the packet copies them as they are. */
function offPageKeptAsIs(parts: readonly { page: number; pdf: { items: readonly unknown[] }; text: string }[], values: readonly { value: string }[]): number[] {
  const pages = parts.filter((p) => p.pdf.items.length === 0 && p.text.trim() !== '' && !values.some((v) => textHolds(p.text, v.value))).map((p) => p.page);
  return [...new Set(pages)].sort((a, b) => a - b);
}

/** Each category in a sentence, singular and plural. */
const SPOKEN: Readonly<Record<RedactionCategory, readonly [string, string]>> = {
  ssn: ['SSN', 'SSNs'], itin: ['ITIN', 'ITINs'], ein: ['EIN', 'EINs'],
  payment_card: ['payment card number', 'payment card numbers'], iban: ['IBAN', 'IBANs'], account_number: ['account number', 'account numbers'],
  birth_date: ['date of birth', 'dates of birth'], minor_name: ["minor's name", "minors' names"],
  email: ['e-mail address', 'e-mail addresses'], phone: ['phone number', 'phone numbers'], other: ['other identifier', 'other identifiers'],
};

/** "2 payment card numbers, 1 SSN": what an exhibit holds, in counsel's words, without a value. */
export function describeIdentifierCounts(counts: Partial<Record<RedactionCategory, number>>): string {
  return Object.entries(counts)
    .map(([category, n]) => `${n} ${SPOKEN[category as RedactionCategory][n === 1 ? 0 : 1]}`)
    .join(', ');
}
