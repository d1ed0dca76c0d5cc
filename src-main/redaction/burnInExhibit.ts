import { createHash } from 'node:crypto';
import { decodeText } from '../evidence/decodeText';
import type { ExhibitRedactions } from './ExhibitRedactions';
import { burnInImage } from './burnInImage';
import { rasterisePdfPages } from './rasterisePdfPages';
import { redactedPlaces, redactText } from './redactText';

/** An exhibit as a public filing shows it, and what that changed. */
export interface BurntIn {
  /** The bytes to reproduce: the redacted PDF or PNG; for text and e-mail the original (redacted as printed). */
  bytes: Uint8Array;
  /** SHA-256 of the redacted rendering: the redacted PDF or PNG, or the redacted text as UTF-8. */
  sha256: string;
  /** Redactions burnt in (places in text, boxes on pages). */
  places: number;
  /** For the slip sheet, e.g. "2 of 3 pages rasterised with redactions burnt in". */
  summary: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Applies an exhibit's accepted redactions for a public packet, by how the packet shows it: PDF
 * pages holding a redaction rasterised with the boxes burnt in, images with the boxes burnt in,
 * text and e-mail printed with each value replaced (prepareTranscriptPages calls redactText).
 * Never falls back to the unredacted bytes: a file that cannot be redacted fails the export.
 */
export async function burnInExhibit(form: string, bytes: Uint8Array, mediaType: string, redactions: ExhibitRedactions, options: { fontDir?: string } = {}): Promise<BurntIn> {
  if (form === 'pdf') {
    const out = await rasterisePdfPages(bytes, redactions, options);
    return { bytes: out.bytes, sha256: sha256(out.bytes), places: out.places, summary: `${out.redactedPages.length === 1 ? 'page' : 'pages'} ${out.redactedPages.join(', ')} rasterised with ${out.places} redaction(s) burnt in, text layer rebuilt without the redacted words` };
  }
  if (form === 'image') {
    const boxes = redactions.boxes.filter((b) => b.page === 1);
    const png = await burnInImage(bytes, boxes);
    return { bytes: png, sha256: sha256(png), places: boxes.length, summary: `${boxes.length} box(es) burnt into the pixels, re-encoded as PNG` };
  }
  const text = decodeText(bytes, { mediaType }).text;
  const redacted = redactText(text, redactions);
  const places = redactedPlaces(text, redactions);
  return { bytes, sha256: sha256(Buffer.from(redacted, 'utf8')), places, summary: 'identifiers replaced by what Rule 5.2(a) keeps, each labelled with its subsection' };
}
