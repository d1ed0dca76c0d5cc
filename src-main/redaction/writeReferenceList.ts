import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import { redactionLabel } from '../contract/redaction';
import { writeOutputFile } from '../outputs/writeOutputFile';
import { findExhibit } from './findExhibit';
import { redactionOf } from './redactionSpec';
import { settableText } from './settableText';

interface Entry {
  exhibit: string;
  rule: string;
  identifier: string;
  redacted: string;
}

/**
 * The exhibits whose identifiers the list may name (ids, numbers or labels of a packet's
 * exhibits), or null for every exhibit. A list filed with a packet names only what that packet
 * redacted: the identifiers of exhibits it does not hold have no place in it.
 */
function listedExhibits(caseFile: CaseFile, options: { exhibits?: readonly string[] }): Set<string> | null {
  return options.exhibits === undefined ? null : new Set(options.exhibits.map((ref) => findExhibit(caseFile, ref).id));
}

/** Text Helvetica can set, anything else shown as its code point so nothing is silently lost. */
const settable = (font: PDFFont, text: string) => settableText(font, text, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);

/**
 * The Rule 5.2(g) reference list: every accepted redaction that has a value, the identifier in
 * full beside the form the public filing shows, by exhibit; "FILED UNDER SEAL" on every page. It
 * is written like every output (temp file, fsync, read back, renamed) and its writing is audited
 * (hash, count), never its contents.
 */
export async function writeReferenceList(
  caseFile: CaseFile,
  outPath: string,
  options: { overwrite?: boolean; docket?: string | null; exhibits?: readonly string[] } = {},
): Promise<{ path: string; sha256: string; entries: number }> {
  const only = listedExhibits(caseFile, options);
  const rows = (prepareCached(
    caseFile.db,
    `SELECT r.*, e.exhibit_label FROM redaction r JOIN evidence e ON e.id = r.evidence_id
     WHERE r.status = 'accepted' AND r.deleted_at IS NULL AND r.value IS NOT NULL AND e.deleted_at IS NULL ORDER BY e.exhibit_number, r.value`,
  ).all() as (Record<string, unknown> & { exhibit_label: string })[])
    .filter((r) => only === null || only.has(String(r.evidence_id)))
    .map((r) => ({ ...redactionOf(r), exhibit_label: r.exhibit_label }));
  if (rows.length === 0) {
    throw new DossierError('INVALID_REQUEST', `No accepted redaction ${only === null ? '' : 'of these exhibits '}has a value to list; accept candidates first (dossier redact list FILE).`);
  }
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (const r of rows) {
    const key = `${r.exhibit_label}\u0000${r.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ exhibit: r.exhibit_label, rule: redactionLabel(r.category).replace('REDACTED - ', ''), identifier: r.value!, redacted: r.kept || '[nothing kept]' });
  }
  const doc = await PDFDocument.create();
  doc.setTitle('Reference list under Fed. R. Civ. P. 5.2(g)');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const columns = [60, 120, 205, 385];
  const right = 576;
  let page = doc.addPage([612, 792]);
  let y = 0;
  const header = () => {
    page.drawText('FILED UNDER SEAL', { x: 420, y: 750, size: 11, font: bold, color: rgb(0.6, 0, 0) });
    page.drawText('Reference list under Fed. R. Civ. P. 5.2(g)', { x: 60, y: 720, size: 14, font: bold });
    if (options.docket) page.drawText(settable(font, `Case No. ${options.docket}`), { x: 60, y: 702, size: 10, font });
    ['Exhibit', 'Rule', 'Identifier (in full)', 'Shown in the public filing as'].forEach((h, i) => page.drawText(h, { x: columns[i]!, y: 676, size: 9, font: bold }));
    y = 660;
  };
  header();
  for (const e of entries) {
    if (y < 72) {
      page = doc.addPage([612, 792]);
      header();
    }
    // One line a row: a cell too wide for its column is set smaller (an identifier is never wrapped or cut).
    [e.exhibit, e.rule, e.identifier, e.redacted].forEach((t, i) => {
      const text = settable(font, t);
      const room = (columns[i + 1] ?? right) - columns[i]! - 6;
      const size = Math.max(5, Math.min(9, (9 * room) / Math.max(1, font.widthOfTextAtSize(text, 9))));
      page.drawText(text, { x: columns[i]!, y, size, font });
    });
    y -= 14;
  }
  const bytes = await doc.save();
  const written = await writeOutputFile(outPath, {
    caseFile,
    overwrite: options.overwrite ?? false,
    record: (w) => appendAudit(caseFile, { action: 'redaction.reference_list', detail: { file: w.path.split(/[\\/]/).pop(), sha256: w.sha256, entries: entries.length } }),
  }, (sink) => sink.write(bytes));
  return { path: written.path, sha256: written.sha256, entries: entries.length };
}
