import { type PDFImage, rgb } from 'pdf-lib';
import { type EmailView, isMbox, readEmailWithImages, splitMbox } from '../evidence/readEmail';
import { drawOriented } from './drawOriented';
import { drawPageHeader } from './drawPageHeader';
import { type ExhibitRenderContext, newExhibitPage } from './ExhibitRenderContext';
import { readImageInfo, type ImageInfo } from './readImageInfo';
import { FOOTER_BAND } from './stampPage';
import { formatBytes, groupDigits } from './formatText';
import { plural, type PreparedExhibit } from './PreparedExhibit';
import { PAGE_BREAK, prepareTranscriptPages } from './prepareTranscriptPages';
import { asPrinted } from '../redaction/redactText';
import { jpegPixelsOnly } from './jpegPixelsOnly';
import { printedOneLine } from '../contract/controlCharacters';

const RULE = '─'.repeat(48);
const MARGIN = 36;
/** Larger images are listed, not drawn (decoded they would need hundreds of MB). */
const MAX_IMAGE_PIXELS = 60_000_000;

/**
 * Shows an e-mail (.eml) or a mailbox (.mbox: one exhibit for the file, an index of its messages
 * first, then each message from a new page) as a mail client shows it: From, To, Cc, Date and
 * Subject decoded, the text body (an HTML-only body as its text, never rendered; an HTML part
 * beside a text body as its text too, see bodyLines), and each
 * attachment with its name, type, size and SHA-256. The raw header block of each message follows
 * on a page of its own, for the record. Pages are numbered by page and line like text exhibits.
 * PNG and JPEG attachments are then shown, one a page; other attachments are listed only (the
 * native file holds them).
 */
export async function prepareEmailExhibit(ctx: ExhibitRenderContext, bytes: Uint8Array): Promise<PreparedExhibit> {
  const mbox = isMbox(bytes);
  const messages = mbox ? splitMbox(bytes) : [bytes];
  const views: EmailView[] = [];
  // Image attachments (PNG, JPEG) are shown after the message pages, one a page.
  const images: { message: number; attachment: number; image: PDFImage; info: ImageInfo }[] = [];
  for (const [m, message] of messages.entries()) {
    const read = await readEmailWithImages(message);
    views.push(read.view);
    for (const { index, bytes: imageBytes } of read.images) {
      const info = readImageInfo(imageBytes);
      if (!info || info.width * info.height > MAX_IMAGE_PIXELS || (info.components === 4 && ctx.pdfAPolicy === 'required')) continue;
      try {
        const image = info.format === 'png' ? await ctx.writer.doc.embedPng(imageBytes) : await ctx.writer.doc.embedJpg(jpegPixelsOnly(imageBytes));
        await image.embed();
        images.push({ message: m, attachment: index, image, info });
      } catch {
        // A damaged image is listed with its hash like any attachment, just not drawn.
      }
    }
  }
  const parts: string[] = [];
  if (mbox) {
    parts.push(`Mailbox file: ${plural(views.length, 'message')}.`, '', 'Index of messages', RULE);
    views.forEach((v, i) => parts.push(`${i + 1}. ${v.date || '(no date)'} — ${v.from || '(no sender)'} — ${v.subject || '(no subject)'}`));
  }
  views.forEach((v, i) => {
    if (mbox) parts.push(PAGE_BREAK, `Message ${i + 1} of ${views.length}`, '');
    parts.push(...messageLines(v));
    parts.push(PAGE_BREAK, `Raw headers${mbox ? ` of message ${i + 1}` : ''}, as stored (for the record)`, RULE, ...v.rawHeaders.split('\n'));
  });
  const attachments = views.reduce((n, v) => n + v.attachments.length, 0);
  const text = parts.join('\n');
  const transcript = prepareTranscriptPages(ctx, {
    text,
    complete: true,
    totalLines: text.split('\n').length,
    headerNote: mbox ? `mailbox, ${plural(views.length, 'message')}` : 'e-mail',
    sourceNumbers: false,
    describe: `${mbox ? `Mailbox (${plural(views.length, 'message')})` : 'E-mail'} shown as a mail client shows it, headers decoded, ${plural(attachments, 'attachment')} listed with SHA-256${images.length > 0 ? ` (${plural(images.length, 'image')} shown after the message)` : ''}, raw headers appended`,
    extraPages: images.length,
  });
  if (images.length === 0) return transcript;
  const total = transcript.contentPages + images.length + 1;
  return {
    ...transcript,
    contentPages: transcript.contentPages + images.length,
    presentedAs: transcript.presentedAs.replace(plural(transcript.contentPages, 'page'), plural(transcript.contentPages + images.length, 'page')),
    draw: () => {
      transcript.draw();
      images.forEach((img, i) => {
        const page = newExhibitPage(ctx, transcript.contentPages + 1 + i, total);
        const a = views[img.message]?.attachments[img.attachment];
        const label = `${mbox ? `message ${img.message + 1}, ` : ''}attachment ${img.attachment + 1}: ${a?.name ?? ''} (${a?.mediaType ?? ''}, ${groupDigits(img.info.width)} × ${groupDigits(img.info.height)} pixels)`;
        // The attachment's name comes from the message: redacted here as in the message's list.
        const top = drawPageHeader(ctx, page, `${ctx.exhibit.label} — ${ctx.exhibit.originalName} — ${asPrinted(label, ctx.exhibit.redactions)}`);
        const { width: pw } = page.getSize();
        const turned = img.info.orientation >= 5;
        const w = turned ? img.info.height : img.info.width;
        const h = turned ? img.info.width : img.info.height;
        const areaW = pw - 2 * MARGIN;
        const areaH = top - (FOOTER_BAND + 4);
        const s = Math.min(0.75, areaW / w, areaH / h);
        drawOriented(page, img.image, img.info.orientation, MARGIN + (areaW - w * s) / 2, top - h * s, w * s, h * s);
        page.drawRectangle({ x: MARGIN + (areaW - w * s) / 2, y: top - h * s, width: w * s, height: h * s, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
      });
    },
  };
}

/** A body as lines, without trailing blank lines. */
function asLines(body: string): string[] {
  return body.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
}

/**
 * The body as shown. A message with a text body and an HTML part (multipart/alternative) is
 * displayed by mail clients from its HTML part, which can say something else than the text body
 * (invoice fraud: "$100 to account 1111" in one, "$9,000 to account 2222" in the other). Both are
 * shown, the HTML part as its text (never rendered); when the two have the same words (compared
 * with runs of white space made one space) the text is shown once and the sheet says so.
 */
function bodyLines(v: EmailView): string[] {
  if (v.htmlAlternative === undefined) return asLines(v.body);
  const words = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (words(v.htmlAlternative) === words(v.body)) {
    return ['[The message has a text body and an HTML part with the same words; shown once, as text.]', '', ...asLines(v.body)];
  }
  return [
    '[The message has a text body and an HTML part that differ; most mail clients display the HTML part. Both follow, the HTML part as its text (not rendered).]',
    '',
    'HTML part, as text:',
    '',
    ...asLines(v.htmlAlternative),
    '',
    'Text body:',
    '',
    ...asLines(v.body),
  ];
}

/** Header fields, body and attachment list of one message, as lines. */
function messageLines(v: EmailView): string[] {
  const lines: string[] = [];
  // Decoded headers are one line each: an encoded word can decode to a line break, which would
  // print as a header line of its own ("Subject: Invoice" / "From: ceo@bank.example").
  const field = (name: string, value: string): void => {
    if (value !== '') lines.push(`${name} ${printedOneLine(value)}`);
  };
  field('From:', v.from);
  field('To:', v.to);
  field('Cc:', v.cc);
  field('Date:', v.date);
  field('Subject:', v.subject);
  field('Message-ID:', v.messageId);
  lines.push(RULE);
  if (v.bodySource === 'html') lines.push('[The message has only an HTML body; its text is shown, not rendered.]', '');
  if (v.bodySource === 'none') lines.push('[The message has no text body.]');
  lines.push(...bodyLines(v));
  lines.push(RULE);
  if (v.attachments.length === 0) {
    lines.push('No attachments.');
  } else {
    lines.push(`Attachments (${v.attachments.length}):`);
    v.attachments.forEach((a, i) => {
      lines.push(`${i + 1}. ${printedOneLine(a.name)} — ${printedOneLine(a.mediaType)} — ${formatBytes(a.size)}${a.disposition === 'inline' ? ' — inline' : ''}`, `\u2003\u2003SHA-256 ${a.sha256}`);
    });
  }
  return lines;
}
