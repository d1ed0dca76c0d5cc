import { HiddenElementTracker } from './HiddenElementTracker';

/** Elements whose content is not page text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
/** Elements that break a line, so words on either side do not run together. */
const BLOCKS = new Set([
  'br', 'p', 'div', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer',
  'table', 'ul', 'ol', 'blockquote', 'pre', 'title', 'dt', 'dd', 'hr',
]);
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', trade: '™', mdash: '—', ndash: '–',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', euro: '€', pound: '£', middot: '·',
  bull: '•',
};

/** Decodes character references (&amp; &#39; &#x2F; and the common named ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Where a run of text the markup hides starts and ends in htmlToText's output with `markHidden`. */
export const HIDDEN_START = '\u0001';
export const HIDDEN_END = '\u0002';

/**
 * Elements inside a line of text that a browser draws without a gap: "219-<b>09</b>-9999" reads
 * "219-09-9999", "$<b>9</b>,000" reads "$9,000".
 */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'nobr', 'q',
  's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

/**
 * The readable text of an HTML page, never rendered. A single forward scan, so hostile markup
 * (thousands of unclosed tags) costs linear time where tag-stripping regular expressions can go
 * quadratic. Every tag separates words unless `joinInline`: then inline elements (INLINE) join
 * the text on either side as a mail client shows it, which is what an e-mail's HTML part printed
 * in a packet needs (readEmail). The search index and capture text keep the separating form.
 * With `markHidden`, text the markup hides (HiddenElementTracker) stands on lines of its own
 * between HIDDEN_START and HIDDEN_END, for the caller to label.
 */
export function htmlToText(html: string, options: { joinInline?: boolean; markHidden?: boolean } = {}): string {
  // The markers are control characters no page text carries; any in the page are dropped first.
  if (options.markHidden) html = html.replace(/[\u0001\u0002]/g, '');
  const tracker = options.markHidden ? new HiddenElementTracker() : null;
  const lower = asciiLower(html);
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      out.push(' ');
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    const name = /^<\/?\s*([a-z][a-z0-9-]*)/.exec(lower.slice(lt, Math.min(gt + 1, lt + 40)))?.[1];
    const closing = html[lt + 1] === '/';
    if (name && SKIPPED.has(name) && !closing && html[gt - 1] !== '/') {
      const close = lower.indexOf(`</${name}`, gt + 1);
      const closeEnd = close < 0 ? -1 : html.indexOf('>', close);
      out.push(name === 'head' ? `\n${titleOf(html.slice(gt + 1, close < 0 ? html.length : close))}\n` : ' ');
      i = closeEnd < 0 ? html.length : closeEnd + 1;
      continue;
    }
    out.push(name && BLOCKS.has(name) ? '\n' : name && options.joinInline && INLINE.has(name) ? '' : ' ');
    if (tracker && name) {
      const before = tracker.hidden;
      if (closing) tracker.end(name);
      else tracker.start(name, html.slice(lt, gt + 1));
      if (tracker.hidden !== before) out.push(tracker.hidden ? `\n${HIDDEN_START}` : `${HIDDEN_END}\n`);
    }
    i = gt + 1;
  }
  if (tracker?.hidden) out.push(HIDDEN_END);
  return decodeEntities(out.join(''))
    .replace(/[ \t\f\v\r\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/** The <title> inside a <head>, which is worth indexing while the rest of the head is not. */
function titleOf(head: string): string {
  const lower = asciiLower(head);
  const open = lower.indexOf('<title');
  const start = open < 0 ? -1 : lower.indexOf('>', open);
  const end = start < 0 ? -1 : lower.indexOf('</title', start);
  return end < 0 ? '' : head.slice(start + 1, end);
}

/** Lower-cases A-Z only, so indices into the result are indices into the input (toLowerCase can change lengths). */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}
