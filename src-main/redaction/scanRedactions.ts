import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import type { RedactionCategory, RedactionScanReport } from '../contract/redaction';
import type { Evidence } from '../contract/records';
import { readStoredBytes } from '../evidence/readEvidenceStream';
import { insertRecord } from '../records/insertRecord';
import { candidateId } from './candidateId';
import { exhibitScanText } from './exhibitScanText';
import { findIdentifiers } from './findIdentifiers';
import { boxOfSpan } from './pdfPageText';
import { redactionSpec } from './redactionSpec';

/** Exhibits larger than this are scanned in their first part only (the packet prints no more of a text). */
export const SCAN_BYTES = 64 * 1024 * 1024;

export interface ScanOptions {
  /** Only these exhibits (default: every live exhibit with stored bytes). */
  evidenceIds?: readonly string[];
  /** Opt-in categories ('email', 'phone'). */
  optIn?: readonly RedactionCategory[];
  onProgress?: (done: number, total: number) => void;
}

/**
 * Looks for Rule 5.2(a) identifiers in exhibits and stores each one found as a pending candidate
 * (one transaction per exhibit, one audit entry sealing every row it added). A candidate already
 * stored (same exhibit, place, category and value: the same derived id) keeps its decision, so
 * scanning again after review changes nothing but what is new.
 */
export async function scanRedactions(caseFile: CaseFile, options: ScanOptions = {}): Promise<RedactionScanReport> {
  const exhibits = prepareCached(caseFile.db, 'SELECT * FROM evidence WHERE deleted_at IS NULL AND content_sha256 IS NOT NULL ORDER BY exhibit_number, id').all() as Evidence[];
  const chosen = options.evidenceIds ? exhibits.filter((e) => options.evidenceIds!.includes(e.id)) : exhibits;
  for (const id of options.evidenceIds ?? []) {
    if (!exhibits.some((e) => e.id === id)) throw new DossierError('NOT_FOUND', `No exhibit with id ${id} and stored bytes in this case.`);
  }
  const report: RedactionScanReport = { exhibitsScanned: 0, notScanned: [], found: 0, added: 0, alreadyKnown: 0 };
  const exists = prepareCached(caseFile.db, 'SELECT 1 FROM redaction WHERE id = ?');
  for (const [i, exhibit] of chosen.entries()) {
    const { bytes } = readStoredBytes(caseFile.db, exhibit.content_sha256!, SCAN_BYTES);
    const scan = await exhibitScanText(bytes, exhibit.media_type);
    options.onProgress?.(i + 1, chosen.length);
    if (scan.kind === 'none') {
      report.notScanned.push({ exhibit: exhibit.exhibit_label, reason: scan.reason });
      continue;
    }
    report.exhibitsScanned += 1;
    if (scan.kind === 'pdf' && scan.pagesWithoutText.length > 0) {
      const n = scan.pagesWithoutText.length;
      report.notScanned.push({
        exhibit: exhibit.exhibit_label,
        reason: `${n === 1 ? 'page' : 'pages'} ${scan.pagesWithoutText.join(', ')} of ${scan.pageCount} ${n === 1 ? 'has' : 'have'} no text layer (a scan or picture): nothing on ${n === 1 ? 'it' : 'them'} could be read. Look at ${n === 1 ? 'it' : 'them'} and draw boxes over identifiers by hand (redact add --box), or file the set under seal`,
      });
    }
    writeTransaction(caseFile, () => {
      const added: string[] = [];
      for (const part of scan.parts) {
        // One candidate per value and page: a decision covers every occurrence (burn-in is by value).
        const seen = new Set<string>();
        for (const hit of findIdentifiers(part.text, { optIn: options.optIn ?? [] })) {
          const key = `${hit.category}\u0000${hit.value}`;
          if (seen.has(key)) continue;
          seen.add(key);
          report.found += 1;
          const id = candidateId(exhibit.id, part.page, hit.start, hit.end, hit.category, hit.value);
          if (exists.get(id)) {
            report.alreadyKnown += 1;
            continue;
          }
          const box = 'pdf' in part ? boxOfSpan(part.pdf, hit.start, hit.end) : null;
          insertRecord(caseFile, redactionSpec, {
            evidence_id: exhibit.id, source: 'detected', category: hit.category, rule: hit.rule, page: part.page,
            span_start: hit.start, span_end: hit.end, box: box ? JSON.stringify(box) : null, value: hit.value, kept: hit.kept, context: hit.context,
            status: 'pending', decided_by: null, decided_at: null, reason: null,
          }, { id, skipAudit: true });
          added.push(id);
        }
      }
      report.added += added.length;
      if (added.length > 0) {
        appendAudit(caseFile, {
          action: 'redaction.scan',
          recordKind: 'evidence',
          recordId: exhibit.id,
          detail: { exhibit: exhibit.exhibit_label, candidates: added.length },
          seal: added.map((id) => ({ table: 'redaction' as const, id })),
        });
      }
    });
  }
  return report;
}
