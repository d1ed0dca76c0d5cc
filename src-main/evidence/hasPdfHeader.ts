import { sniffText } from './detectMediaType';

/** Readers (Acrobat, pdf.js, qpdf) look for the header this far into a file; ISO 32000 puts it first. */
const HEADER_WINDOW = 1024;

/**
 * Whether a file's bytes carry a PDF header, the rule every place that tells PDFs apart by their
 * bytes uses (packet/classifyExhibit, packet/loadExhibit, redaction/exhibitForm).
 *
 * `%PDF-` at offset 0 is a PDF. Later in the first KiB it counts only if the file does not read as
 * text: the junk real PDFs carry before their header (MacBinary headers, transfer wrappers) comes
 * with a binary body (compressed streams, the binary comment line), whereas a log or a note that
 * reads as text and merely mentions "%PDF-1.7" is text, and calling it a damaged PDF would withhold
 * it and state something false about it.
 */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const at = indexOfHeader(bytes);
  if (at < 0) return false;
  return at === 0 || sniffText(bytes) === null;
}

function indexOfHeader(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, HEADER_WINDOW) - 5;
  for (let i = 0; i <= end; i += 1) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return i;
  }
  return -1;
}
