import { custodyOrder } from '../contract/custodyOrder';
import { captureDigestStatement } from './captureDigestStatement';
import { custodyResult, personOrNull } from './exhibitFacts';
import { formatBatesRange } from './formatBates';
import { formatTimestamp } from './formatText';
import type { LayoutFlow } from './LayoutFlow';
import type { CustodyEventInput } from './PacketInput';
import { attachmentRef, type SectionContext } from './SectionContext';
import { printedOneLine } from '../contract/controlCharacters';

/**
 * Chain of custody per exhibit: its SHA-256, every custody event in order, and where it is in this
 * packet. Each event is a short block (when, what, who) with any hash on a monospaced line of its
 * own, so a 64-digit value is never broken across lines. Places are file names only: the folders
 * of the investigator's computer are neither evidence nor anyone else's business.
 */
export function layoutCustodyReport(flow: LayoutFlow, ctx: SectionContext): void {
  flow.newPage();
  flow.heading('CHAIN OF CUSTODY', 13, 10);
  if (ctx.input.exhibits.length === 0) {
    flow.paragraph('No exhibits are part of this packet.', { font: 'serifItalic', size: 11 });
    return;
  }
  for (const ex of ctx.input.exhibits) {
    // Keep the heading with its hash, placement line and first event.
    flow.ensureSpace(120);
    flow.subheading(`${ex.label} — ${ex.title}`);
    flow.paragraph(`SHA-256 ${ex.sha256}`, { font: 'mono', size: 7.5, spaceAfter: 2 });
    const p = ctx.exhibits.get(ex.id);
    if (p) {
      flow.paragraph(
        `In this packet: ${formatBatesRange(ctx.bates, p.batesFirst, p.batesLast)}${ctx.ecf ? (p.filedInParts ? `, filed in ${p.filedInParts.count} parts (${attachmentRef(p)})` : ', filed as its own attachment') : `${ctx.volumeCount > 1 ? `, volume ${p.volume}` : ''}, page ${p.firstPage}`}.`,
        { font: 'serifItalic', size: 9.5, spaceAfter: 5 },
      );
    }
    // The same words as the declaration's, so the two never disagree about a capture's digests.
    if (ex.captureDigests) flow.paragraph(`Capture digests: ${captureDigestStatement(ex.captureDigests, ex.datesStateZone === true)}`, { font: 'serif', size: 9.5, spaceAfter: 5 });
    const events = custodyOrder(ex.custody);
    if (events.length === 0) {
      flow.paragraph('No custody events are recorded.', { font: 'serifItalic', size: 9.5, spaceAfter: 8 });
      continue;
    }
    for (const e of events) {
      flow.ensureSpace(40);
      // The result the hash seen shows (a mismatch stored as "ok" by an older version says both).
      const judged = custodyResult(ex, e);
      const result = judged.result && judged.result !== 'n/a' ? ` — result: ${judged.result}${judged.recorded ? ` (recorded as “${judged.recorded}”)` : ''}` : '';
      flow.paragraph(`${formatTimestamp(e.at)} · ${e.action} · ${who(e)}${result}`, { font: 'serifBold', size: 9, leading: 12, indent: 12, spaceAfter: 1, keepLines: 2 });
      const text = details(e);
      if (text) flow.paragraph(text, { font: 'serif', size: 9, leading: 12, indent: 24, spaceAfter: 1 });
      if (e.hashSeen) flow.paragraph(`${hashName(e.hashSeen)} seen: ${e.hashSeen}${judged.result === 'mismatch' ? ' (NOT the exhibit’s)' : ''}`, { font: 'mono', size: 7, leading: 10, indent: 24, spaceAfter: 1 });
      flow.moveDown(4);
    }
    flow.moveDown(8);
  }
}

/**
 * Who the event names. For an acquisition, the person recorded as acquiring (not the account that
 * typed it in); a computer account is called one, never presented as a person.
 */
function who(e: CustodyEventInput): string {
  if (e.action === 'acquired') {
    const person = personOrNull(e.toParty);
    return person ? `acquired by ${person}` : 'person acquiring not recorded';
  }
  const person = personOrNull(e.actor);
  return person ? `by ${person}` : `recorded by the computer account “${e.actor}”`;
}

/** The algorithm a hash seen is, by its length (custody compares it with the exhibit's hash of that kind). */
function hashName(hash: string): string {
  return hash.length === 40 ? 'SHA-1' : hash.length === 32 ? 'MD5' : 'SHA-256';
}

/** A place as a file name: "/home/jroe/cases/shot.png" -> "shot.png", "C:\\cases\\a.log" -> "a.log". */
function fileNameOnly(place: string): string {
  const parts = place.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? place;
}

/**
 * "from → to" of a hand-over, or null. A party the record lacks is never a "?": an import with no
 * acquirer recorded went from the file it was read from (its location) into the case file; any
 * other missing party is said to be not recorded.
 */
function parties(e: CustodyEventInput): { text: string; usesLocation: boolean } | null {
  if (e.action === 'acquired' || !(e.fromParty || e.toParty)) return null;
  const fromFile = !e.fromParty && e.action === 'imported' && e.location ? `file ${printedOneLine(fileNameOnly(e.location))}` : null;
  return { text: `${e.fromParty ?? fromFile ?? 'not recorded'} → ${e.toParty ?? 'not recorded'}`, usesLocation: fromFile !== null };
}

function details(e: CustodyEventInput): string {
  const parts: string[] = [];
  const handOver = parties(e);
  if (handOver) parts.push(handOver.text);
  if (e.action === 'acquired' && e.fromParty && !e.details?.includes(e.fromParty)) parts.push(`from ${e.fromParty}`);
  // Spelled out after the name is taken from the path (its spelled-out "\\x0a" would read as a folder).
  if (e.location && !handOver?.usesLocation) parts.push(`file ${printedOneLine(fileNameOnly(e.location))}`);
  if (e.purpose) parts.push(`for ${e.purpose}`);
  // The hash is printed on its own line; the details' own copy of it would break mid-string.
  // One cell of one row: a line break stored in the details (or in an import's method quoted there)
  // is spelled out, never an unmarked line of its own.
  if (e.details) parts.push(printedOneLine(e.details).replace(/\b[0-9a-f]{32,64}\b/g, (h) => (h === e.hashSeen ? '(below)' : h)));
  return parts.join('; ');
}
