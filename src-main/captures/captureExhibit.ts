import type { CaseFile } from '../casefile/CaseFile';
import type { CapturePageInfo } from '../contract/captures';
import type { CaptureExhibitInput, CapturePageExhibit } from './CaptureExhibitInput';
import { getCapturePageRow, listCapturePages, listCaptures } from './captureRows';
import type { CaptureFormat } from './detectCaptureFormat';
import { HIDDEN_LABEL, pageTextMarkingHidden } from './pageText';
import { readRecordPayload } from './readRecordPayload';
import { recordsNotShown } from './recordsNotShown';
import { type CaptureRenderer, openCaptureRenderer } from './renderCapturePage';

/** Captured pages shown per exhibit in a packet; the rest are counted on the slip sheet. */
export const MAX_PACKET_PAGES = 25;

const DIGEST_WORDS: Record<string, string> = {
  verified: 'verified: the digests the archive declares match the stored bytes',
  computed: 'computed at import: the archive declares no digest for this record',
  mismatch: 'MISMATCH: the digest the archive declares does not match the stored bytes',
  truncated: 'TRUNCATED: the record is cut short in the archive',
};

function placement(db: CaseFile['db'], recordRowId: string) {
  return db.prepare('SELECT seq, member_offset, member_method, offset, length FROM capture_record WHERE id = ?').get(recordRowId) as {
    seq: number; member_offset: number | null; member_method: number | null; offset: number | null; length: number | null;
  };
}

async function pageImage(caseFile: CaseFile, renderer: () => Promise<CaptureRenderer>, contentSha256: string, format: CaptureFormat, page: CapturePageInfo): Promise<Pick<CapturePageExhibit, 'image' | 'noImageReason'>> {
  if (page.screenshot_record_id) {
    try {
      const shot = await readRecordPayload(caseFile.db, contentSha256, format, placement(caseFile.db, page.screenshot_record_id));
      const record = caseFile.db.prepare('SELECT record_id FROM capture_record WHERE id = ?').pluck().get(page.screenshot_record_id) as string;
      return { image: { bytes: shot.body, source: 'screenshot', recordId: record }, noImageReason: null };
    } catch {
      // Fall through to a rendering: a damaged screenshot record is reported by verification.
    }
  }
  if (!page.record) return { image: null, noImageReason: 'The page is listed in the capture but its response is not in the archive.' };
  const rendered = await (await renderer()).render(page.url, page.captured_at);
  if (rendered.png) return { image: { bytes: rendered.png, source: 'rendering', recordId: null }, noImageReason: null };
  return { image: null, noImageReason: `${rendered.reason} The page's text follows.` };
}

/**
 * The text printed for a page shown without an image: re-read from its stored record with the text
 * the markup hides labelled (pageTextMarkingHidden), and a sentence saying what was and was not
 * checked. The search text stored at import is the fallback when the record cannot be read again.
 */
async function shownText(caseFile: CaseFile, contentSha256: string, format: CaptureFormat, page: CapturePageInfo, stored: string): Promise<Pick<CapturePageExhibit, 'text' | 'textNote'>> {
  const notDetected = 'Text hidden by style sheets or scripts is not detected.';
  if (page.record) {
    try {
      const payload = await readRecordPayload(caseFile.db, contentSha256, format, placement(caseFile.db, page.record.id));
      const marked = pageTextMarkingHidden(payload.body, payload.headers.get('content-type') ?? page.record.content_type);
      return {
        text: marked.text,
        textNote: marked.hiddenLines > 0
          ? `${marked.hiddenLines === 1 ? '1 line' : `${marked.hiddenLines} lines`} the page's own markup hides (hidden attribute, inline display:none or visibility:hidden) ${marked.hiddenLines === 1 ? 'is' : 'are'} labelled ${HIDDEN_LABEL}. ${notDetected}`
          : `None of it is hidden by the page's own markup (hidden attribute, inline display:none or visibility:hidden). ${notDetected}`,
      };
    } catch {
      // The record's own damage is reported by verification; the stored text is shown, and the note says what is unknown.
    }
  }
  return { text: stored, textNote: "Whether the page's markup hides any of this text was not checked: its record could not be read again." };
}

/**
 * A web capture exhibit's pages for the packet: each page's facts, and its image (the capture's own
 * screenshot; else a Chromium rendering from the stored archive; else none, and its text). Null when
 * the exhibit is not a parsed capture, so it is produced as any other file.
 */
export async function captureExhibitInput(caseFile: CaseFile, evidenceId: string): Promise<CaptureExhibitInput | null> {
  const capture = listCaptures(caseFile.db, evidenceId)[0];
  if (!capture) return null;
  const row = caseFile.db.prepare('SELECT content_sha256 FROM capture WHERE id = ?').get(capture.id) as { content_sha256: string };
  const all = listCapturePages(caseFile.db, { captureId: capture.id }, MAX_PACKET_PAGES + 1);
  if (all.length === 0) return null;
  const shown = all.slice(0, MAX_PACKET_PAGES);
  const pages: CapturePageExhibit[] = [];
  // Row ids of the records the pages show: each page's own response (its facts, and its text or a
  // rendering of it) and the screenshot drawn for it. Nothing else of the archive is on a page.
  const shownRecords: string[] = [];
  // Chromium starts only if a page has no screenshot of its own, and once for all of them.
  const browser: { opened: Promise<CaptureRenderer> | null } = { opened: null };
  const renderer = () => (browser.opened ??= openCaptureRenderer(caseFile.db, capture.id));
  try {
    for (const page of shown) {
      const r = page.record;
      const detail = getCapturePageRow(caseFile.db, page.id);
      const image = await pageImage(caseFile, renderer, row.content_sha256, capture.format, page);
      if (r) shownRecords.push(r.id);
      if (image.image?.source === 'screenshot' && page.screenshot_record_id) shownRecords.push(page.screenshot_record_id);
      pages.push({
        url: page.url,
        title: page.title,
        capturedAt: page.captured_at,
        ip: r?.ip ?? null,
        httpStatus: page.http_status,
        recordId: r?.record_id ?? null,
        payloadSha256: r?.payload_sha256 ?? null,
        payloadSha1: r?.payload_sha1 ?? null,
        blockSha256: r?.block_sha256 ?? null,
        declaredDigests: [r?.declared_payload_digest ? `payload ${r.declared_payload_digest}` : null, r?.declared_block_digest ? `block ${r.declared_block_digest}` : null].filter((d): d is string => d !== null),
        digestCheck: r ? (DIGEST_WORDS[r.digest_status] ?? r.digest_status) : 'no record to check',
        ...image,
        ...(image.image ? { text: detail.text, textNote: null } : await shownText(caseFile, row.content_sha256, capture.format, page, detail.text)),
      });
    }
  } finally {
    if (browser.opened) await (await browser.opened).close();
  }
  return {
    format: capture.format,
    tool: capture.tool,
    importStatus: capture.import_status,
    recordCount: capture.record_count,
    problemCount: capture.problems.length,
    pages,
    pagesOmitted: capture.page_count - shown.length,
    recordsNotShown: recordsNotShown(caseFile.db, capture.id, shownRecords),
  };
}
