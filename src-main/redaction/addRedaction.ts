import type { CaseFile } from '../casefile/CaseFile';
import { nowIso } from '../casefile/ids';
import { DossierError } from '../contract/errors';
import { type Redaction, type RedactionBox, type RedactionCategory, RULE_SUBSECTION } from '../contract/redaction';
import { readStoredBytes } from '../evidence/readEvidenceStream';
import { insertRecord } from '../records/insertRecord';
import { exhibitForm } from './exhibitForm';
import { exhibitScanText } from './exhibitScanText';
import { findExhibit } from './findExhibit';
import { keptFor } from '../contract/keptPart';
import { contextAround } from './findIdentifiers';
import { redactionOf, redactionSpec } from './redactionSpec';
import { labelsHold } from './redactText';
import { moreSpecificText, packetWordingHolding, wordingRefusal } from './packetWordingHolding';

export interface AddRedaction {
  /** Exhibit id, number or label. */
  exhibit: string;
  /** Text to redact wherever it appears in the exhibit (every page of a PDF). */
  text?: string;
  /** A box on `page` (PDF points or image pixels from the top-left). */
  box?: RedactionBox;
  page?: number;
  category?: RedactionCategory;
  reason?: string;
}

/**
 * Adds a redaction by hand (accepted at once: the user chose it): a text, redacted wherever it
 * appears in the exhibit, or a box drawn on a page of a PDF or image. The text must occur in the
 * exhibit's text and the box must lie on the page, so nothing is "redacted" that is not there.
 */
export async function addRedaction(caseFile: CaseFile, input: AddRedaction): Promise<Redaction> {
  const exhibit = findExhibit(caseFile, input.exhibit);
  if (!exhibit.content_sha256) throw new DossierError('INVALID_REQUEST', `${exhibit.exhibit_label} has no stored bytes to redact.`);
  if ((input.text === undefined) === (input.box === undefined)) throw new DossierError('INVALID_REQUEST', 'Give either a text to redact or a box on a page, not both.');
  const category = input.category ?? 'other';
  const { bytes } = readStoredBytes(caseFile.db, exhibit.content_sha256, 64 * 1024 * 1024);
  const scan = await exhibitScanText(bytes, exhibit.media_type);
  let context: string | null = null;
  let page: number | null = input.page ?? null;
  if (input.text !== undefined) {
    const parts = scan.kind === 'none' ? [] : scan.parts;
    // A label printed in the public filing must never hold a redacted value (the leak check would also fail every export).
    if (labelsHold(input.text)) throw new DossierError('INVALID_REQUEST', `"${input.text}" is part of the labels printed on redacted places ("REDACTED - FRCP 5.2(a)(1)"), so it cannot be redacted as text; draw a box over it instead.`);
    const where = parts.find((p) => p.text.includes(input.text!));
    if (!where) throw new DossierError('INVALID_REQUEST', `"${input.text}" does not occur in the text of ${exhibit.exhibit_label}${scan.kind === 'none' ? ` (${scan.reason})` : ''}; check the spelling, or draw a box instead.`);
    const at = where.text.indexOf(input.text);
    // A value the packet prints itself could never pass the leak check: refused here, never exempted there (see packetWordingHolding).
    const wording = packetWordingHolding(input.text);
    if (wording) throw new DossierError('INVALID_REQUEST', wordingRefusal(input.text, wording, moreSpecificText(where.text, at, at + input.text.length)));
    context = contextAround(where.text, at, at + input.text.length);
    page = null;
  } else {
    const box = input.box!;
    if (page === null) throw new DossierError('INVALID_REQUEST', 'A box needs the page it is on (--page N).');
    const size = await pageSize(scan, bytes, page);
    if (!size) throw new DossierError('INVALID_REQUEST', `${exhibit.exhibit_label} has no page ${page} to draw a box on (boxes go on PDF pages and images).`);
    if (box.w <= 0 || box.h <= 0 || box.x < 0 || box.y < 0 || box.x + box.w > size.width + 0.5 || box.y + box.h > size.height + 0.5) {
      throw new DossierError('INVALID_REQUEST', `The box ${box.x},${box.y},${box.w},${box.h} does not lie on page ${page}, which is ${Math.round(size.width)} × ${Math.round(size.height)} ${size.unit} (x,y from the top-left).`);
    }
  }
  const now = nowIso();
  return redactionOf(insertRecord(caseFile, redactionSpec, {
    evidence_id: exhibit.id, source: 'manual', category, rule: RULE_SUBSECTION[category], page,
    span_start: null, span_end: null, box: input.box ? JSON.stringify(input.box) : null, value: input.text ?? null,
    kept: input.text !== undefined ? keptFor(category, input.text) : '', context,
    status: 'accepted', decided_by: caseFile.actor.name, decided_at: now, reason: input.reason ?? null,
  }));
}

async function pageSize(scan: Awaited<ReturnType<typeof exhibitScanText>>, bytes: Uint8Array, page: number): Promise<{ width: number; height: number; unit: string } | null> {
  if (scan.kind === 'pdf') {
    const p = scan.parts.find((part) => part.page === page);
    return p ? { width: p.pdf.width, height: p.pdf.height, unit: 'points' } : null;
  }
  if (page !== 1 || exhibitForm(bytes, '') !== 'image') return null;
  const { loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(Buffer.from(bytes));
  return { width: image.width, height: image.height, unit: 'pixels' };
}
