import { openPdfJs } from './openPdfJs';

export interface PdfText {
  text: string;
  truncated: boolean;
  pageCount: number;
  pagesRead: number;
}

/** Only what pdfjs's text API needs; the module is loaded on first use (it is large). */
interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

/**
 * Text of a PDF via pdfjs-dist (legacy build, which runs in plain Node), page by page until
 * `maxChars` or `budgetMs` is reached. Evaluation of embedded code is off; fonts are not loaded
 * (text extraction does not need them). Throws when the PDF cannot be parsed.
 */
export async function pdfToText(bytes: Uint8Array, maxChars: number, budgetMs = 20_000): Promise<PdfText> {
  const started = Date.now();
  const task = await openPdfJs(bytes);
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    let length = 0;
    let truncated = false;
    let pagesRead = 0;
    for (let number = 1; number <= doc.numPages; number += 1) {
      if (length >= maxChars || Date.now() - started > budgetMs) {
        truncated = true;
        break;
      }
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const text = (content.items as TextItemLike[]).map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : ' ')).join('');
      page.cleanup();
      pages.push(text);
      length += text.length;
      pagesRead += 1;
    }
    let text = pages.join('\n').replace(/[ \t]+/g, ' ').trim();
    if (text.length > maxChars) {
      text = text.slice(0, maxChars);
      truncated = true;
    }
    return { text, truncated, pageCount: doc.numPages, pagesRead };
  } finally {
    await task.destroy();
  }
}
