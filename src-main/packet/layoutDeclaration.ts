import { custodyGaps, hashStatement, listLabels } from './exhibitFacts';
import type { NotedText } from './captionNote';
import { layoutCaptionBlock } from './layoutCaptionBlock';
import type { CounselInput, SignatureImageInput } from './PacketInput';
import { effectiveProfile } from './courtProfiles';
import { formatBates } from './formatBates';
import { formatLongDate } from './formatText';
import type { LayoutFlow } from './LayoutFlow';
import { layoutTable } from './layoutTable';
import type { SectionContext } from './SectionContext';


/**
 * The declaration in the form of 28 U.S.C. § 1746 (unsworn declaration under penalty of perjury,
 * executed within the United States), with a certification paragraph in the manner of Federal
 * Rules of Evidence 902(13) and 902(14) listing every exhibit's SHA-256. The wording is a
 * template for counsel to review; the hash values are the ones this export re-computed and
 * matched against the recorded values before writing any page (see verifyExhibitBytes).
 */
export function layoutDeclaration(flow: LayoutFlow, ctx: SectionContext): void {
  const { declarant } = ctx;
  const { caption } = ctx.input;
  const exhibits = ctx.input.exhibits;
  // The court's body text: size and line spacing from the profile (S.D.N.Y.: 12 pt).
  const profile = effectiveProfile(ctx.input.options);
  const size = profile?.bodyFontSize ?? 12;
  const BODY = { font: 'serif' as const, size, leading: size * (profile?.lineSpacing ?? 19 / 12) };
  flow.newPage();
  // A declaration filed on its own (the ECF main document) carries the full caption. The note
  // under it (a character drawn as a box, a space spelled out) also speaks for the signature
  // blocks at the end, where no room is left for a note of their own.
  const signed: NotedText[] = [
    { text: `/s/ ${declarant.name}`, font: 'serifItalic' },
    { text: declarant.name, font: 'serif' },
    ...(declarant.role ? [{ text: declarant.role, font: 'serif' as const }] : []),
    ...(ctx.input.counsel ?? []).flatMap((c) => counselLines(c).map(([text, font]) => ({ text, font }))),
  ];
  layoutCaptionBlock(flow, caption, { where: 'the caption and signature blocks', texts: signed });
  flow.y -= 28;
  flow.heading(`DECLARATION OF ${declarant.name.toUpperCase()}`, 13, 18);

  const para = (n: number, text: string): void =>
    flow.paragraph(text, { ...BODY, label: `${n}.`, labelAt: 36, firstIndent: 72, spaceAfter: 8, keepLines: 3 });

  flow.paragraph(`I, ${declarant.name}, declare as follows:`, { ...BODY, firstIndent: 72, spaceAfter: 8 });
  let n = 1;
  // Every statement below is generated from what the case file records (exhibitFacts): a hash is
  // said to match an acquisition hash only where one was recorded, and gaps are stated. The
  // certification names no date for the re-hashing: with a fixed export date (used for
  // byte-identical re-exports) it would not be the day the hashes were actually re-computed.
  para(
    n++,
    `${declarant.role ? `${roleSentence(declarant.role)} ` : ''}I make this declaration of my own personal knowledge. If called as a witness, I could and would testify competently to the facts stated in it.`,
  );
  para(
    n++,
    `I prepared the filing packet of which this declaration is a part (the “Packet”) in Case No. ${caption.docket}. The Packet was produced by Dossier, a case-management application that stores each item of evidence byte for byte in a case file, computes its SHA-256, SHA-1 and MD5 hash values when the item is imported into the case file, and keeps a chain-of-custody record of each item.`,
  );
  if (exhibits.length > 0) {
    para(
      n++,
      `I am a qualified person for the purposes of Federal Rules of Evidence 902(13) and 902(14) with respect to the ${exhibits.length === 1 ? 'exhibit' : `${exhibits.length} exhibits`} listed below. Each exhibit is a true and correct copy of the data stored for it in the case file. When the Packet was prepared, the SHA-256 hash value of each exhibit's stored data was computed again and was identical to the value listed below; identical hash values show that the stored data has not been altered since that value was first computed. When and where that value was first computed is stated for each exhibit in the next paragraph.`,
    );
    flow.moveDown(6);
    // The first Bates number identifies the exhibit in the packet (ranges are in the index); a
    // single number keeps every row one line, whatever the exhibit's length (see exportPacket).
    layoutTable(
      flow,
      [
        { header: 'Exhibit', share: 70 },
        { header: 'First page (Bates)', share: 120 },
        { header: 'SHA-256 hash value', share: 278, font: 'mono', size: 7 },
      ],
      exhibits.map((ex) => {
        const p = ctx.exhibits.get(ex.id);
        return [ex.label, p ? formatBates(ctx.bates, p.batesFirst) : '—', ex.sha256];
      }),
      { size: 8.5, continued: 'Exhibits and hash values (continued)' },
    );
    flow.moveDown(12);
    para(n++, `The origin of each hash value listed above, as the case file records it:`);
    for (const ex of exhibits) flow.paragraph(hashStatement(ex), { ...BODY, indent: 72, spaceAfter: 6, keepLines: 2 });
    const gaps = custodyGaps(exhibits);
    if (gaps.length > 0) {
      para(n++, `The chain-of-custody records in the Packet show the following, which I state so that nothing in them is left unexplained: ${gaps.join(' ')}`);
    }
    // An empty file (0 bytes, classifyExhibit) is not one that "cannot be reproduced": it has nothing to show.
    const native = exhibits.filter((ex) => ctx.exhibits.get(ex.id)?.native && ex.size !== 0);
    const empty = exhibits.filter((ex) => ctx.exhibits.get(ex.id)?.native && ex.size === 0);
    // An exhibit cut short (the page cap, a capture's pages left out) is named with what its pages say about the rest.
    const partial = exhibits.flatMap((ex) => {
      const note = ctx.exhibits.get(ex.id)?.partial;
      return note ? [{ label: ex.label, note }] : [];
    });
    const inPart = partial.length ? ` (${listLabels(partial.map((p) => p.label))} only in part, as stated next)` : '';
    const partials = partial.map((p) => ` ${p.label} is shown only in part: ${p.note.charAt(0).toLowerCase()}${p.note.slice(1)}`).join('');
    const pages = `Each exhibit that can be reproduced as pages appears in the Packet as stored${inPart}${redactedLabels(exhibits)}, behind a slip sheet that identifies it.${partials}`;
    const natives = native.length
      ? ` ${listLabels(native.map((ex) => ex.label))} cannot be reproduced as pages; for ${native.length === 1 ? 'it' : 'each'} the Packet contains a slip sheet describing the file with its hash values, and the native file is kept unaltered in the case file, from which it can be produced on request.`
      : '';
    const empties = empty.length
      ? ` ${listLabels(empty.map((ex) => ex.label))} ${empty.length === 1 ? 'is an empty file' : 'are empty files'} (0 bytes), with nothing to reproduce; for ${empty.length === 1 ? 'it' : 'each'} the Packet contains a slip sheet saying so, with its hash values.`
      : '';
    para(
      n++,
      `${pages}${natives}${empties} Every page of the Packet bears a unique Bates number${ctx.bates.prefix ? ` with the prefix “${ctx.bates.prefix}”` : ''}, in sequence from ${formatBates(ctx.bates, ctx.packetBates.first)} through ${formatBates(ctx.bates, ctx.packetBates.last)}.`,
    );
  }
  // A packet exported past failing checks says so where it is sworn, not only on the audit page.
  if (ctx.input.forcedOver) {
    para(
      n++,
      `The Packet was exported with the override “--force” although checks that Dossier makes before an export failed (${forcedReasons(ctx.input.forcedOver)}). The Packet’s audit page states the same.`,
    );
  }
  // The attestation, the execution line and the signature (with its image) stay on one page.
  const signature = ctx.input.signatureImage;
  flow.ensureSpace(BODY.leading * 4 + 110 + (signature ? SIGNATURE_BOX.height + 6 : 0));
  para(
    n++,
    'I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.',
  );
  flow.paragraph(`Executed on ${formatLongDate(caption.date)}${declarant.place ? ` at ${declarant.place}` : ''}.`, {
    ...BODY,
    firstIndent: 72,
    spaceAfter: 0,
  });

  // Signature block, kept whole, on the right half: the "/s/" signature ECF accepts, then the
  // name and title under the line.
  const x = flow.left + flow.contentWidth / 2;
  flow.ensureSpace(90 + (signature ? SIGNATURE_BOX.height + 6 : 0));
  if (signature) {
    // The image sits above the /s/ line, which stays: courts' ECF rules take "/s/ Name" as the signature.
    flow.y -= 16;
    drawSignatureImage(flow, signature, x);
    flow.y -= 18;
  } else {
    flow.y -= 40;
  }
  flow.text(flow.clean(`/s/ ${declarant.name}`, 'serifItalic'), x, flow.y, { font: 'serifItalic', size: 12 });
  flow.y -= 6;
  flow.line(x, flow.y, flow.right, flow.y, 0.6);
  flow.y -= 15;
  flow.text(flow.clean(declarant.name, 'serif'), x, flow.y, { font: 'serif', size: 12 });
  if (declarant.role) {
    for (const line of flow.wrap(declarant.role, 'serif', 10, flow.right - x)) {
      flow.y -= 13;
      flow.text(line, x, flow.y, { font: 'serif', size: 10 });
    }
  }
  for (const counsel of ctx.input.counsel ?? []) layoutCounselBlock(flow, counsel, x);
}

/** The box a signature image is scaled into (points): about the room a hand signature takes on a signature line. */
const SIGNATURE_BOX = { width: 180, height: 54 };

/** The signature image, scaled to fit the box keeping its proportions, standing on the box's bottom edge at `x`. */
function drawSignatureImage(flow: LayoutFlow, signature: SignatureImageInput, x: number): void {
  const scale = Math.min(SIGNATURE_BOX.width / signature.width, SIGNATURE_BOX.height / signature.height);
  const w = signature.width * scale;
  const h = signature.height * scale;
  flow.y -= SIGNATURE_BOX.height;
  flow.image({ x, y: flow.y, w, h, format: signature.format, bytes: Buffer.from(signature.base64, 'base64'), key: `signature-${signature.sha256}` });
}

/** Counsel who file the declaration, as a signature block: /s/ line, name, firm, address, contact, bar number, whom they represent. */
function layoutCounselBlock(flow: LayoutFlow, counsel: CounselInput, x: number): void {
  const wrapped = counselLines(counsel).flatMap(([text, font]) => flow.wrap(flow.clean(text, font), font, 10.5, flow.right - x).map((l) => [l, font] as const));
  flow.ensureSpace(28 + wrapped.length * 13.5);
  flow.y -= 28;
  for (const [text, font] of wrapped) {
    flow.y -= 13.5;
    flow.text(text, x, flow.y, { font, size: 10.5 });
  }
}

/** The lines of counsel's signature block, each with its face. */
function counselLines(counsel: CounselInput): [string, 'serif' | 'serifItalic' | 'serifBold'][] {
  return [
    ['Submitted by:', 'serif'],
    [`/s/ ${counsel.name}`, 'serifItalic'],
    [`${counsel.name}${counsel.barNumber ? ` (Bar No. ${counsel.barNumber})` : ''}`, 'serif'],
    ...(counsel.firm ? [[counsel.firm.toUpperCase(), 'serifBold'] as [string, 'serifBold']] : []),
    ...(counsel.address ?? '').split('\n').filter(Boolean).map((l) => [l, 'serif'] as [string, 'serif']),
    ...(counsel.phone ? [[`Telephone: ${counsel.phone}`, 'serif'] as [string, 'serif']] : []),
    ...(counsel.email ? [[`E-mail: ${counsel.email}`, 'serif'] as [string, 'serif']] : []),
    ...(counsel.representing ? [[counsel.representing, 'serifItalic'] as [string, 'serifItalic']] : []),
  ];
}

/** Rule 5.2: which exhibits a public packet shows redacted, said in the declaration (from the input, so the layout holds). */
function redactedLabels(exhibits: SectionContext['input']['exhibits']): string {
  const labels = exhibits.filter((e) => e.redactions).map((e) => e.label);
  if (labels.length === 0) return '';
  // The same words in the public and the sealed set, so both lay out alike (same Bates numbers).
  return `, except that in the public filing ${labels.join(', ')} ${labels.length === 1 ? 'is' : 'are'} redacted under Federal Rule of Civil Procedure 5.2(a): personal identifiers are reduced to what the rule permits (the last four digits of a number, the year of a birth date, a minor's initials), and the pages holding them are reproduced as images with the redacted areas blacked out. The Index of Exhibits lists the SHA-256 hash value of each redacted rendering below that of the exhibit as stored`;
}

/**
 * "I am a Senior Investigator at Example Corp." reads as a sentence; a bare title ("Investigator",
 * "Investigator, Example Corp.") is not one a person is ("I am Investigator."), so it is said as
 * the declarant's title.
 */
function roleSentence(role: string): string {
  const text = role.trim().replace(/\.$/, '');
  if (/^(a|an|the|my)\s/i.test(text)) return `I am ${text}.`;
  return `My title is ${text}.`;
}

/** The checks a forced export overrode, without the "exported with --force over" its metadata form repeats. */
function forcedReasons(forcedOver: string): string {
  return forcedOver.replace(/(^|; )exported with --force over /g, '$1').replace(/\.$/, '');
}
