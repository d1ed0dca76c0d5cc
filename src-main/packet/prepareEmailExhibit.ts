import { type EmailView, isMbox, readEmail, splitMbox } from '../evidence/readEmail';
import type { ExhibitRenderContext } from './ExhibitRenderContext';
import { formatBytes } from './formatText';
import { plural, type PreparedExhibit } from './PreparedExhibit';
import { PAGE_BREAK, prepareTranscriptPages } from './prepareTranscriptPages';

const RULE = '─'.repeat(48);

/**
 * Shows an e-mail (.eml) or a mailbox (.mbox: one exhibit for the file, an index of its messages
 * first, then each message from a new page) as a mail client shows it: From, To, Cc, Date and
 * Subject decoded, the text body (an HTML-only body as its text, never rendered), and each
 * attachment with its name, type, size and SHA-256. The raw header block of each message follows
 * on a page of its own, for the record. Pages are numbered by page and line like text exhibits.
 * Attachments are listed, not drawn; the native file holds them.
 */
export async function prepareEmailExhibit(ctx: ExhibitRenderContext, bytes: Uint8Array): Promise<PreparedExhibit> {
  const mbox = isMbox(bytes);
  const messages = mbox ? splitMbox(bytes) : [bytes];
  const views: EmailView[] = [];
  for (const message of messages) views.push(await readEmail(message));
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
  return prepareTranscriptPages(ctx, {
    text,
    complete: true,
    totalLines: text.split('\n').length,
    headerNote: mbox ? `mailbox, ${plural(views.length, 'message')}` : 'e-mail',
    sourceNumbers: false,
    describe: `${mbox ? `Mailbox (${plural(views.length, 'message')})` : 'E-mail'} shown as a mail client shows it, headers decoded, ${plural(attachments, 'attachment')} listed with SHA-256, raw headers appended`,
  });
}

/** Header fields, body and attachment list of one message, as lines. */
function messageLines(v: EmailView): string[] {
  const lines: string[] = [];
  const field = (name: string, value: string): void => {
    if (value !== '') lines.push(`${name} ${value}`);
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
  lines.push(...v.body.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n'));
  lines.push(RULE);
  if (v.attachments.length === 0) {
    lines.push('No attachments.');
  } else {
    lines.push(`Attachments (${v.attachments.length}):`);
    v.attachments.forEach((a, i) => {
      lines.push(`${i + 1}. ${a.name} — ${a.mediaType} — ${formatBytes(a.size)}${a.disposition === 'inline' ? ' — inline' : ''}`, `\u2003\u2003SHA-256 ${a.sha256}`);
    });
  }
  return lines;
}
