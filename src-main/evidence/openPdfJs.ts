/**
 * Opens a PDF with pdf.js (legacy build, which runs in plain Node) the one way the app reads
 * untrusted PDFs: evaluation of embedded code off, no font loading, no XFA. The module is loaded
 * on first use (it is large). Destroy the returned task when done.
 */
export async function openPdfJs(bytes: Uint8Array, extra: { standardFontDataUrl?: string } = {}) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({
    // pdfjs takes ownership of (and may detach) the buffer it is given: pass a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    verbosity: 0,
    // Rendering (redaction) needs the standard fonts' data; text extraction does not.
    ...extra,
  });
}
