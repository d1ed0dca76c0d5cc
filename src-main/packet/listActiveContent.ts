import { createHash } from 'node:crypto';
import { decodePDFRawStream, PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFStream, PDFString } from 'pdf-lib';
import { plural } from './PreparedExhibit';

/** What a PDF exhibit carries besides page content; none of it survives into the packet. */
export interface ActiveContent {
  javaScriptActions: number;
  /** Other actions that act on their own (launch a program, submit a form, open on load). */
  otherActions: number;
  links: number;
  embeddedFiles: { name: string; size: number; sha256: string }[];
  formFields: number;
  otherAnnotations: number;
}

const ACTIVE_ACTIONS = new Set(['Launch', 'SubmitForm', 'ImportData', 'ResetForm', 'Rendition', 'RichMediaExecute', 'GoToR', 'GoToE']);

/**
 * Counts the active content of a PDF exhibit by walking every dictionary of the file: each
 * indirect object and every dictionary held directly inside one (a catalog's /OpenAction, /AA,
 * /Names trees, a page's /Annots array of direct annotations, a stream's dictionary), since
 * JavaScript, attachments and annotations need not be indirect objects. References are not
 * followed (each indirect object is visited once as itself), so shared objects count once.
 * Embedded files are hashed (SHA-256 of the decoded file) so the slip sheet can name what was
 * left out of the reproduced pages.
 */
export function listActiveContent(doc: PDFDocument): ActiveContent {
  const found: ActiveContent = { javaScriptActions: 0, otherActions: 0, links: 0, embeddedFiles: [], formFields: 0, otherAnnotations: 0 };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    for (const dict of dictionariesWithin(obj)) inspect(dict, found);
  }
  return found;
}

/** `root` (or a stream's dictionary) and every dictionary nested in it directly, without recursion (a hostile file may nest deeply). */
function* dictionariesWithin(root: unknown): Generator<PDFDict> {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const obj = pending.pop();
    const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : null;
    if (dict) {
      yield dict;
      for (const [, value] of dict.entries()) pending.push(value);
    } else if (obj instanceof PDFArray) {
      for (let i = obj.size() - 1; i >= 0; i--) pending.push(obj.get(i));
    }
  }
}

/** Lines for the slip sheet ("2 JavaScript actions", "1 embedded file: a.exe (SHA-256 …)"); empty when nothing was removed. */
export function describeActiveContent(found: ActiveContent): string[] {
  const out: string[] = [];
  if (found.javaScriptActions > 0) out.push(plural(found.javaScriptActions, 'JavaScript action'));
  if (found.otherActions > 0) out.push(`${plural(found.otherActions, 'other automatic action')} (launch, submit, open-on-load)`);
  if (found.embeddedFiles.length > 0) {
    const files = found.embeddedFiles.map((f) => `${f.name} (${plural(f.size, 'byte')}, SHA-256 ${f.sha256})`).join(', ');
    out.push(`${plural(found.embeddedFiles.length, 'embedded file')}: ${files}`);
  }
  if (found.links > 0) out.push(plural(found.links, 'link'));
  if (found.formFields > 0) out.push(plural(found.formFields, 'form field'));
  if (found.otherAnnotations > 0) out.push(`${plural(found.otherAnnotations, 'other annotation')} (comments, highlights, widgets)`);
  return out;
}

/**
 * What the removal leaves out, said where the Packet is sworn to (the declaration's "shown only
 * in part") and in --json's `partial`; the slip sheet lists the same in its own box. A form
 * field's entry or a comment is drawn by a PDF viewer on the page though it is not page content:
 * without this the declaration would swear such a page appears as stored while the account
 * number in its form field is on no page of the Packet. Empty when nothing was removed.
 */
export function activeContentNote(found: ActiveContent): string {
  const removed = describeActiveContent(found);
  if (removed.length === 0) return '';
  const items = removed.map((r) => r.split(':')[0]).join(', ');
  const onPage = [found.formFields > 0 ? 'the entries in its form fields' : '', found.otherAnnotations > 0 ? 'its annotations (comments, highlights, stamps)' : ''].filter(Boolean);
  const shownByViewers = onPage.length ? ` ${upperFirst(onPage.join(' and '))}, which a PDF viewer shows on the page, are not on the pages here.` : '';
  return `Its pages are reproduced without what the file holds besides page content (${items}).${shownByViewers} The complete file is kept unaltered in the case file, from which it can be produced on request.`;
}

function inspect(dict: PDFDict, found: ActiveContent): void {
  const type = dict.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
  const action = dict.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
  if (action === 'JavaScript') found.javaScriptActions++;
  else if (action && ACTIVE_ACTIONS.has(action)) found.otherActions++;
  const subtype = dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
  if (type === 'Annot' || (subtype && dict.has(PDFName.of('Rect')))) {
    if (subtype === 'Link') found.links++;
    // Widgets are the faces of form fields, counted as fields below.
    else if (subtype && subtype !== 'Popup' && subtype !== 'Widget') found.otherAnnotations++;
  }
  if (dict.has(PDFName.of('EF'))) {
    const ef = dict.lookupMaybe(PDFName.of('EF'), PDFDict);
    const stream = ef?.lookupMaybe(PDFName.of('F'), PDFStream) ?? ef?.lookupMaybe(PDFName.of('UF'), PDFStream);
    const nameObj = dict.lookup(PDFName.of('UF')) ?? dict.lookup(PDFName.of('F'));
    const name = nameObj instanceof PDFString || nameObj instanceof PDFHexString ? nameObj.decodeText() : '(unnamed)';
    let bytes: Uint8Array = new Uint8Array(0);
    if (stream instanceof PDFRawStream) {
      try {
        bytes = decodePDFRawStream(stream).decode();
      } catch {
        bytes = stream.getContents();
      }
    }
    found.embeddedFiles.push({ name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  // A field dictionary has a field type (FT); its widget may be the same dictionary or a kid.
  if (dict.has(PDFName.of('FT'))) found.formFields++;
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
