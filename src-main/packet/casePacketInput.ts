import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { auditHeads } from '../audit/verifyAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { getCaseInfo } from '../case/caseInfo';
import { DossierError } from '../contract/errors';
import { printedOneLine as line } from '../contract/controlCharacters';
import { printedSpaces } from '../contract/spaceRuns';
import { localCalendarDay } from '../contract/statedTime';
import { requireDistinctExhibitNumbers } from '../evidence/requireDistinctExhibitNumbers';
import type { PacketRequestOptions } from '../contract/DossierApi';
import type { CourtOrder, Evidence } from '../contract/records';
import type { Counsel } from '../contract/filingCaption';
import { listCustody } from '../evidence/custody';
import { evidenceOrigin } from '../evidence/evidenceOrigin';
import { iterateAppendix } from '../websites/appendix';
import { appendixHeading } from '../websites/appendixHeading';
import { foldRegistrableDomains } from '../websites/foldRegistrableDomains';
import type { ExhibitInput, PacketInput } from './PacketInput';
import { SOURCE_NOT_RECORDED } from './exhibitFacts';
import { PACKET_SECTIONS } from './PacketInput';
import { filingOrders } from './filingOrders';
import { getCourtProfile, userCourtProfile } from './courtProfiles';
import { parseCourtProfile } from './parseCourtProfile';
import { readSignatureImage } from './readSignatureImage';
import { filingExhibitNumber } from './filingExhibitNumber';
import { resolveDuplicateNotes } from './resolveDuplicateNotes';
import { getFilingCaption } from './filingCaption';
import { partyCaption, withInitials } from './partyCaption';
import { exhibitReaders, hasTable, nextBatesStart } from './productions';
import type { CaptureDigestFacts } from '../captures/CaptureDigestFacts';
import { acceptedRedactions } from '../redaction/acceptedRedactions';
import { readCaptureDigestFacts } from '../captures/readCaptureDigestFacts';
import type { ExhibitRedactions } from '../redaction/ExhibitRedactions';
import { unreviewedRedactions } from '../redaction/unreviewedRedactions';
import { identifiersNeverReviewed } from '../redaction/identifiersNeverReviewed';

/** Purpose of the custody event a draft export records; such events are left out of later packets. */
export const DRAFT_EXPORT_PURPOSE = 'Draft filing packet (not filed)';

/** What the caption prints for a court or docket number the case never recorded (checkFiling names it). */
export const COURT_NOT_RECORDED = 'Court not recorded';
export const DOCKET_NOT_RECORDED = 'Docket not recorded';

/** What counsel choose for one export: the contract's packet options (the CLI and the UI use them). */
export type CasePacketOptions = PacketRequestOptions;

async function fileSha256(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The exhibit a reference names: its id, its number ("3") or its label ("Exhibit 3", any case). */
function exhibitByRef(all: readonly Evidence[], ref: string): Evidence | undefined {
  const text = ref.trim();
  const number = /^\d+$/.test(text) ? Number(text) : null;
  return all.find((e) => e.id === text) ?? all.find((e) => e.exhibit_label.toLowerCase() === text.toLowerCase() || (number !== null && e.exhibit_number === number));
}

function exhibitsFor(caseFile: CaseFile, refs: string[] | undefined): Evidence[] {
  const all = (prepareCached(caseFile.db, 'SELECT * FROM evidence WHERE deleted_at IS NULL ORDER BY exhibit_number, id').all() as (Evidence & { tags: string })[]).map(
    (row) => ({ ...row, tags: JSON.parse(row.tags) as string[] }),
  );
  const ids = refs?.map((ref) => exhibitByRef(all, ref)?.id ?? ref);
  // Two exhibits with one number (brought together by a merge): named, with the fix (issue 17).
  requireDistinctExhibitNumbers(caseFile, ids ? all.filter((e) => ids.includes(e.id)) : all.filter((e) => e.content_sha256));
  if (!ids) return all.filter((e) => e.content_sha256);
  return ids.map((ref) => {
    const found = exhibitByRef(all, ref);
    if (!found) throw new DossierError('NOT_FOUND', `No exhibit "${ref}" in this case; give its id, number or label (dossier list FILE evidence).`);
    if (!found.content_sha256) throw new DossierError('INVALID_REQUEST', `${found.exhibit_label} has no stored bytes to put in a packet.`);
    return found;
  });
}

/**
 * The packet prints these values as one line each: a line break in one (stored before the
 * one-line rule, brought in by a merge, or in a seized file's own name) is spelled out (`line`,
 * \x0a), never drawn as a line of its own in the sworn declaration or the custody report.
 * Values without control characters are unchanged, so packets of ordinary cases keep their bytes.
 */
function exhibitInput(caseFile: CaseFile, e: Evidence, sealed: boolean): ExhibitInput {
  const content = e.content_sha256!;
  return {
    id: e.id,
    label: line(e.exhibit_label),
    title: line(e.title),
    acquiredAt: e.acquired_at ?? e.created_at,
    acquiredAtRecorded: e.acquired_at !== null && e.acquired_at !== undefined,
    datesStateZone: true,
    acquiredBy: line(e.acquired_by) ?? null,
    source: line(evidenceOrigin(e) ?? SOURCE_NOT_RECORDED),
    sha256: e.sha256!,
    sha1: e.sha1!,
    md5: e.md5!,
    size: e.size_bytes,
    mediaType: e.media_type,
    originalName: line(e.original_name ?? e.title),
    description: e.description,
    // A draft's own "exported" events are not part of the record a filing shows (drafts are not filed).
    custody: listCustody(caseFile, e.id).filter((c) => !(c.action === 'exported' && c.purpose === DRAFT_EXPORT_PURPOSE)).map((c) => ({
      // The location is a path: the custody report takes its file name, then spells that out.
      at: c.at, actor: line(c.actor), action: c.action, fromParty: line(c.from_party), toParty: line(c.to_party), location: c.location,
      purpose: line(c.purpose), hashSeen: c.hash_seen, result: c.result, details: quotedNamesSpelledOut(c.details, [e.original_name, c.location]),
    })),
    ...exhibitReaders(caseFile, e.id, content),
    // A web capture's own digests and how they compared at import (frozen with the production).
    ...captureDigestsOf(caseFile, e.id),
    // A public packet burns in the accepted Rule 5.2 redactions; a sealed one shows everything.
    ...redactionsOf(caseFile, e.id, sealed),
  };
}

/**
 * Details are free text and keep their lines, but those Dossier wrote at import quote the file's
 * name and path as the file system gave them (a seized file's name is the adversary's text, and
 * Linux lets it hold a line break): each such quote is spelled out like the name itself.
 */
function quotedNamesSpelledOut(details: string | null, quoted: readonly (string | null | undefined)[]): string | null {
  let text = details;
  for (const name of quoted) if (text && name && line(name) !== name) text = text.split(name).join(line(name));
  return text;
}

/** Counsel's one-line fields spelled out like an exhibit's (the address keeps its lines: one per "\n"). */
function printedCounsel(c: Counsel): Counsel {
  const { name, firm, phone, email, barNumber, representing } = c;
  // Each is one line of the signature block: a line break or a space that would not show (a run
  // of spaces, stored before the rules against them) is spelled out.
  const one = (value: string): string => line(printedSpaces(value));
  return { ...c, name: one(name), ...(firm ? { firm: one(firm) } : {}), ...(phone ? { phone: one(phone) } : {}), ...(email ? { email: one(email) } : {}), ...(barNumber ? { barNumber: one(barNumber) } : {}), ...(representing ? { representing: one(representing) } : {}) };
}

function captureDigestsOf(caseFile: CaseFile, evidenceId: string): { captureDigests?: CaptureDigestFacts } {
  const facts = hasTable(caseFile, 'capture') ? readCaptureDigestFacts(caseFile.db, evidenceId) : null;
  return facts ? { captureDigests: facts } : {};
}

function redactionsOf(caseFile: CaseFile, evidenceId: string, sealed: boolean): { redactions?: ExhibitRedactions } {
  const accepted = acceptedRedactions(caseFile, evidenceId);
  return accepted ? { redactions: { ...accepted, ...(sealed ? { sealed: true } : {}) } } : {};
}

/** A day stays a day; a time with an offset becomes the same instant in UTC (the form of every stored time). */
function utcForm(date: string): string {
  return date.length === 10 ? date : new Date(date).toISOString();
}

/**
 * Fills the packet engine's input from the case file as it stands at `cutoffAt` (now): the input
 * is frozen with the production, so its dates are fixed (the execution date, or the cut-off).
 * A new production's Bates numbers continue after the last production of the same prefix.
 */
export async function casePacketInput(caseFile: CaseFile, options: CasePacketOptions, cutoffAt: string = nowIso()): Promise<PacketInput> {
  const info = getCaseInfo(caseFile);
  const orders = prepareCached(caseFile.db, "SELECT * FROM court_order WHERE deleted_at IS NULL ORDER BY coalesce(granted_at, filed_at, created_at), id").all() as CourtOrder[];
  const chosenOrder = options.orderId ? orders.find((o) => o.id === options.orderId) : undefined;
  if (options.orderId && !chosenOrder) throw new DossierError('NOT_FOUND', `No court order with id ${options.orderId} in this case.`);
  const captionOrder = chosenOrder ?? orders[0];
  // By default every section; Appendix A only when an order is chosen (it is that order's appendix).
  const sections = options.sections ?? PACKET_SECTIONS.filter((s) => s !== 'appendix' || chosenOrder);
  if (sections.includes('appendix') && !chosenOrder) {
    throw new DossierError('INVALID_REQUEST', 'Appendix A lists the domains of one court order: choose it with --order, or leave the appendix section out.');
  }
  const domains: PacketInput['domains'] = [];
  let appendix: PacketInput['appendix'];
  if (chosenOrder && sections.includes('appendix')) {
    const heading = appendixHeading(caseFile, chosenOrder.id);
    appendix = { heading: heading.heading, columns: options.appendixColumns === true };
    let order = 0;
    // One row per registrable domain: what a registry can act on (see foldRegistrableDomains).
    for (const entry of foldRegistrableDomains(iterateAppendix(caseFile, chosenOrder.id))) {
      domains.push({
        domainUnicode: entry.domain_unicode,
        domainAscii: entry.domain_ascii,
        registry: entry.registry,
        registrarName: entry.registrar,
        registrarIanaId: entry.registrar_iana_id ? Number(entry.registrar_iana_id) : null,
        registrantAsListed: entry.registrants.join('; ') || null,
        status: entry.statuses.map((s) => s.replace(/_/g, ' ')).join('; '),
        order: (order += 1),
        folded: entry.folded,
        flags: entry.flags,
        registryContact: heading.registryContact(entry.registry),
        ...(entry.host_kind === 'ip' ? { ipAddress: true } : {}),
      });
    }
  }
  const exhibits = exhibitsFor(caseFile, options.exhibitIds);
  // The execution date is a day where the declarant is: this computer's calendar day at the
  // cut-off, not the UTC day (at 17:30 on 7 December in California, UTC is already on the 8th).
  // checkFiling compares facts with it in the same sense. Frozen with the production as a day.
  const date = options.date ?? localCalendarDay(cutoffAt);
  const prefix = options.batesPrefix ?? `${(info.code_name ?? 'DOSSIER').replace(/[^A-Za-z0-9_.-]/g, '')}-`;
  const filing = getFilingCaption(caseFile);
  return {
    caption: {
      // The case's own caption first (dossier caption set / party add); an order's only as a fallback.
      court: filing.court ?? captionOrder?.court ?? info.jurisdiction ?? COURT_NOT_RECORDED,
      docket: line(withInitials(info.docket_number ?? captionOrder?.docket ?? DOCKET_NOT_RECORDED, filing.judgeInitials)),
      caption: partyCaption(filing.parties) ?? captionOrder?.caption ?? line(info.title),
      title: options.title ?? `Declaration and Exhibits: ${line(info.title)}`,
      // Never the computer account running the export: a filing without a declarant is refused
      // by the check (checkFiling), and a forced one says so.
      preparedBy: options.declarant?.name ?? 'Declarant not named',
      date,
    },
    options: {
      sections,
      bates: { prefix, start: options.batesStart ?? nextBatesStart(caseFile, prefix), padding: options.batesPadding ?? 6, ...(options.draft ? { draft: true } : {}), ...(options.sealed ? { legend: 'FILED UNDER SEAL' } : {}) },
      profile: options.customProfile?.name ?? options.profile ?? 'sdny-ecf',
      ...(options.customProfile ? { customProfile: userCourtProfile(parseCourtProfile(options.customProfile, 'the court profile')) } : {}),
      // The packet's own time (PDF metadata, checkpoint): an instant in UTC, or the day given.
      fixedDate: options.date ? utcForm(options.date) : cutoffAt,
      ...(options.declarant ? { declarant: options.declarant } : {}),
      ...(options.maxVolumeBytes ? { maxVolumeBytes: options.maxVolumeBytes } : {}),
      ...(options.layout ? { layout: options.layout } : {}),
      ...(options.sealed ? { sealed: true } : {}),
    },
    // After the labels are final: import notes naming another exhibit name it as this filing does.
    exhibits: resolveDuplicateNotes(exhibits.map((e, i) => {
      const ex = exhibitInput(caseFile, e, options.sealed === true);
      // --renumber: this filing's own sequence, the case's label kept for the index's cross-reference.
      return options.renumber ? { ...ex, label: `Exhibit ${filingExhibitNumber(i, (options.customProfile ?? getCourtProfile(options.profile ?? 'sdny-ecf'))?.exhibitLabels ?? 'numeric')}`, caseLabel: e.exhibit_label } : ex;
    })),
    domains,
    ...(appendix ? { appendix } : {}),
    orders: filingOrders(caseFile, orders, options.orderIds, chosenOrder, exhibits.map((e) => e.id)).map((o) => ({
      title: line(o.title), docket: line(o.docket), court: line(o.court), judge: line(o.judge), type: o.order_type, filedAt: o.filed_at, grantedAt: o.granted_at,
      servedAt: o.served_at, expiresAt: o.expires_at, status: o.status, summary: o.summary, ecfNumber: line(o.ecf_number),
    })),
    auditHeads: auditHeads(caseFile.db).map((h) => ({ author: line(h.chain), seq: h.length, hash: h.headHash })),
    caseFileSha256: await fileSha256(caseFile.path),
    caseFileHashedAt: cutoffAt,
    counsel: filing.counsel.map(printedCounsel),
    // Read and checked now, kept as bytes: frozen with the production, whatever becomes of the file.
    ...(options.signatureImage ? { signatureImage: await readSignatureImage(options.signatureImage) } : {}),
    ...(options.sealed ? {} : { unreviewedRedactions: unreviewedRedactions(caseFile, exhibits), identifiersNeverReviewed: await identifiersNeverReviewed(caseFile, exhibits) }),
  };
}
