import { createHash } from 'node:crypto';
import PostalMime, { type Address, type Header, type Mailbox } from 'postal-mime';
import type { EmailPreview } from '../contract/DossierApi';
import { htmlToText } from './htmlToText';
import { NO_ZONE_STATED, readMailDate } from '../contract/statedTime';

/** An e-mail as a mail client shows it; the type lives in the contract because the preview returns it too. */
export type EmailView = EmailPreview;
export type EmailAttachment = EmailPreview['attachments'][number];

/**
 * Parses one RFC 5322 message with postal-mime: encoded words (`=?utf-8?b?...?=`) and charsets
 * decoded, the body as text, each attachment hashed (SHA-256 of its decoded bytes, which is what
 * a recipient saves). Nothing in the message is executed or fetched.
 */
export async function readEmail(bytes: Uint8Array): Promise<EmailView> {
  return (await readEmailWithImages(bytes)).view;
}

/** PNG and JPEG attachments up to this size are kept for drawing (the packet shows them). */
const IMAGE_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * readEmail, plus the bytes of the PNG and JPEG attachments (up to 20 MB each), so the packet can
 * show them after the message. `index` is the attachment's position in `view.attachments`.
 */
export async function readEmailWithImages(bytes: Uint8Array): Promise<{ view: EmailView; images: { index: number; bytes: Uint8Array }[] }> {
  const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  const images: { index: number; bytes: Uint8Array }[] = [];
  const text = email.text?.trim() ? email.text : '';
  const fromHtml = !text && email.html ? htmlToText(email.html, { joinInline: true }) : '';
  const view: EmailView = {
    from: addresses(email.from ? [email.from] : []),
    to: addresses(email.to ?? []),
    cc: addresses(email.cc ?? []),
    date: dateLine(header(email.headers, 'date')),
    subject: email.subject ?? '',
    messageId: email.messageId ?? '',
    body: text || fromHtml,
    bodySource: text ? 'text' : fromHtml ? 'html' : 'none',
    // What a mail client displays when there is both: the HTML part, said as its text.
    ...(text && email.html ? { htmlAlternative: htmlToText(email.html, { joinInline: true }) } : {}),
    attachments: email.attachments.map((a, index) => {
      const content = typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content as ArrayBuffer);
      if (/^image\/(png|jpeg)$/i.test(a.mimeType) && content.byteLength <= IMAGE_ATTACHMENT_MAX_BYTES) images.push({ index, bytes: content });
      return {
        name: a.filename ?? '(no name)',
        mediaType: a.mimeType,
        size: content.byteLength,
        sha256: createHash('sha256').update(content).digest('hex'),
        disposition: a.disposition ?? 'attachment',
      };
    }),
    rawHeaders: rawHeaderBlock(bytes),
  };
  return { view, images };
}

/**
 * Splits an mbox file (mboxo/mboxrd: each message starts with a "From " line after a blank line
 * or at the start) into its messages, with the "From " separator line removed and ">From "
 * quoting of mboxrd undone.
 */
export function splitMbox(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const starts: number[] = [];
  const re = /(^|\n)From [^\n]*\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[1]!.length, m.index + m[0].length);
  const messages: Uint8Array[] = [];
  for (let i = 0; i < starts.length; i += 2) {
    const bodyStart = starts[i + 1] as number;
    const end = starts[i + 2] ?? text.length;
    const message = text.slice(bodyStart, end).replace(/\n$/, '').replace(/^>(>*From )/gm, '$1');
    messages.push(new Uint8Array(Buffer.from(message, 'latin1')));
  }
  return messages;
}

/** True when the bytes look like an mbox file (start with a "From " separator line). */
export function isMbox(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === 'From ';
}

/**
 * The Date header as sent, with its UTC time only when the header states a zone and names a real
 * time ("Sat, 01 Mar 2025 10:00:00 +0700 (2025-03-01 03:00:00 UTC)"). Read by our own RFC 5322
 * reader (contract/statedTime), not postal-mime's Date.parse, which reads a header without a zone
 * in the zone of the computer making the packet and rolls "31 Feb" over into March.
 */
function dateLine(raw: string): string {
  const time = raw ? readMailDate(raw) : null;
  if (!time) return raw;
  if ('unreal' in time) return `${raw} (not a real date and time)`;
  if ('noZone' in time) return `${raw} (${NO_ZONE_STATED})`;
  return `${raw} (${time.instant.slice(0, 19).replace('T', ' ')} UTC)`;
}

function addresses(list: Address[]): string {
  return list
    .map((a) => (a.group ? `${a.name}: ${a.group.map(mailbox).join(', ')};` : mailbox(a as Mailbox)))
    .join(', ');
}

function mailbox(m: Mailbox): string {
  return m.name ? `${m.name} <${m.address}>` : m.address;
}

function header(headers: Header[], key: string): string {
  return headers.find((h) => h.key === key)?.value ?? '';
}

/** The bytes before the first empty line, as text (headers are ASCII; any 8-bit bytes are shown as UTF-8 when valid, else Latin-1). */
function rawHeaderBlock(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 256 * 1024));
  const latin = head.toString('latin1');
  const end = /\r?\n\r?\n/.exec(latin);
  const block = head.subarray(0, end ? end.index : head.length);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(block).replace(/\r\n/g, '\n');
  } catch {
    return block.toString('latin1').replace(/\r\n/g, '\n');
  }
}
